import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MeasureKey as MeasureKeyModel } from '../../../runtime/subgraph';
import type { ReferralRecord as ReferralRecordModel, NoticeRecord as NoticeRecordModel } from '../../../adapters/victim-support/types';
import type { VictimSupportContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
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

/** A notice from the parquet to the victim support service (§7.8.3). */
export type Notice = {
  __typename?: 'Notice';
  /** The day the notice is about: the planned end, the new end, the end. */
  date: Scalars['Date']['output'];
  kind: NoticeKind;
};

export type NoticeKind =
  | 'EARLY_END'
  | 'END_DATE'
  | 'GRANT'
  | 'PROLONGATION'
  | 'RENEWED_OFFER_REQUEST';

export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  id: Scalars['ID']['output'];
  /** The referral to the victim support service (§7.8.3); null before one. */
  referral: Maybe<Referral>;
};

/** A referral of the protected person to the victim support service (SAV). */
export type Referral = {
  __typename?: 'Referral';
  arrondissementCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** What the parquet told the service about the measure, oldest first (§7.8.3). */
  notices: Array<Notice>;
  offers: Array<ServiceOffer>;
  /** The initial report (PV) whose copy went with the referral. */
  pvReference: Scalars['String']['output'];
  referredOn: Scalars['Date']['output'];
  status: ReferralStatus;
};

export type ReferralStatus =
  | 'CLOSED'
  | 'CONTACTED'
  | 'RECEIVED'
  | 'SUPPORT_ONGOING';

export type ServiceOffer = {
  __typename?: 'ServiceOffer';
  accepted: Maybe<Scalars['Boolean']['output']>;
  kind: ServiceOfferKind;
  offeredOn: Scalars['Date']['output'];
};

export type ServiceOfferKind =
  | 'INITIAL'
  | 'RENEWAL';



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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
  Referral:
    ( { __typename: 'Referral' }
    & GraphQLRecursivePick<FederationTypes['Referral'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Notice: ResolverTypeWrapper<NoticeRecordModel>;
  NoticeKind: NoticeKind;
  ProtectionMeasure: ResolverTypeWrapper<MeasureKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Referral: ResolverTypeWrapper<ReferralRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ReferralStatus: ReferralStatus;
  ServiceOffer: ResolverTypeWrapper<ServiceOffer>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ServiceOfferKind: ServiceOfferKind;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Date: Scalars['Date']['output'];
  Notice: NoticeRecordModel;
  ProtectionMeasure: MeasureKeyModel;
  ID: Scalars['ID']['output'];
  Referral: ReferralRecordModel;
  String: Scalars['String']['output'];
  ServiceOffer: ServiceOffer;
  Boolean: Scalars['Boolean']['output'];
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type NoticeResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Notice'] = ResolversParentTypes['Notice']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoticeKind'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
};

export type ReferralResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral'], FederationReferenceType extends FederationReferenceTypes['Referral'] = FederationReferenceTypes['Referral']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Referral']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissementCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['Notice']>, ParentType, ContextType>;
  offers?: Resolver<Array<ResolversTypes['ServiceOffer']>, ParentType, ContextType>;
  pvReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
};

export type ServiceOfferResolvers<ContextType = VictimSupportContext, ParentType extends ResolversParentTypes['ServiceOffer'] = ResolversParentTypes['ServiceOffer']> = {
  accepted?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ServiceOfferKind'], ParentType, ContextType>;
  offeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type Resolvers<ContextType = VictimSupportContext> = {
  Date?: GraphQLScalarType;
  Notice?: NoticeResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ServiceOffer?: ServiceOfferResolvers<ContextType>;
};

