import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonKey as PersonKeyModel, MeasureKey as MeasureKeyModel } from '../../../runtime/subgraph';
import type { JudicialFileRecord as JudicialFileRecordModel, RegistrationCommentRecord as RegistrationCommentRecordModel } from '../../../adapters/mach/types';
import type { MachContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, ISO 8601 (YYYY-MM-DD), in Belgian local time. */
  Date: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** How many of the review's files raise each risk indicator of §7.4.2. */
export type AntecedentCounts = {
  __typename?: 'AntecedentCounts';
  /** Files with index 60 (drugs). */
  drugs: Scalars['Int']['output'];
  /** Intra-family violence files, whatever their index or victim. */
  intraFamilyViolence: Scalars['Int']['output'];
  /** Files with index 37 (sexual offences). */
  sexualOffences: Scalars['Int']['output'];
  /** Files with index 32 (suicide or attempted suicide). */
  suicide: Scalars['Int']['output'];
  /** Files with index 36 (weapons). */
  weapons: Scalars['Int']['output'];
};

/** Whether the review's files show each risk indicator of §7.4.2. */
export type AntecedentIndicators = {
  __typename?: 'AntecedentIndicators';
  /** A file with index 60 (drugs). */
  drugs: Scalars['Boolean']['output'];
  /** An intra-family violence file, whatever its index or victim. */
  intraFamilyViolence: Scalars['Boolean']['output'];
  /** A file with index 37 (sexual offences). */
  sexualOffences: Scalars['Boolean']['output'];
  /** A file with index 32 (suicide or attempted suicide). */
  suicide: Scalars['Boolean']['output'];
  /** A file with index 36 (weapons). */
  weapons: Scalars['Boolean']['output'];
};

/**
 * What the magistrate weighs at least before deciding (§7.4.2, §7.6): the
 * suspect's files in the window, and the risk indicators they raise.
 */
export type AntecedentReview = {
  __typename?: 'AntecedentReview';
  /** How many of those files raise each indicator; one file may raise two. */
  counts: AntecedentCounts;
  /** The files opened in the window that the review keeps, newest first. */
  files: Array<JudicialFile>;
  /** Which risk indicators at least one of those files raises. */
  indicators: AntecedentIndicators;
  /**
   * The window's first day: the same day 3 years before its last; a
   * 29 February falls back to 28 February.
   */
  windowFrom: Scalars['Date']['output'];
  /** The window's last day: the reference date. */
  windowTo: Scalars['Date']['output'];
};

/** A prosecutor's file in MaCH. */
export type JudicialFile = {
  __typename?: 'JudicialFile';
  /** The arrondissement whose parquet holds the file. */
  arrondissementCode: Scalars['String']['output'];
  /** Why it was dismissed (classement sans suite); null otherwise. */
  dismissalReason: Maybe<Scalars['String']['output']>;
  /** The parquet's index code, e.g. 36 (weapons). */
  index: Scalars['String']['output'];
  /** What the index stands for, e.g. weapons. */
  indexLabel: Scalars['String']['output'];
  /** True for intra-family violence, whatever the index (§7.4.2). */
  intraFamily: Scalars['Boolean']['output'];
  /** The file's number at the parquet. */
  number: Scalars['ID']['output'];
  /** The day the file was opened; §7.4.2 weighs the 3 years before the decision. */
  openedOn: Scalars['Date']['output'];
  /** Where the file stands. */
  status: JudicialFileStatus;
};

/** Where a judicial file stands; dismissed files count too (§7.4.2). */
export type JudicialFileStatus =
  /** Dismissed (classé sans suite), for whatever reason. */
  | 'DISMISSED'
  /** Brought to judgment. */
  | 'JUDGED'
  /** Under way at the parquet. */
  | 'OPEN';

/**
 * A person known to the protection system: a protected person or a suspect.
 * Keyed by the Belgian national register number (11 digits).
 */
export type Person = {
  __typename?: 'Person';
  /**
   * The look-back of §7.4.2 and §7.6: the files opened against this person
   * as suspect in the 3 years up to the reference date, dismissed or not,
   * that the magistrate weighs at least: every intra-family violence file
   * whatever its index, and indices 60, 36, 37 and 32. Null, with an error,
   * when MaCH does not answer.
   */
  antecedentReview: Maybe<AntecedentReview>;
  /**
   * Judicial files in MaCH naming this person as suspect, newest first;
   * null, with an error, when MaCH does not answer.
   */
  antecedents: Maybe<Array<JudicialFile>>;
  /** The national register number: 11 digits, the last two a mod-97 check. */
  nationalNumber: Scalars['ID']['output'];
  /**
   * The current registration comment (§7.13.2) of each measure against this
   * person as suspect, newest first, so that a look at the antecedents shows
   * the alarm even after it ended. For magistrates only: the suspect's side
   * never shows the alarm to anyone else (§7.8.4). Null, with an error, when
   * MaCH does not answer or the caller is not a magistrate.
   */
  registrationComments: Maybe<Array<RegistrationComment>>;
};


/**
 * A person known to the protection system: a protected person or a suspect.
 * Keyed by the Belgian national register number (11 digits).
 */
export type PersonAntecedentReviewArgs = {
  referenceDate?: InputMaybe<Scalars['Date']['input']>;
};

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /** The measure's identifier, the same in every subgraph. */
  id: Scalars['ID']['output'];
  /**
   * The registration comments of §7.13.2 in application 145, newest first:
   * each replaces the one before it, which stays readable. Null, with an
   * error, when MaCH does not answer.
   */
  registrationComments: Maybe<Array<RegistrationComment>>;
};

