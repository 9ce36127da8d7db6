import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MeasureKey as MeasureKeyModel, CodeKey as CodeKeyModel } from '../../../runtime/subgraph';
import type { DeviceRecord as DeviceRecordModel, GrantRegistrationRecord as GrantRegistrationRecordModel } from '../../../adapters/devices/types';
import type { StatisticsRequest as StatisticsRequestModel } from '../../statistics/request';
import type { DeviceReport as DeviceReportModel, DeviceReportCell as DeviceReportCellModel } from '../statistics';
import type { DevicesContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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
  /** An instant, ISO 8601 with offset. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A judicial arrondissement, with its parquet (§7.2.1); the protection
 * subgraph gives its name and province.
 */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  /** The arrondissement's code, e.g. ANT. */
  code: Scalars['ID']['output'];
  /** Its devices by status, in all and per keeper; the roles of Query.deviceStock (§7.8.7). */
  deviceStock: Maybe<DeviceStock>;
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

/** Devices counted by status (see DeviceStatus). */
export type DeviceCounts = {
  __typename?: 'DeviceCounts';
  /** Handed to a protected person under a measure. */
  assigned: Scalars['Int']['output'];
  /** In stock, ready to be assigned. */
  available: Scalars['Int']['output'];
  /** Out of use while repaired. */
  inRepair: Scalars['Int']['output'];
  /** Lost. */
  lost: Scalars['Int']['output'];
  /** Back from an ended measure, not yet checked and restocked (§7.12.2). */
  returned: Scalars['Int']['output'];
};

/** The inventory's figures of a cell or of the total (§7.8.7). */
export type DeviceFigures = {
  __typename?: 'DeviceFigures';
  /** Devices handed to a protected person in the period. */
  assignments: Count;
  /** Measures that found no device available: opened, resolved in the period. */
  shortages: ShortageFigures;
  /** The devices by status on the period's last day. */
  stockAtEnd: DeviceStockFigures;
};

/** An assigned device whose daily reports need the managing zone's attention (§3). */
export type DeviceIssue = {
  __typename?: 'DeviceIssue';
  /** The device. */
  device: Device;
  /** What is wrong; a device with two problems is listed once for each. */
  kind: DeviceIssueKind;
  /** The measure the device is assigned under. */
  measure: ProtectionMeasure;
};

/** What is wrong with an assigned device's daily reports (§3). */
export type DeviceIssueKind =
  /** Its last daily report gave a battery level under 20%. */
  | 'LOW_BATTERY'
  /** The 112 app has sent no daily report about the device yet. */
  | 'NEVER_REPORTED'
  /** Its last contact with the app is more than 24 hours old: a daily report is missing. */
  | 'NO_RECENT_CONTACT';

/** The kind of a device (§3). */
export type DeviceKind =
  /** The Bluetooth panic button paired with the 112 app. */
  | 'BUTTON'
  /** An Android phone lent to a person who has none (§3). */
  | 'LENT_PHONE';

/**
 * A measure that found no device of a kind available in its
 * arrondissement (§7.8.7); resolved once a device of that kind is
 * assigned to it.
 */
export type DeviceShortage = {
  __typename?: 'DeviceShortage';
  /** The shortage's id in the inventory. */
  id: Scalars['ID']['output'];
  /** The kind of device missing. */
  kind: DeviceKind;
  /** The measure waiting for a device. */
  measure: ProtectionMeasure;
  /** The day no device was found. */
  reportedOn: Scalars['Date']['output'];
  /** The day a device was assigned at last; null while the shortage is open. */
  resolvedOn: Maybe<Scalars['Date']['output']>;
  /** The measure's managing zone. */
  zone: PoliceZone;
};

/**
 * The inventory's share of a report, broken down by ARRONDISSEMENT and
 * ZONE where asked; the person dimensions do not apply to devices.
 */
export type DeviceStatistics = {
  __typename?: 'DeviceStatistics';
  /** One cell per arrondissement and zone found, in order. */
  cells: Array<DeviceStatisticsCell>;
  /** The figures of the whole scope. */
  total: DeviceFigures;
};

/** One cell of the inventory's breakdown. */
export type DeviceStatisticsCell = {
  __typename?: 'DeviceStatisticsCell';
  /** ARRONDISSEMENT: whose stock the devices belong to. */
  arrondissement: Maybe<Arrondissement>;
  /** The cell's figures. */
  figures: DeviceFigures;
  /**
   * ZONE: the zone keeping the devices; while assigned or returned, the
   * zone answering for them (the measure's managing zone). Null for
   * devices the arrondissement keeps, or when ZONE is not asked.
   */
  zone: Maybe<PoliceZone>;
};

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

/** The devices of an arrondissement, counted by status (§7.8.7). */
export type DeviceStock = {
  __typename?: 'DeviceStock';
  /** The arrondissement counted. */
  arrondissementCode: Scalars['ID']['output'];
  /** The devices the arrondissement keeps itself, not left with a zone. */
  keptByArrondissement: DeviceCounts;
  /** Every device of the arrondissement, whoever keeps it. */
  total: DeviceCounts;
  /**
   * The devices each zone keeps, by zone code; a zone keeping none is left
   * out. A device counts with its keeper even while assigned under
   * another zone's measure.
   */
  zones: Array<ZoneDeviceStock>;
};

/**
 * The stock on the period's last day. Devices on a shelf (available, in
 * repair, lost) stand for nobody and are never suppressed; assigned and
 * returned ones stand for the persons who hold or held them, and are.
 */
export type DeviceStockFigures = {
  __typename?: 'DeviceStockFigures';
  /** Held by a protected person. */
  assigned: Count;
  /** In stock, ready to be assigned. */
  available: Count;
  /** Out of use while repaired (the status the inventory holds now). */
  inRepair: Count;
  /** Lost (the status the inventory holds now). */
  lost: Count;
  /** Back from an ended measure, not yet restocked. */
  returned: Count;
};

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

/** A daily report of the 112 app about one device (§3). */
export type IngestDailyReportInput = {
  /** The alarm was pressed during the period reported. */
  alarmPressed: Scalars['Boolean']['input'];
  /** The battery level, 0 to 100. */
  batteryPercent: Scalars['Int']['input'];
  /** The device's last contact with the app; not after receivedAt. */
  lastContactAt: Scalars['DateTime']['input'];
  /** When the report arrived; not after now. */
  receivedAt: Scalars['DateTime']['input'];
  /** The app's own id of the report, the same on every retry (at most 64 characters). */
  reportId: Scalars['ID']['input'];
  /** The device's serial number. */
  serial: Scalars['ID']['input'];
};

/** A daily report as the inventory keeps it, instants in UTC. */
export type IngestedDailyReport = {
  __typename?: 'IngestedDailyReport';
  /** What the report says. */
  report: DailyReport;
  /** The app's id of the report. */
  reportId: Scalars['ID']['output'];
  /** The device reported on. */
  serial: Scalars['ID']['output'];
};

/** The changes the device inventory accepts from the graph. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Stores a daily report of the 112 app (§3). Only for the 112 app (role
   * app112). Sending a report again under the same reportId changes
   * nothing and answers the stored report; other content under that id is
   * refused (CONFLICT), as is an unknown serial (NOT_FOUND).
   */
  ingestDailyReport: IngestedDailyReport;
};


