import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MeasureKey as MeasureKeyModel } from '../../../runtime/subgraph';
import type { ReferralRecord as ReferralRecordModel, NoticeRecord as NoticeRecordModel } from '../../../adapters/victim-support/types';
import type { WorkListScope as WorkListScopeModel } from '../work-list';
import type { StatisticsRequest as StatisticsRequestModel } from '../../statistics/request';
import type { VictimSupportReport as VictimSupportReportModel, VictimSupportReportCell as VictimSupportReportCellModel } from '../statistics';
import type { VictimSupportContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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

/** A judicial arrondissement; the protection subgraph tells the rest. */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  /** The arrondissement's code, e.g. ANT. */
  code: Scalars['ID']['output'];
};

/**
 * A count under disclosure control: the value, or suppressed when it
 * stands for fewer than 5 people or would give such a count back by
 * difference. A suppressed count is null with `suppressed` true, never 0.
 * Shareable: the other subgraphs' figures are counts too.
 */
export type Count = {
  __typename?: 'Count';
  /** Withheld by disclosure control. */
  suppressed: Scalars['Boolean']['output'];
  /** The count; null when suppressed. */
  value: Maybe<Scalars['Int']['output']>;
};

/**
 * What the parquet and the victim support service record about a
 * referral (§7.8.3). Each answers the referral as it stands afterwards.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * The person's answer to an offer of service (§7.8.3, §7.12.2); moves
   * the referral's status (see ReferralStatus). For the victim support
   * service of the referral's arrondissement. The same answer again
   * changes nothing; another answer to an offer already answered is
   * refused (CONFLICT).
   */
  recordOfferAnswer: Referral;
  /**
   * The service reached the person and made its first offer (§7.8.3):
   * RECEIVED becomes CONTACTED. For the victim support service of the
   * referral's arrondissement. The same day again changes nothing; another
   * day, or a referral the person already answered, is refused (CONFLICT).
   */
  recordPersonContacted: Referral;
  /**
   * The parquet sends the person's contact data to the service (§7.8.3),
   * kept apart and confidential (§7.8.5); it replaces what was sent
   * before. For the magistrates of the referral's arrondissement; any
   * other caller gets FORBIDDEN. NOT_FOUND before the measure is referred.
   */
  recordReferralContact: Referral;
};


/**
 * What the parquet and the victim support service record about a
 * referral (§7.8.3). Each answers the referral as it stands afterwards.
 */
export type MutationRecordOfferAnswerArgs = {
  input: RecordOfferAnswerInput;
};


/**
 * What the parquet and the victim support service record about a
 * referral (§7.8.3). Each answers the referral as it stands afterwards.
 */
export type MutationRecordPersonContactedArgs = {
  input: RecordPersonContactedInput;
};


/**
 * What the parquet and the victim support service record about a
 * referral (§7.8.3). Each answers the referral as it stands afterwards.
 */
export type MutationRecordReferralContactArgs = {
  input: RecordReferralContactInput;
};

/** A notice from the parquet to the victim support service (§7.8.3). */
export type Notice = {
  __typename?: 'Notice';
  /** The day the notice is about: the planned end, the new end, the end, the transfer. */
  date: Scalars['Date']['output'];
  /** What the notice is about. */
  kind: NoticeKind;
};

/** What the parquet tells the victim support service (§7.8.3). */
export type NoticeKind =
  /** The measure ended early (§7.12.3). */
  | 'EARLY_END'
  /** The planned end of the measure, told in every case. */
  | 'END_DATE'
  /** The alarm was granted, to a service already dealing with the person. */
  | 'GRANT'
  /** The measure was prolonged: a new planned end (§7.10.2, §7.12.1). */
  | 'PROLONGATION'
  /** The magistrate asks the service to renew its offer near the end (§7.12.2). */
  | 'RENEWED_OFFER_REQUEST'
  /** The referral came over from another arrondissement (§7.2.3). */
  | 'TRANSFER';

/** Offers of service by kind (§7.8.3, §7.12.2). */
export type OfferCounts = {
  __typename?: 'OfferCounts';
  /** The first offer, on the first contact. */
  initial: Count;
  /** The renewed offer before the end, when the first was not taken up. */
  renewal: Count;
};

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /** The measure's identifier, the same in every subgraph. */
  id: Scalars['ID']['output'];
  /** The referral to the victim support service (§7.8.3); null before one. */
  referral: Maybe<Referral>;
};

/** The entry points for reading the graph. */
export type Query = {
  __typename?: 'Query';
  /**
   * What the caller's victim support service (SAV) must do in its
   * arrondissement (§7.8.3, §7.12.2). Only for the role victim-support;
   * any other role gets FORBIDDEN.
   */
  victimSupportWorkList: VictimSupportWorkList;
};