/** A comment on the suspect's antecedents that an alarm was decided (§7.13.2). */
export type RegistrationComment = {
  __typename?: 'RegistrationComment';
  /** The measure the comment registers. */
  measureId: Scalars['ID']['output'];
  /** When a later comment replaced it; null for the current one. */
  replacedOn: Maybe<Scalars['Date']['output']>;
  /** Exactly one of the circular's texts, with the date as dd/mm/yyyy. */
  text: Scalars['String']['output'];
  /** The day the comment was written. */
  writtenOn: Scalars['Date']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Person: Person;
  ProtectionMeasure: ProtectionMeasure;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"nationalNumber":true}> );
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AntecedentCounts: ResolverTypeWrapper<AntecedentCounts>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AntecedentIndicators: ResolverTypeWrapper<AntecedentIndicators>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AntecedentReview: ResolverTypeWrapper<Omit<AntecedentReview, 'files'> & { files: Array<ResolversTypes['JudicialFile']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  JudicialFile: ResolverTypeWrapper<JudicialFileRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  JudicialFileStatus: JudicialFileStatus;
  Person: ResolverTypeWrapper<PersonKeyModel>;
  ProtectionMeasure: ResolverTypeWrapper<MeasureKeyModel>;
  RegistrationComment: ResolverTypeWrapper<RegistrationCommentRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AntecedentCounts: AntecedentCounts;
  Int: Scalars['Int']['output'];
  AntecedentIndicators: AntecedentIndicators;
  Boolean: Scalars['Boolean']['output'];
  AntecedentReview: Omit<AntecedentReview, 'files'> & { files: Array<ResolversParentTypes['JudicialFile']> };
  Date: Scalars['Date']['output'];
  JudicialFile: JudicialFileRecordModel;
  ID: Scalars['ID']['output'];
  Person: PersonKeyModel;
  ProtectionMeasure: MeasureKeyModel;
  RegistrationComment: RegistrationCommentRecordModel;
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = MachContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AntecedentCountsResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['AntecedentCounts'] = ResolversParentTypes['AntecedentCounts']> = {
  drugs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  intraFamilyViolence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sexualOffences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suicide?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weapons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AntecedentIndicatorsResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['AntecedentIndicators'] = ResolversParentTypes['AntecedentIndicators']> = {
  drugs?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  intraFamilyViolence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sexualOffences?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suicide?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  weapons?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type AntecedentReviewResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['AntecedentReview'] = ResolversParentTypes['AntecedentReview']> = {
  counts?: Resolver<ResolversTypes['AntecedentCounts'], ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['JudicialFile']>, ParentType, ContextType>;
  indicators?: Resolver<ResolversTypes['AntecedentIndicators'], ParentType, ContextType>;
  windowFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  windowTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type JudicialFileResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['JudicialFile'] = ResolversParentTypes['JudicialFile']> = {
  arrondissementCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dismissalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  indexLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  intraFamily?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JudicialFileStatus'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  antecedentReview?: Resolver<Maybe<ResolversTypes['AntecedentReview']>, ParentType, ContextType, Partial<PersonAntecedentReviewArgs>>;
  antecedents?: Resolver<Maybe<Array<ResolversTypes['JudicialFile']>>, ParentType, ContextType>;
  nationalNumber?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registrationComments?: Resolver<Maybe<Array<ResolversTypes['RegistrationComment']>>, ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registrationComments?: Resolver<Maybe<Array<ResolversTypes['RegistrationComment']>>, ParentType, ContextType>;
};

export type RegistrationCommentResolvers<ContextType = MachContext, ParentType extends ResolversParentTypes['RegistrationComment'] = ResolversParentTypes['RegistrationComment']> = {
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replacedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  writtenOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type Resolvers<ContextType = MachContext> = {
  AntecedentCounts?: AntecedentCountsResolvers<ContextType>;
  AntecedentIndicators?: AntecedentIndicatorsResolvers<ContextType>;
  AntecedentReview?: AntecedentReviewResolvers<ContextType>;
  Date?: GraphQLScalarType;
  JudicialFile?: JudicialFileResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  RegistrationComment?: RegistrationCommentResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = MachContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