/** The changes the device inventory accepts from the graph. */
export type MutationIngestDailyReportArgs = {
  input: IngestDailyReportInput;
};

/** A local police zone; the alarm is available once the zone is deployed (§5.2). */
export type PoliceZone = {
  __typename?: 'PoliceZone';
  /** The zone's number, e.g. 5345. */
  code: Scalars['ID']['output'];
};

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /**
   * Devices assigned under this measure, from the SharePoint inventory;
   * null, with an error, when the inventory does not answer.
   */
  devices: Maybe<Array<Device>>;
  /** The police registration of the grant in SharePoint (§7.13.1). */
  grantRegistration: Maybe<GrantRegistration>;
  /** The measure's identifier, the same in every subgraph. */
  id: Scalars['ID']['output'];
};

/** The entry points for reading the graph. */
export type Query = {
  __typename?: 'Query';
  /**
   * The devices assigned under the measures the caller's police zone
   * manages, whichever stock they came from, whose daily reports need the
   * zone's attention (§3, §7.2.2): no contact for over 24 hours, no
   * report at all, or a low battery. Devices never heard from first, then
   * those gone quiet, then low batteries; by serial within each. Only for
   * the police; any other role gets FORBIDDEN.
   */
  deviceIssues: Array<DeviceIssue>;
  /**
   * The measures of the arrondissement that found no device available
   * (§7.8.7): the open ones first, of which the reference magistrate is
   * told, then the resolved ones; newest first within each. The same
   * roles as deviceStock.
   */
  deviceShortages: Array<DeviceShortage>;
  /**
   * How many devices the arrondissement has, by status, in all and per
   * keeper (§7.8.7). For the police, magistrates and CICs; any other role
   * gets FORBIDDEN. A code the inventory does not know counts zero.
   */
  deviceStock: DeviceStock;
};


