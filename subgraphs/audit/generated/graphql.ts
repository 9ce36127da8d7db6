import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuditEntryRecord as AuditEntryRecordModel } from '../../../adapters/audit/types';
import type { AuditTrailPageModel as AuditTrailPageModelModel } from '../trail';
import type { AuditContext } from '../context';
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
  /** An instant, ISO 8601 with offset. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An entry of the audit trail: who did what, to whom, when and why. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** When the operation was answered. */
  at: Scalars['DateTime']['output'];
  /** The same as `sequence`, for `after`. */
  cursor: Scalars['ID']['output'];
  /**
   * SHA-256 of the operation's document, in hex. The variables are never
   * kept: they hold personal data.
   */
  documentHash: Scalars['String']['output'];
  /** SHA-256 over this entry's fields and `previousHash`, in hex. */
  hash: Scalars['String']['output'];
  /** The ids of the measures read or changed. */
  measures: Array<Scalars['ID']['output']>;
  /** The operation's name as the client gave it; null when it gave none. */
  operationName: Maybe<Scalars['String']['output']>;
  /** Read, change or alert delivery. */
  operationType: AuditOperationType;
  /**
   * The caller's organisation, as `zone:<code>`, `arrondissement:<code>`
   * or `province:<code>`; null for a role without one.
   */
  organisation: Maybe<Scalars['String']['output']>;
  /** How the operation ended. */
  outcome: AuditOutcome;
  /** The national register numbers of the persons read or changed. */
  persons: Array<Scalars['ID']['output']>;
  /** The hash of the entry before; 64 zeros for the first. */
  previousHash: Scalars['String']['output'];
  /**
   * The purpose the caller stated (`x-purpose` header, or `purpose` in the
   * graphql-ws connection_init payload); null when none was given.
   */
  purpose: Maybe<Scalars['String']['output']>;
  /** The request id, as in the gateway's and subgraphs' logs. */
  requestId: Scalars['String']['output'];
  /** The caller's role. */
  role: Scalars['String']['output'];
  /** The entry's place in the trail: 1, then one more each time. */
  sequence: Scalars['ID']['output'];
  /** The caller's subject (a token's `sub`): an account id, never a name. */
  subject: Scalars['String']['output'];
};

/** What the gateway knows of an operation, for the appends. */
export type AuditEntryInput = {
  /** When the operation was answered. */
  at: Scalars['DateTime']['input'];
  /** SHA-256 of the document, in hex. */
  documentHash: Scalars['String']['input'];
  /** The measures read or changed. */
  measures: Array<Scalars['ID']['input']>;
  /** The operation's name, or null. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** Read, change or alert delivery. */
  operationType: AuditOperationType;
  /** The caller's organisation, or null. */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** How the operation ended. */
  outcome: AuditOutcome;
  /** The persons read or changed. */
  persons: Array<Scalars['ID']['input']>;
  /** The purpose stated, or null. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** The request id. */
  requestId: Scalars['String']['input'];
  /** The caller's role. */
  role: Scalars['String']['input'];
  /** The caller's subject. */
  subject: Scalars['String']['input'];
};

/** The kind of an operation, as GraphQL names it. */
export type AuditOperationType =
  /** A change. */
  | 'MUTATION'
  /** A read. */
  | 'QUERY'
  /** The delivery of a live alert to a subscriber. */
  | 'SUBSCRIPTION';

/** The order of a page of the audit trail. */
export type AuditOrder =
  /** The latest entry first. */
  | 'NEWEST_FIRST'
  /** The first entry first. */
  | 'OLDEST_FIRST';

/** How the operation ended. */
export type AuditOutcome =
  /** Answered without error. */
  | 'COMPLETE'
  /** No data came back. */
  | 'FAILED'
  /** Answered, with errors beside the data. */
  | 'PARTIAL';

/** One page of the audit trail. */
export type AuditTrailPage = {
  __typename?: 'AuditTrailPage';
  /** The page's entries, in the order asked for. */
  entries: Array<AuditEntry>;
  /** Where the next page starts (`after`); null on the last page. */
  nextCursor: Maybe<Scalars['ID']['output']>;
};

/** The gateway's writes to the audit trail: appends, nothing else. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Appends from 1 to 500 entries after the last, in their order, all or
   * none: each is chained to the one before it as `appendAuditEntry`
   * would chain it. More than 500, none, or an entry the trail cannot
   * hold refuses the whole batch with BAD_USER_INPUT, naming the entry's
   * index. The gateway alone calls it, as it does `appendAuditEntry`.
   */
  appendAuditEntries: Array<AuditEntry>;
  /**
   * Appends one entry after the last. The gateway alone calls it, under
   * its own identity (role `gateway`, which no token carries); the
   * gateway's API does not show it. There is no mutation that changes or
   * removes an entry.
   */
  appendAuditEntry: AuditEntry;
};


/** The gateway's writes to the audit trail: appends, nothing else. */
export type MutationAppendAuditEntriesArgs = {
  input: Array<AuditEntryInput>;
};


/** The gateway's writes to the audit trail: appends, nothing else. */
export type MutationAppendAuditEntryArgs = {
  input: AuditEntryInput;
};

/** The entry points for reading the audit trail. */
export type Query = {
  __typename?: 'Query';
  /**
   * The audit trail (issue 6): one entry per operation that read or
   * changed personal data, each chained to the one before by its hash.
   * Role `auditor` only; everyone else is refused with FORBIDDEN. Reading
   * the trail is itself an entry: it names the persons and measures of
   * the entries it answered.
   */
  auditTrail: AuditTrailPage;
};


/** The entry points for reading the audit trail. */
export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  measureId?: InputMaybe<Scalars['ID']['input']>;
  nationalNumber?: InputMaybe<Scalars['ID']['input']>;
  order?: InputMaybe<AuditOrder>;
  subject?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntryRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEntryInput: AuditEntryInput;
  AuditOperationType: AuditOperationType;
  AuditOrder: AuditOrder;
  AuditOutcome: AuditOutcome;
  AuditTrailPage: ResolverTypeWrapper<AuditTrailPageModelModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntryRecordModel;
  ID: Scalars['ID']['output'];
  AuditEntryInput: AuditEntryInput;
  AuditTrailPage: AuditTrailPageModelModel;
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEntryResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  documentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operationType?: Resolver<ResolversTypes['AuditOperationType'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['AuditOutcome'], ParentType, ContextType>;
  persons?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  previousHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditTrailPageResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditTrailPage'] = ResolversParentTypes['AuditTrailPage']> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  appendAuditEntries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<MutationAppendAuditEntriesArgs, 'input'>>;
  appendAuditEntry?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType, RequireFields<MutationAppendAuditEntryArgs, 'input'>>;
};

export type QueryResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  auditTrail?: Resolver<ResolversTypes['AuditTrailPage'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'first' | 'order'>>;
};

export type Resolvers<ContextType = AuditContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrailPage?: AuditTrailPageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = AuditContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
