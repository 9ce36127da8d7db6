import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonKey as PersonKeyModel } from '../../../runtime/subgraph';
import type { PoliceRecord as PoliceRecordModel } from '../../../adapters/bng/types';
import type { BngContext } from '../context';
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

/**
 * The BNG's mention that a mobile stalking alarm protects the person
 * (§7.8.1), kept until the planned end of the measure.
 */
export type AlarmMention = {
  __typename?: 'AlarmMention';
  /** The measure that protects the person. */
  measureId: Scalars['ID']['output'];
  /** The day the alarm was granted (§7.8.1). */
  registeredOn: Scalars['Date']['output'];
  /** The measure's planned end, prolongations included. */
  validUntil: Scalars['Date']['output'];
};

/** A police intervention at a person's address, as the BNG records it. */
export type Intervention = {
  __typename?: 'Intervention';
  /** What the police intervened for. */
  nature: InterventionNature;
  /** The day of the intervention. */
  occurredOn: Scalars['Date']['output'];
  /** The police zone that intervened. */
  zone: PoliceZone;
};

/** What the police intervened for, as a category. */
export type InterventionNature =
  /** A dispute or disturbance without any of the above. */
  | 'DISTURBANCE'
  /** Violence within the family or between (ex-)partners. */
  | 'DOMESTIC_VIOLENCE'
  /** Stalking or harassment. */
  | 'HARASSMENT'
  /** Anything else. */
  | 'OTHER'
  /** Destruction of or damage to belongings (§7.6). */
  | 'PROPERTY_DAMAGE'
  /** Threats, including threats to kill or to commit suicide (§7.6). */
  | 'THREATS';

/**
 * A no-contact order (mesure prétorienne d'interdiction de contact) against
 * the suspect, registered for at least the whole measure (§7.8.4).
 */
export type NoContactOrder = {
  __typename?: 'NoContactOrder';
  /**
   * True when the order is in force at least until `date`, its last day
   * being that day or later. §7.8.4 asks it to cover the whole protection:
   * pass the measure's planned end, prolongations included.
   */
  coversUntil: Scalars['Boolean']['output'];
  /** The order's identifier in the BNG. */
  id: Scalars['ID']['output'];
  /** The measure whose protected person the order shields. */
  measureId: Scalars['ID']['output'];
  /** The first day the order applies. */
  validFrom: Scalars['Date']['output'];
  /** The last day; never before the measure's planned end (§7.8.4). */
  validUntil: Scalars['Date']['output'];
};


/**
 * A no-contact order (mesure prétorienne d'interdiction de contact) against
 * the suspect, registered for at least the whole measure (§7.8.4).
 */
export type NoContactOrderCoversUntilArgs = {
  date: Scalars['Date']['input'];
};

/**
 * A person known to the protection system: a protected person or a suspect.
 * Keyed by the Belgian national register number (11 digits).
 */
export type Person = {
  __typename?: 'Person';
  /** The person's record in the police national database; null when none. */
  bng: Maybe<PoliceRecord>;
  /** The national register number: 11 digits, the last two a mod-97 check. */
  nationalNumber: Scalars['ID']['output'];
};

/** What the BNG (Banque de données Nationale Générale) holds on a person. */
export type PoliceRecord = {
  __typename?: 'PoliceRecord';
  /** The mention that a mobile stalking alarm protects this person (§7.8.1). */
  alarmMention: Maybe<AlarmMention>;
  /** True when the person holds a weapon or a weapon permit. */
  holdsWeapons: Scalars['Boolean']['output'];
  /**
   * Police interventions at the person's address, newest first: context for
   * the team sent on an alert (§3) and for the evaluation (§7.6).
   */
  interventions: Array<Intervention>;
  /** The person is known to the police for violence. */
  knownForViolence: Scalars['Boolean']['output'];
  /** No-contact orders (mesures prétoriennes) against this person (§7.8.4). */
  noContactOrders: Array<NoContactOrder>;
  /** The person is wanted (signalé à rechercher) (§7.8.4). */
  wanted: Scalars['Boolean']['output'];
  /**
   * Why the person is wanted, as a category: never the BNG's free text,
   * which may name people. Null when the person is not wanted.
   */
  wantedReason: Maybe<WantedReason>;
  /** Weapons registered to the person, for the team sent on an alert (§3). */
  weapons: Array<WeaponHolding>;
};

/** A local police zone; the alarm is available once the zone is deployed (§5.2). */
export type PoliceZone = {
  __typename?: 'PoliceZone';
  /** The zone's number, e.g. 5345. */
  code: Scalars['ID']['output'];
};