/** The entry points for reading the graph. */
export type QueryDeviceShortagesArgs = {
  arrondissementCode: Scalars['ID']['input'];
};


/** The entry points for reading the graph. */
export type QueryDeviceStockArgs = {
  arrondissementCode: Scalars['ID']['input'];
};

/** Shortages of §7.8.7 in the period; each stands for its measure's victim. */
export type ShortageFigures = {
  __typename?: 'ShortageFigures';
  /** Shortages reported in the period. */
  opened: Count;
  /** Shortages resolved in the period, a device assigned at last. */
  resolved: Count;
};

/**
 * Aggregate figures over a period (§9; issue 7), named by its key; the
 * protection subgraph answers the report and its register's figures (see
 * there). This subgraph adds the inventory's under `devices`, reading the
 * key back and judging the caller's territory again.
 */
export type StatisticsReport = {
  __typename?: 'StatisticsReport';
  /** The inventory's figures: stock, assignments, shortages (§7.8.7). */
  devices: DeviceStatistics;
  /** `v1|<from>|<to>|<scope>|<dimensions>`; see the protection subgraph. */
  key: Scalars['ID']['output'];
};

/** What an actor must do, from the measures it is responsible for. */
export type WorkList = {
  __typename?: 'WorkList';
  /**
   * The devices assigned under the measures the caller's police zone
   * manages whose daily reports need attention: no contact for over 24
   * hours, no report at all, or a low battery (§3); empty for any other
   * role.
   */
  deviceIssues: Array<DeviceIssue>;
  /** Whose list this is (see the protection subgraph). */
  owner: Scalars['ID']['output'];
};