/** The person's answer to an offer of service (§7.8.3, §7.12.2). */
export type RecordOfferAnswerInput = {
  /** The person takes up the offer. */
  accepted: Scalars['Boolean']['input'];
  /** The day of the answer; not before the offer. */
  answeredOn: Scalars['Date']['input'];
  /** The offer answered: the first, or the one renewed near the end. */
  offerKind: ServiceOfferKind;
  /** The referral. */
  referralId: Scalars['ID']['input'];
};

/** The service's first contact with the person (§7.8.3). */
export type RecordPersonContactedInput = {
  /** The day the service reached the person and made its offer; not before the referral. */
  contactedOn: Scalars['Date']['input'];
  /** The referral. */
  referralId: Scalars['ID']['input'];
};

/** How the victim support service can reach the protected person (§7.8.3). */
export type RecordReferralContactInput = {
  /** An e-mail address; null when the person has none. At least one of the two. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The measure whose referral the data goes with. */
  measureId: Scalars['ID']['input'];
  /**
   * A phone number in international form: + and the country code, e.g.
   * +32 470 12 34 56 (spaces, dots, dashes and slashes are dropped; 00
   * counts as +). Null when the person has none.
   */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A referral of the protected person to the victim support service (SAV). */
export type Referral = {
  __typename?: 'Referral';
  /** The arrondissement whose parquet referred the person; its SAV acts (§7.8.3). */
  arrondissementCode: Scalars['String']['output'];
  /**
   * How to reach the person, as the parquet sent it (§7.8.3); null before
   * it did. Confidential (§7.8.5): only the victim support service and the
   * magistrates of the referral's arrondissement read it; anyone else gets
   * null and a FORBIDDEN error.
   */
  contact: Maybe<ReferralContact>;
  /** The referral's identifier at the service. */
  id: Scalars['ID']['output'];
  /** What the parquet told the service about the measure, oldest first (§7.8.3). */
  notices: Array<Notice>;
  /** The offers of service made to the person, oldest first (§7.8.3). */
  offers: Array<ServiceOffer>;
  /** The initial report (PV) whose copy went with the referral. */
  pvReference: Scalars['String']['output'];
  /** The day the parquet referred the person (§7.8.3). */
  referredOn: Scalars['Date']['output'];
  /** Where the service stands with the person. */
  status: ReferralStatus;
};

/** How the victim support service reaches the protected person (§7.8.3, §7.8.5). */
export type ReferralContact = {
  __typename?: 'ReferralContact';
  /** An e-mail address; null when none was given. */
  email: Maybe<Scalars['String']['output']>;
  /** A phone number in international form (E.164), e.g. +32470123456; null when none was given. */
  phone: Maybe<Scalars['String']['output']>;
};

/**
 * Where the victim support service stands with a referred person. Only
 * the service's own records move it: the first contact (RECEIVED becomes
 * CONTACTED) and the person's answers. An accepted offer makes it
 * SUPPORT_ONGOING, from any status; a declined one makes it CLOSED, or
 * leaves it CONTACTED while another offer awaits an answer. Support under
 * way stays SUPPORT_ONGOING whatever a later answer says.
 */
export type ReferralStatus =
  /**
   * Closed: every offer made was declined, or the support is over. An
   * accepted renewed offer (§7.12.2) reopens it as SUPPORT_ONGOING.
   */
  | 'CLOSED'
  /** The person was contacted; the offer awaits an answer. */
  | 'CONTACTED'
  /** Received: the service has still to contact the person (§7.8.3). */
  | 'RECEIVED'
  /** Accepted: a justice assistant (assistant de justice) supports the person. */
  | 'SUPPORT_ONGOING';

/** An offer of the service's support to the protected person (§7.8.3). */
export type ServiceOffer = {
  __typename?: 'ServiceOffer';
  /** The person's answer; null while there is none. */
  accepted: Maybe<Scalars['Boolean']['output']>;
  /** The day of the answer; null while there is none, or when it was not recorded. */
  answeredOn: Maybe<Scalars['Date']['output']>;
  /** The first offer, or the one renewed near the end. */
  kind: ServiceOfferKind;
  /** The day the offer was made. */
  offeredOn: Scalars['Date']['output'];
};

/** Which offer of service (§7.8.3, §7.12.2). */
export type ServiceOfferKind =
  /** The offer that follows the referral (§7.8.3). */
  | 'INITIAL'
  /**
   * The new offer near the end, at the magistrate's request, to a person who
   * did not take up the first (§7.8.3, §7.12.2).
   */
  | 'RENEWAL';

/**
 * Aggregate figures over a period (§9; issue 7), named by its key; the
 * protection subgraph answers the report and its register's figures (see
 * there). This subgraph adds the service's under `victimSupport`, reading
 * the key back and judging the caller's territory again.
 */
export type StatisticsReport = {
  __typename?: 'StatisticsReport';
  /** `v1|<from>|<to>|<scope>|<dimensions>`; see the protection subgraph. */
  key: Scalars['ID']['output'];
  /**
   * The service's figures (§7.8.3), broken down by ARRONDISSEMENT where
   * asked. Null for a zone's report: a referral knows its arrondissement
   * only, not the zone.
   */
  victimSupport: Maybe<VictimSupportStatistics>;
};

/**
 * The service's figures of a cell or of the total (§7.8.3, §7.12.2). Each
 * count stands for the victims of the measures referred.
 */
export type VictimSupportFigures = {
  __typename?: 'VictimSupportFigures';
  /** Persons reached for the first time in the period. */
  firstContacts: Count;
  /** Offers of service made in the period, by kind. */
  offersMade: OfferCounts;
  /** Offers accepted in the period, by kind. */
  offersTakenUp: OfferCounts;
  /** Referrals made in the period. */
  referrals: Count;
};

/** The victim support service's share of a report. */
export type VictimSupportStatistics = {
  __typename?: 'VictimSupportStatistics';
  /** One cell per arrondissement found, in order; empty unless asked. */
  cells: Array<VictimSupportStatisticsCell>;
  /** The figures of the whole scope. */
  total: VictimSupportFigures;
};

/** One cell of the service's breakdown. */
export type VictimSupportStatisticsCell = {
  __typename?: 'VictimSupportStatisticsCell';
  /** ARRONDISSEMENT: the service's arrondissement now. */
  arrondissement: Maybe<Arrondissement>;
  /** The cell's figures. */
  figures: VictimSupportFigures;
};

/**
 * The tasks of a victim support service (service d'accueil des victimes,
 * SAV), from the referrals of its arrondissement.
 */
export type VictimSupportWorkList = {
  __typename?: 'VictimSupportWorkList';
  /**
   * Referrals received and not acted on yet: the service must contact the
   * person (§7.8.3). Oldest referral first.
   */
  referralsToContact: Array<Referral>;
  /**
   * Referrals whose renewed offer the magistrate asked for and the person
   * has not answered yet (§7.8.3, §7.12.2). Oldest request first.
   */
  renewedOffersToMake: Array<Referral>;
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
  ProtectionMeasure: ProtectionMeasure;
  Referral: Referral;
  StatisticsReport: StatisticsReport;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
  Referral:
    ( { __typename: 'Referral' }
    & GraphQLRecursivePick<FederationTypes['Referral'], {"id":true}> );
  StatisticsReport:
    ( { __typename: 'StatisticsReport' }
    & GraphQLRecursivePick<FederationTypes['StatisticsReport'], {"key":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Arrondissement: ResolverTypeWrapper<Arrondissement>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Count: ResolverTypeWrapper<Count>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notice: ResolverTypeWrapper<NoticeRecordModel>;
  NoticeKind: NoticeKind;
  OfferCounts: ResolverTypeWrapper<OfferCounts>;
  ProtectionMeasure: ResolverTypeWrapper<MeasureKeyModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordOfferAnswerInput: RecordOfferAnswerInput;
  RecordPersonContactedInput: RecordPersonContactedInput;
  RecordReferralContactInput: RecordReferralContactInput;
  Referral: ResolverTypeWrapper<ReferralRecordModel>;
  ReferralContact: ResolverTypeWrapper<ReferralContact>;
  ReferralStatus: ReferralStatus;
  ServiceOffer: ResolverTypeWrapper<ServiceOffer>;
  ServiceOfferKind: ServiceOfferKind;
  StatisticsReport: ResolverTypeWrapper<StatisticsRequestModel>;
  VictimSupportFigures: ResolverTypeWrapper<VictimSupportFigures>;
  VictimSupportStatistics: ResolverTypeWrapper<VictimSupportReportModel>;
  VictimSupportStatisticsCell: ResolverTypeWrapper<VictimSupportReportCellModel>;
  VictimSupportWorkList: ResolverTypeWrapper<WorkListScopeModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Arrondissement: Arrondissement;
  ID: Scalars['ID']['output'];
  Count: Count;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  Date: Scalars['Date']['output'];
  Mutation: Record<PropertyKey, never>;
  Notice: NoticeRecordModel;
  OfferCounts: OfferCounts;
  ProtectionMeasure: MeasureKeyModel;
  Query: Record<PropertyKey, never>;
  RecordOfferAnswerInput: RecordOfferAnswerInput;
  RecordPersonContactedInput: RecordPersonContactedInput;
  RecordReferralContactInput: RecordReferralContactInput;
  Referral: ReferralRecordModel;
  ReferralContact: ReferralContact;
  ServiceOffer: ServiceOffer;
  StatisticsReport: StatisticsRequestModel;
  VictimSupportFigures: VictimSupportFigures;
  VictimSupportStatistics: VictimSupportReportModel;
  VictimSupportStatisticsCell: VictimSupportReportCellModel;
  VictimSupportWorkList: WorkListScopeModel;
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = VictimSupportContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArrondissementResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Arrondissement'] = ResolversParentTypes['Arrondissement']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CountResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type MutationResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordOfferAnswer?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationRecordOfferAnswerArgs, 'input'>>;
  recordPersonContacted?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationRecordPersonContactedArgs, 'input'>>;
  recordReferralContact?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationRecordReferralContactArgs, 'input'>>;
};

export type NoticeResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Notice'] = ResolversParentTypes['Notice']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoticeKind'], ParentType, ContextType>;
};

export type OfferCountsResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['OfferCounts'] = ResolversParentTypes['OfferCounts']> = {
  initial?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  renewal?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  victimSupportWorkList?: Resolver<ResolversTypes['VictimSupportWorkList'], ParentType, ContextType>;
};

export type ReferralResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral'], FederationReferenceType extends FederationReferenceTypes['Referral'] = FederationReferenceTypes['Referral']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Referral']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissementCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contact?: Resolver<Maybe<ResolversTypes['ReferralContact']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['Notice']>, ParentType, ContextType>;
  offers?: Resolver<Array<ResolversTypes['ServiceOffer']>, ParentType, ContextType>;
  pvReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
};

