import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRecord as PersonRecordModel, MeasureRecord as MeasureRecordModel, ProtectedPersonRecord as ProtectedPersonRecordModel, ProvinceRecord as ProvinceRecordModel, ArrondissementRecord as ArrondissementRecordModel, ZoneRecord as ZoneRecordModel } from '../../../adapters/protection/types';
import type { ProtectionContext } from '../context';
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

/** A judicial arrondissement, with its parquet. */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  code: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  province: Province;
};

/** Why a measure ended (§7.12). */
export type EndReason =
  | 'EXPIRED'
  | 'MISUSE'
  | 'NO_LONGER_SERIOUS'
  | 'PERSON_REQUEST'
  | 'SETTLED_ABROAD'
  | 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY';

export type Gender =
  | 'FEMALE'
  | 'MALE'
  | 'X';

export type MeasureStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'REFUSED'
  | 'REQUESTED';

/**
 * A person known to the protection system: a protected person or a suspect.
 * Keyed by the Belgian national register number (11 digits).
 */
export type Person = {
  __typename?: 'Person';
  birthDate: Maybe<Scalars['Date']['output']>;
  firstName: Scalars['String']['output'];
  gender: Maybe<Gender>;
  lastName: Scalars['String']['output'];
  nationalNumber: Scalars['ID']['output'];
  /** Measures under which this person is protected. */
  protections: Array<ProtectionMeasure>;
};

/** A local police zone; the alarm is available once the zone is deployed (§5.2). */
export type PoliceZone = {
  __typename?: 'PoliceZone';
  arrondissement: Arrondissement;
  code: Scalars['ID']['output'];
  deployedOn: Maybe<Scalars['Date']['output']>;
  name: Scalars['String']['output'];
};

export type ProtectedPerson = {
  __typename?: 'ProtectedPerson';
  person: Person;
  role: ProtectedRole;
};

export type ProtectedRole =
  | 'CHILD'
  | 'RELATIVE'
  | 'VICTIM';

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /** The judicial arrondissement of the residence: its parquet decides (§7.2.1). */
  arrondissement: Arrondissement;
  decidedOn: Maybe<Scalars['Date']['output']>;
  /** Planned end: 9 months after the decision, moved by prolongations (§7.10). */
  endDate: Maybe<Scalars['Date']['output']>;
  endReason: Maybe<EndReason>;
  endedOn: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** The police zone of the residence, which manages the measure (§7.2.2). */
  managingZone: PoliceZone;
  protectedPersons: Array<ProtectedPerson>;
  /** Human-readable reference, e.g. SA/2026/0007. */
  reference: Scalars['String']['output'];
  relationship: Relationship;
  requestOrigin: RequestOrigin;
  requestedOn: Scalars['Date']['output'];
  startDate: Maybe<Scalars['Date']['output']>;
  status: MeasureStatus;
  suspect: Person;
};

export type Province = {
  __typename?: 'Province';
  code: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One person by national register number; null when unknown here. */
  person: Maybe<Person>;
  /** One measure by its id; null when there is none. */
  protectionMeasure: Maybe<ProtectionMeasure>;
};


export type QueryPersonArgs = {
  nationalNumber: Scalars['ID']['input'];
};


export type QueryProtectionMeasureArgs = {
  id: Scalars['ID']['input'];
};

export type Relationship =
  | 'ASCENDANT'
  | 'EX_PARTNER'
  | 'HONOUR_RELATED'
  | 'OTHER_FAMILY'
  | 'SIBLING';

/** Who asked for the alarm (§7.3). */
export type RequestOrigin =
  | 'INVESTIGATING_JUDGE'
  | 'OTHER_PARQUET'
  | 'OTHER_POLICE_ZONE'
  | 'OTHER_THIRD_PARTY'
  | 'PARQUET'
  | 'PERSON'
  | 'RESIDENCE_POLICE'
  | 'TRUSTED_THIRD_PARTY';



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
  Arrondissement: Arrondissement;
  Person: Person;
  PoliceZone: PoliceZone;
  ProtectionMeasure: ProtectionMeasure;
  Province: Province;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Arrondissement:
    ( { __typename: 'Arrondissement' }
    & GraphQLRecursivePick<FederationTypes['Arrondissement'], {"code":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"nationalNumber":true}> );
  PoliceZone:
    ( { __typename: 'PoliceZone' }
    & GraphQLRecursivePick<FederationTypes['PoliceZone'], {"code":true}> );
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
  Province:
    ( { __typename: 'Province' }
    & GraphQLRecursivePick<FederationTypes['Province'], {"code":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Arrondissement: ResolverTypeWrapper<ArrondissementRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  EndReason: EndReason;
  Gender: Gender;
  MeasureStatus: MeasureStatus;
  Person: ResolverTypeWrapper<PersonRecordModel>;
  PoliceZone: ResolverTypeWrapper<ZoneRecordModel>;
  ProtectedPerson: ResolverTypeWrapper<ProtectedPersonRecordModel>;
  ProtectedRole: ProtectedRole;
  ProtectionMeasure: ResolverTypeWrapper<MeasureRecordModel>;
  Province: ResolverTypeWrapper<ProvinceRecordModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Relationship: Relationship;
  RequestOrigin: RequestOrigin;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Arrondissement: ArrondissementRecordModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  Person: PersonRecordModel;
  PoliceZone: ZoneRecordModel;
  ProtectedPerson: ProtectedPersonRecordModel;
  ProtectionMeasure: MeasureRecordModel;
  Province: ProvinceRecordModel;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ArrondissementResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Arrondissement'] = ResolversParentTypes['Arrondissement'], FederationReferenceType extends FederationReferenceTypes['Arrondissement'] = FederationReferenceTypes['Arrondissement']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Arrondissement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type PersonResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalNumber?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  protections?: Resolver<Array<ResolversTypes['ProtectionMeasure']>, ParentType, ContextType>;
};

export type PoliceZoneResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['PoliceZone'] = ResolversParentTypes['PoliceZone'], FederationReferenceType extends FederationReferenceTypes['PoliceZone'] = FederationReferenceTypes['PoliceZone']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PoliceZone']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissement?: Resolver<ResolversTypes['Arrondissement'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  deployedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProtectedPersonResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectedPerson'] = ResolversParentTypes['ProtectedPerson']> = {
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ProtectedRole'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissement?: Resolver<ResolversTypes['Arrondissement'], ParentType, ContextType>;
  decidedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['EndReason']>, ParentType, ContextType>;
  endedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  managingZone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
  protectedPersons?: Resolver<Array<ResolversTypes['ProtectedPerson']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType>;
  requestOrigin?: Resolver<ResolversTypes['RequestOrigin'], ParentType, ContextType>;
  requestedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
  suspect?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type ProvinceResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Province'] = ResolversParentTypes['Province'], FederationReferenceType extends FederationReferenceTypes['Province'] = FederationReferenceTypes['Province']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Province']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'nationalNumber'>>;
  protectionMeasure?: Resolver<Maybe<ResolversTypes['ProtectionMeasure']>, ParentType, ContextType, RequireFields<QueryProtectionMeasureArgs, 'id'>>;
};

export type Resolvers<ContextType = ProtectionContext> = {
  Arrondissement?: ArrondissementResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Person?: PersonResolvers<ContextType>;
  PoliceZone?: PoliceZoneResolvers<ContextType>;
  ProtectedPerson?: ProtectedPersonResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  Province?: ProvinceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