/** Why a person is wanted (signalé à rechercher), as a category. */
export type WantedReason =
  /** Any other reason, or one the BNG does not categorise. */
  | 'OTHER'
  /** To serve a sentence. */
  | 'SENTENCE_TO_SERVE'
  /** To be arrested (deprived of liberty) (§7.8.4). */
  | 'TO_BE_ARRESTED'
  /** To be heard, e.g. on the facts behind an alarm (§7.8.4). */
  | 'TO_BE_HEARD'
  /** To be located, e.g. to be served a document. */
  | 'TO_BE_LOCATED';

/** The kind of a registered weapon. */
export type WeaponCategory =
  /** A knife or other blade. */
  | 'BLADE'
  /** A firearm. */
  | 'FIREARM'
  /** Any other weapon. */
  | 'OTHER';

/** A weapon registered to a person in the BNG. */
export type WeaponHolding = {
  __typename?: 'WeaponHolding';
  /** What kind of weapon. */
  category: WeaponCategory;
  /** The weapon as the BNG describes it. */
  description: Scalars['String']['output'];
  /** The permit's reference, when the weapon is held under a permit. */
  permitReference: Maybe<Scalars['String']['output']>;
  /** The permit's last valid day; null when the weapon is held without one. */
  permitValidUntil: Maybe<Scalars['Date']['output']>;
  /** The day the holding was registered. */
  registeredOn: Scalars['Date']['output'];
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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"nationalNumber":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AlarmMention: ResolverTypeWrapper<AlarmMention>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Intervention: ResolverTypeWrapper<Intervention>;
  InterventionNature: InterventionNature;
  NoContactOrder: ResolverTypeWrapper<NoContactOrder>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<PersonKeyModel>;
  PoliceRecord: ResolverTypeWrapper<PoliceRecordModel>;
  PoliceZone: ResolverTypeWrapper<PoliceZone>;
  WantedReason: WantedReason;
  WeaponCategory: WeaponCategory;
  WeaponHolding: ResolverTypeWrapper<WeaponHolding>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlarmMention: AlarmMention;
  ID: Scalars['ID']['output'];
  Date: Scalars['Date']['output'];
  Intervention: Intervention;
  NoContactOrder: NoContactOrder;
  Boolean: Scalars['Boolean']['output'];
  Person: PersonKeyModel;
  PoliceRecord: PoliceRecordModel;
  PoliceZone: PoliceZone;
  WeaponHolding: WeaponHolding;
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = BngContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AlarmMentionResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['AlarmMention'] = ResolversParentTypes['AlarmMention']> = {
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type InterventionResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['Intervention'] = ResolversParentTypes['Intervention']> = {
  nature?: Resolver<ResolversTypes['InterventionNature'], ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
};

export type NoContactOrderResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['NoContactOrder'] = ResolversParentTypes['NoContactOrder']> = {
  coversUntil?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<NoContactOrderCoversUntilArgs, 'date'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bng?: Resolver<Maybe<ResolversTypes['PoliceRecord']>, ParentType, ContextType>;
  nationalNumber?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PoliceRecordResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['PoliceRecord'] = ResolversParentTypes['PoliceRecord']> = {
  alarmMention?: Resolver<Maybe<ResolversTypes['AlarmMention']>, ParentType, ContextType>;
  holdsWeapons?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  interventions?: Resolver<Array<ResolversTypes['Intervention']>, ParentType, ContextType>;
  knownForViolence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  noContactOrders?: Resolver<Array<ResolversTypes['NoContactOrder']>, ParentType, ContextType>;
  wanted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wantedReason?: Resolver<Maybe<ResolversTypes['WantedReason']>, ParentType, ContextType>;
  weapons?: Resolver<Array<ResolversTypes['WeaponHolding']>, ParentType, ContextType>;
};

export type PoliceZoneResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['PoliceZone'] = ResolversParentTypes['PoliceZone']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type WeaponHoldingResolvers<ContextType = BngContext, ParentType extends ResolversParentTypes['WeaponHolding'] = ResolversParentTypes['WeaponHolding']> = {
  category?: Resolver<ResolversTypes['WeaponCategory'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permitReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  permitValidUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  registeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type Resolvers<ContextType = BngContext> = {
  AlarmMention?: AlarmMentionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Intervention?: InterventionResolvers<ContextType>;
  NoContactOrder?: NoContactOrderResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PoliceRecord?: PoliceRecordResolvers<ContextType>;
  PoliceZone?: PoliceZoneResolvers<ContextType>;
  WeaponHolding?: WeaponHoldingResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = BngContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