export type ReferralContactResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['ReferralContact'] = ResolversParentTypes['ReferralContact']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceOfferResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['ServiceOffer'] = ResolversParentTypes['ServiceOffer']> = {
  accepted?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  answeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ServiceOfferKind'], ParentType, ContextType>;
  offeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type StatisticsReportResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['StatisticsReport'] = ResolversParentTypes['StatisticsReport'], FederationReferenceType extends FederationReferenceTypes['StatisticsReport'] = FederationReferenceTypes['StatisticsReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['StatisticsReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  victimSupport?: Resolver<Maybe<ResolversTypes['VictimSupportStatistics']>, ParentType, ContextType>;
};

export type VictimSupportFiguresResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['VictimSupportFigures'] = ResolversParentTypes['VictimSupportFigures']> = {
  firstContacts?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  offersMade?: Resolver<ResolversTypes['OfferCounts'], ParentType, ContextType>;
  offersTakenUp?: Resolver<ResolversTypes['OfferCounts'], ParentType, ContextType>;
  referrals?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type VictimSupportStatisticsResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['VictimSupportStatistics'] = ResolversParentTypes['VictimSupportStatistics']> = {
  cells?: Resolver<Array<ResolversTypes['VictimSupportStatisticsCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['VictimSupportFigures'], ParentType, ContextType>;
};

export type VictimSupportStatisticsCellResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['VictimSupportStatisticsCell'] = ResolversParentTypes['VictimSupportStatisticsCell']> = {
  arrondissement?: Resolver<Maybe<ResolversTypes['Arrondissement']>, ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['VictimSupportFigures'], ParentType, ContextType>;
};

export type VictimSupportWorkListResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['VictimSupportWorkList'] = ResolversParentTypes['VictimSupportWorkList']> = {
  referralsToContact?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
  renewedOffersToMake?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = VictimSupportContext> = {
  Arrondissement?: ArrondissementResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Notice?: NoticeResolvers<ContextType>;
  OfferCounts?: OfferCountsResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ReferralContact?: ReferralContactResolvers<ContextType>;
  ServiceOffer?: ServiceOfferResolvers<ContextType>;
  StatisticsReport?: StatisticsReportResolvers<ContextType>;
  VictimSupportFigures?: VictimSupportFiguresResolvers<ContextType>;
  VictimSupportStatistics?: VictimSupportStatisticsResolvers<ContextType>;
  VictimSupportStatisticsCell?: VictimSupportStatisticsCellResolvers<ContextType>;
  VictimSupportWorkList?: VictimSupportWorkListResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = VictimSupportContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