/** The part of an arrondissement's devices one police zone keeps (§7.8.7). */
export type ZoneDeviceStock = {
  __typename?: 'ZoneDeviceStock';
  /** Its devices by status. */
  counts: DeviceCounts;
  /** The zone keeping the devices. */
  zone: PoliceZone;
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
  Arrondissement: Arrondissement;
  Device: Device;
  ProtectionMeasure: ProtectionMeasure;
  StatisticsReport: StatisticsReport;
  WorkList: WorkList;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Arrondissement:
    ( { __typename: 'Arrondissement' }
    & GraphQLRecursivePick<FederationTypes['Arrondissement'], {"code":true}> );
  Device:
    ( { __typename: 'Device' }
    & GraphQLRecursivePick<FederationTypes['Device'], {"serial":true}> );
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
  StatisticsReport:
    ( { __typename: 'StatisticsReport' }
    & GraphQLRecursivePick<FederationTypes['StatisticsReport'], {"key":true}> );
  WorkList:
    ( { __typename: 'WorkList' }
    & GraphQLRecursivePick<FederationTypes['WorkList'], {"owner":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Arrondissement: ResolverTypeWrapper<CodeKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Count: ResolverTypeWrapper<Count>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DailyReport: ResolverTypeWrapper<DailyReport>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Device: ResolverTypeWrapper<DeviceRecordModel>;
  DeviceCounts: ResolverTypeWrapper<DeviceCounts>;
  DeviceFigures: ResolverTypeWrapper<DeviceFigures>;
  DeviceIssue: ResolverTypeWrapper<Omit<DeviceIssue, 'device' | 'measure'> & { device: ResolversTypes['Device'], measure: ResolversTypes['ProtectionMeasure'] }>;
  DeviceIssueKind: DeviceIssueKind;
  DeviceKind: DeviceKind;
  DeviceShortage: ResolverTypeWrapper<Omit<DeviceShortage, 'measure'> & { measure: ResolversTypes['ProtectionMeasure'] }>;
  DeviceStatistics: ResolverTypeWrapper<DeviceReportModel>;
  DeviceStatisticsCell: ResolverTypeWrapper<DeviceReportCellModel>;
  DeviceStatus: DeviceStatus;
  DeviceStock: ResolverTypeWrapper<DeviceStock>;
  DeviceStockFigures: ResolverTypeWrapper<DeviceStockFigures>;
  GrantRegistration: ResolverTypeWrapper<GrantRegistrationRecordModel>;
  GrantRegistrationStatus: GrantRegistrationStatus;
  IngestDailyReportInput: IngestDailyReportInput;
  IngestedDailyReport: ResolverTypeWrapper<IngestedDailyReport>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PoliceZone: ResolverTypeWrapper<PoliceZone>;
  ProtectionMeasure: ResolverTypeWrapper<MeasureKeyModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ShortageFigures: ResolverTypeWrapper<ShortageFigures>;
  StatisticsReport: ResolverTypeWrapper<StatisticsRequestModel>;
  WorkList: ResolverTypeWrapper<Omit<WorkList, 'deviceIssues'> & { deviceIssues: Array<ResolversTypes['DeviceIssue']> }>;
  ZoneDeviceStock: ResolverTypeWrapper<ZoneDeviceStock>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Arrondissement: CodeKeyModel;
  ID: Scalars['ID']['output'];
  Count: Count;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  DailyReport: DailyReport;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Device: DeviceRecordModel;
  DeviceCounts: DeviceCounts;
  DeviceFigures: DeviceFigures;
  DeviceIssue: Omit<DeviceIssue, 'device' | 'measure'> & { device: ResolversParentTypes['Device'], measure: ResolversParentTypes['ProtectionMeasure'] };
  DeviceShortage: Omit<DeviceShortage, 'measure'> & { measure: ResolversParentTypes['ProtectionMeasure'] };
  DeviceStatistics: DeviceReportModel;
  DeviceStatisticsCell: DeviceReportCellModel;
  DeviceStock: DeviceStock;
  DeviceStockFigures: DeviceStockFigures;
  GrantRegistration: GrantRegistrationRecordModel;
  IngestDailyReportInput: IngestDailyReportInput;
  IngestedDailyReport: IngestedDailyReport;
  Mutation: Record<PropertyKey, never>;
  PoliceZone: PoliceZone;
  ProtectionMeasure: MeasureKeyModel;
  Query: Record<PropertyKey, never>;
  ShortageFigures: ShortageFigures;
  StatisticsReport: StatisticsRequestModel;
  WorkList: Omit<WorkList, 'deviceIssues'> & { deviceIssues: Array<ResolversParentTypes['DeviceIssue']> } | FederationReferenceTypes['WorkList'];
  ZoneDeviceStock: ZoneDeviceStock;
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = DevicesContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArrondissementResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['Arrondissement'] = ResolversParentTypes['Arrondissement'], FederationReferenceType extends FederationReferenceTypes['Arrondissement'] = FederationReferenceTypes['Arrondissement']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Arrondissement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  deviceStock?: Resolver<Maybe<ResolversTypes['DeviceStock']>, ParentType, ContextType>;
};

export type CountResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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

export type DeviceCountsResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceCounts'] = ResolversParentTypes['DeviceCounts']> = {
  assigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inRepair?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DeviceFiguresResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceFigures'] = ResolversParentTypes['DeviceFigures']> = {
  assignments?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  shortages?: Resolver<ResolversTypes['ShortageFigures'], ParentType, ContextType>;
  stockAtEnd?: Resolver<ResolversTypes['DeviceStockFigures'], ParentType, ContextType>;
};

export type DeviceIssueResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceIssue'] = ResolversParentTypes['DeviceIssue']> = {
  device?: Resolver<ResolversTypes['Device'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DeviceIssueKind'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType>;
};

export type DeviceShortageResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceShortage'] = ResolversParentTypes['DeviceShortage']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DeviceKind'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType>;
  reportedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  resolvedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
};

export type DeviceStatisticsResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceStatistics'] = ResolversParentTypes['DeviceStatistics']> = {
  cells?: Resolver<Array<ResolversTypes['DeviceStatisticsCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['DeviceFigures'], ParentType, ContextType>;
};

export type DeviceStatisticsCellResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceStatisticsCell'] = ResolversParentTypes['DeviceStatisticsCell']> = {
  arrondissement?: Resolver<Maybe<ResolversTypes['Arrondissement']>, ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['DeviceFigures'], ParentType, ContextType>;
  zone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
};

