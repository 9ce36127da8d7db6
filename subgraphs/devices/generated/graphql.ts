import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MeasureKey as MeasureKeyModel } from '../../../runtime/subgraph';
import type { DeviceRecord as DeviceRecordModel, GrantRegistrationRecord as GrantRegistrationRecordModel } from '../../../adapters/devices/types';
import type { DevicesContext } from '../context';
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
  /** An instant, ISO 8601 with offset. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The 112 app's daily report for a device. */
export type DailyReport = {
  __typename?: 'DailyReport';
  /** The alarm was pressed during the period reported. */
  alarmPressed: Scalars['Boolean']['output'];
  /** The battery level, 0 to 100. */
  batteryPercent: Scalars['Int']['output'];
  /** The device's last contact with the app. */
  lastContactAt: Scalars['DateTime']['output'];
  /** When the report arrived. */
  receivedAt: Scalars['DateTime']['output'];
};

/** A panic button or a lent phone in the inventory (§3, §7.8.7). */
export type Device = {
  __typename?: 'Device';
  /** The arrondissement whose stock it belongs to (§7.8.7). */
  arrondissementCode: Scalars['String']['output'];
  /** National register number of the protected person holding it. */
  assignedTo: Maybe<Scalars['ID']['output']>;
  /** A button or a lent phone. */
  kind: DeviceKind;
  /** The latest daily report of the 112 app; null before the first (§3). */
  lastReport: Maybe<DailyReport>;
  /** The device's serial number. */
  serial: Scalars['ID']['output'];
  /** Where the device is in its life. */
  status: DeviceStatus;
  /** The zone that keeps it; null when the arrondissement keeps it. */
  zone: Maybe<PoliceZone>;
};

/** The kind of a device (§3). */
export type DeviceKind =
  /** The Bluetooth panic button paired with the 112 app. */
  | 'BUTTON'
  /** An Android phone lent to a person who has none (§3). */
  | 'LENT_PHONE';

/** Where a device is in its life (§7.8.7, §7.12.2). */
export type DeviceStatus =
  /** Handed to a protected person under a measure. */
  | 'ASSIGNED'
  /** In stock, ready to be assigned. */
  | 'AVAILABLE'
  /** Out of use while repaired. */
  | 'IN_REPAIR'
  /** Lost. */
  | 'LOST'
  /** Back from an ended measure, not yet checked and restocked (§7.12.2). */
  | 'RETURNED';

/** The grant's registration in SharePoint, the source of statistics (§7.13.1). */
export type GrantRegistration = {
  __typename?: 'GrantRegistration';
  /** The arrondissement whose parquet granted the alarm. */
  arrondissementCode: Scalars['String']['output'];
  /** The day of the grant. */
  decidedOn: Scalars['Date']['output'];
  /** The planned end, prolongations included. */
  endDate: Scalars['Date']['output'];
  /** Why it ended (an EndReason of the protection subgraph); null while it runs. */
  endReason: Maybe<Scalars['String']['output']>;
  /** The day the measure ended; null while it runs. */
  endedOn: Maybe<Scalars['Date']['output']>;
  /** How many prolongations moved the end date (§7.10.2, §7.12.1). */
  prolongationCount: Scalars['Int']['output'];
  /** How many persons the measure protects (§7.9). */
  protectedPersonCount: Scalars['Int']['output'];
  /** The first day of protection. */
  startDate: Scalars['Date']['output'];
  /** Running or ended. */
  status: GrantRegistrationStatus;
  /** The managing zone (zone gestionnaire) (§7.2.2). */
  zoneCode: Scalars['String']['output'];
};

/** Whether a registered grant still runs. */
export type GrantRegistrationStatus =
  /** The measure runs. */
  | 'ACTIVE'
  /** The measure ended (§7.12). */
  | 'ENDED';

/** A local police zone; the alarm is available once the zone is deployed (§5.2). */
export type PoliceZone = {
  __typename?: 'PoliceZone';
  /** The zone's number, e.g. 5345. */
  code: Scalars['ID']['output'];
};

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /** Devices assigned under this measure, from the SharePoint inventory. */
  devices: Array<Device>;
  /** The police registration of the grant in SharePoint (§7.13.1). */
  grantRegistration: Maybe<GrantRegistration>;
  /** The measure's identifier, the same in every subgraph. */
  id: Scalars['ID']['output'];
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
  Device: Device;
  ProtectionMeasure: ProtectionMeasure;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Device:
    ( { __typename: 'Device' }
    & GraphQLRecursivePick<FederationTypes['Device'], {"serial":true}> );
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DailyReport: ResolverTypeWrapper<DailyReport>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Device: ResolverTypeWrapper<DeviceRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DeviceKind: DeviceKind;
  DeviceStatus: DeviceStatus;
  GrantRegistration: ResolverTypeWrapper<GrantRegistrationRecordModel>;
  GrantRegistrationStatus: GrantRegistrationStatus;
  PoliceZone: ResolverTypeWrapper<PoliceZone>;
  ProtectionMeasure: ResolverTypeWrapper<MeasureKeyModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DailyReport: DailyReport;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Device: DeviceRecordModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  GrantRegistration: GrantRegistrationRecordModel;
  PoliceZone: PoliceZone;
  ProtectionMeasure: MeasureKeyModel;
};

export type DailyReportResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DailyReport'] = ResolversParentTypes['DailyReport']> = {
  alarmPressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  batteryPercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastContactAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeviceResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['Device'] = ResolversParentTypes['Device'], FederationReferenceType extends FederationReferenceTypes['Device'] = FederationReferenceTypes['Device']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Device']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissementCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  assignedTo?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DeviceKind'], ParentType, ContextType>;
  lastReport?: Resolver<Maybe<ResolversTypes['DailyReport']>, ParentType, ContextType>;
  serial?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeviceStatus'], ParentType, ContextType>;
  zone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
};

export type GrantRegistrationResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['GrantRegistration'] = ResolversParentTypes['GrantRegistration']> = {
  arrondissementCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  prolongationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  protectedPersonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GrantRegistrationStatus'], ParentType, ContextType>;
  zoneCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PoliceZoneResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['PoliceZone'] = ResolversParentTypes['PoliceZone']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  devices?: Resolver<Array<ResolversTypes['Device']>, ParentType, ContextType>;
  grantRegistration?: Resolver<Maybe<ResolversTypes['GrantRegistration']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = DevicesContext> = {
  DailyReport?: DailyReportResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Device?: DeviceResolvers<ContextType>;
  GrantRegistration?: GrantRegistrationResolvers<ContextType>;
  PoliceZone?: PoliceZoneResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
};