export type DeviceStockResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceStock'] = ResolversParentTypes['DeviceStock']> = {
  arrondissementCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keptByArrondissement?: Resolver<ResolversTypes['DeviceCounts'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['DeviceCounts'], ParentType, ContextType>;
  zones?: Resolver<Array<ResolversTypes['ZoneDeviceStock']>, ParentType, ContextType>;
};

export type DeviceStockFiguresResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['DeviceStockFigures'] = ResolversParentTypes['DeviceStockFigures']> = {
  assigned?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  inRepair?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
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

export type IngestedDailyReportResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['IngestedDailyReport'] = ResolversParentTypes['IngestedDailyReport']> = {
  report?: Resolver<ResolversTypes['DailyReport'], ParentType, ContextType>;
  reportId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  serial?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  ingestDailyReport?: Resolver<ResolversTypes['IngestedDailyReport'], ParentType, ContextType, RequireFields<MutationIngestDailyReportArgs, 'input'>>;
};

export type PoliceZoneResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['PoliceZone'] = ResolversParentTypes['PoliceZone']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  devices?: Resolver<Maybe<Array<ResolversTypes['Device']>>, ParentType, ContextType>;
  grantRegistration?: Resolver<Maybe<ResolversTypes['GrantRegistration']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  deviceIssues?: Resolver<Array<ResolversTypes['DeviceIssue']>, ParentType, ContextType>;
  deviceShortages?: Resolver<Array<ResolversTypes['DeviceShortage']>, ParentType, ContextType, RequireFields<QueryDeviceShortagesArgs, 'arrondissementCode'>>;
  deviceStock?: Resolver<ResolversTypes['DeviceStock'], ParentType, ContextType, RequireFields<QueryDeviceStockArgs, 'arrondissementCode'>>;
};

export type ShortageFiguresResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['ShortageFigures'] = ResolversParentTypes['ShortageFigures']> = {
  opened?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type StatisticsReportResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['StatisticsReport'] = ResolversParentTypes['StatisticsReport'], FederationReferenceType extends FederationReferenceTypes['StatisticsReport'] = FederationReferenceTypes['StatisticsReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['StatisticsReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  devices?: Resolver<ResolversTypes['DeviceStatistics'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type WorkListResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['WorkList'] = ResolversParentTypes['WorkList'], FederationReferenceType extends FederationReferenceTypes['WorkList'] = FederationReferenceTypes['WorkList']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkList']> | FederationReferenceType, FederationReferenceType, ContextType>;
  deviceIssues?: Resolver<Array<ResolversTypes['DeviceIssue']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ZoneDeviceStockResolvers<ContextType = DevicesContext, ParentType extends ResolversParentTypes['ZoneDeviceStock'] = ResolversParentTypes['ZoneDeviceStock']> = {
  counts?: Resolver<ResolversTypes['DeviceCounts'], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
};

export type Resolvers<ContextType = DevicesContext> = {
  Arrondissement?: ArrondissementResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  DailyReport?: DailyReportResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Device?: DeviceResolvers<ContextType>;
  DeviceCounts?: DeviceCountsResolvers<ContextType>;
  DeviceFigures?: DeviceFiguresResolvers<ContextType>;
  DeviceIssue?: DeviceIssueResolvers<ContextType>;
  DeviceShortage?: DeviceShortageResolvers<ContextType>;
  DeviceStatistics?: DeviceStatisticsResolvers<ContextType>;
  DeviceStatisticsCell?: DeviceStatisticsCellResolvers<ContextType>;
  DeviceStock?: DeviceStockResolvers<ContextType>;
  DeviceStockFigures?: DeviceStockFiguresResolvers<ContextType>;
  GrantRegistration?: GrantRegistrationResolvers<ContextType>;
  IngestedDailyReport?: IngestedDailyReportResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PoliceZone?: PoliceZoneResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShortageFigures?: ShortageFiguresResolvers<ContextType>;
  StatisticsReport?: StatisticsReportResolvers<ContextType>;
  WorkList?: WorkListResolvers<ContextType>;
  ZoneDeviceStock?: ZoneDeviceStockResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = DevicesContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
