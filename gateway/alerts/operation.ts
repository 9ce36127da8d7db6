/**
 * A client's subscription to the live alert stream, checked against the
 * gateway's API schema and turned into the query the gateway runs for
 * each entry of the alert log:
 *
 *   subscription Board($since: ID) { e: alertEvents(since: $since) { …S } }
 *
 * becomes
 *
 *   query Board($alertSequence: ID!) { e: alertEvent(sequence: $alertSequence) { …S } }
 *
 * with the same selection S and fragments, so the answer to each query
 * has the shape the subscription promised, and everything S reaches in
 * the other subgraphs (the suspect's police record, his antecedents, the
 * devices) is planned and fetched by the gateway as for any query, under
 * the subscriber's own identity.
 */
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  print,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import {
  limitRules,
  tokenLimitError,
  type OperationLimits,
} from '../limits';
import { variableCostError } from '../cost';
import { neverStreamedRule } from './confidential';

/** The stream's one root field, and the query field that reads an entry. */
export const STREAM_FIELD = 'alertEvents';
export const ENTRY_FIELD = 'alertEvent';

export interface AlertOperation {
  /** The query run for each entry; its variables plus the sequence's. */
  readonly query: DocumentNode;
  /** The query as text, as the gateway receives it. */
  readonly queryText: string;
  readonly operationName: string | undefined;
  /** The client's variables the query still uses. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The variable that carries each entry's sequence. */
  readonly sequenceVariable: string;
  /** The key of the event in each answer's `data`: its alias or name. */
  readonly responseKey: string;
  /** Where the stream resumes; null: from now on. */
  readonly since: number | null;
  /** Equal for two subscriptions that run the same query. */
  readonly key: string;
}

function badRequest(message: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** What a client sent with its document, and the limits it must keep. */
export interface AlertRequest {
  readonly operationName?: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly limits: OperationLimits;
}

/**
 * Answers the operation of a valid subscription to the stream, or the
 * errors that refuse it: a document the API schema rejects
 * (GRAPHQL_VALIDATION_FAILED) or that passes a limit on its size
 * (limits.ts: OPERATION_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_TOKENS),
 * that costs too much, its variables' values counted
 * (OPERATION_TOO_COSTLY), that selects what an event never carries
 * (confidential.ts: FORBIDDEN), a subscription to anything but the one
 * field `alertEvents`, or a `since` that is not a sequence
 * (BAD_USER_INPUT).
 */
export function alertOperationOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: AlertRequest,
): AlertOperation | readonly GraphQLError[] {
  const { operationName, variables = {}, limits } = request;
  const invalid = validate(schema, document,
    [...specifiedRules, ...limitRules(limits), neverStreamedRule]);
  if (invalid.length > 0) return invalid.map(validationError);
  const operation = pickOperation(document, operationName);
  if (operation instanceof GraphQLError) return [operation];
  const tooCostly = variableCostError(schema, document, operation,
    variables, limits.maxCost);
  if (tooCostly !== null) return [tooCostly];
  const field = streamField(operation);
  if (field instanceof GraphQLError) return [field];
  const since = sinceOf(field, operation, variables);
  if (since instanceof GraphQLError) return [since];
  const rewritten = rewrite(document, operation, field, variables, since);
  // The query run for each entry names the sequence where the
  // subscription had `since`: refused now rather than at every entry.
  const tooLong = tokenLimitError(rewritten.queryText, limits);
  return tooLong === null ? rewritten : [tooLong];
}

/** Private: a limit's error keeps its code; graphql's get the usual one. */
function validationError(error: GraphQLError): GraphQLError {
  const { code } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: {
      code: typeof code === 'string' ? code : 'GRAPHQL_VALIDATION_FAILED',
    },
  });
}

function pickOperation(
  document: DocumentNode,
  operationName: string | undefined,
): OperationDefinitionNode | GraphQLError {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName === undefined
    ? (operations.length === 1 ? operations[0] : undefined)
    : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation === undefined) {
    return badRequest(
      operationName === undefined
        ? 'The document holds several operations: name the one to run.'
        : `The document holds no operation named ${operationName}.`,
      'BAD_REQUEST',
    );
  }
  return operation;
}

/** Private: the subscription's one root field, `alertEvents`. */
function streamField(
  operation: OperationDefinitionNode,
): FieldNode | GraphQLError {
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return badRequest('Only subscriptions are streamed.', 'BAD_REQUEST');
  }
  const [selection, ...others] = operation.selectionSet.selections;
  if (
    others.length > 0 ||
    selection.kind !== Kind.FIELD ||
    selection.name.value !== STREAM_FIELD ||
    (selection.directives?.length ?? 0) > 0
  ) {
    return badRequest(
      `A subscription selects exactly one field, ${STREAM_FIELD}, with no directive.`,
    );
  }
  return selection;
}

/** Private: `since` from its literal or its variable; digits only. */
function sinceOf(
  field: FieldNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): number | null | GraphQLError {
  const argument = field.arguments?.find(({ name }) => name.value === 'since');
  const value = argument === undefined
    ? null
    : valueOf(argument.value, operation, variables);
  if (value === null || value === undefined) return null;
  const text = String(value);
  const since = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(since)) {
    return new GraphQLError(
      `since must be a sequence, a non-negative integer, got ${JSON.stringify(value)}.`,
      { extensions: { code: 'BAD_USER_INPUT', argument: 'since' } },
    );
  }
  return since;
}

function valueOf(
  node: ValueNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const given = variables[node.name.value];
      if (given !== undefined) return given;
      // A variable not given takes its default, as execution would
      // (GraphQL spec §6.1.2, CoerceVariableValues); the rewrite drops
      // the variable, so its default is read here or never.
      const definition = operation.variableDefinitions?.find(
        ({ variable }) => variable.name.value === node.name.value);
      return definition?.defaultValue === undefined
        ? undefined
        : valueOf(definition.defaultValue, operation, variables);
    }
    case Kind.STRING:
    case Kind.INT:
      return node.value;
    case Kind.NULL:
      return null;
    default:
      // Validation lets no other literal through for an ID.
      return print(node);
  }
}

function rewrite(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  field: FieldNode,
  variables: Readonly<Record<string, unknown>>,
  since: number | null,
): AlertOperation {
  const sinceArgument = field.arguments?.find(
    ({ name }) => name.value === 'since');
  const fragments = fragmentsOf(document, operation);
  const used = usedVariables(operation, fragments, sinceArgument?.value);
  const definitions = operation.variableDefinitions ?? [];
  const kept = definitions.filter(({ variable }) =>
    used.has(variable.name.value));
  const sequenceVariable = freeName(
    'alertSequence', definitions.map(({ variable }) => variable.name.value));

  const responseKey = field.alias?.value ?? STREAM_FIELD;
  const entryField: FieldNode = {
    ...field,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: ENTRY_FIELD },
    arguments: [{
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'sequence' },
      value: {
        kind: Kind.VARIABLE,
        name: { kind: Kind.NAME, value: sequenceVariable },
      },
    }],
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    variableDefinitions: [...kept, sequenceDefinition(sequenceVariable)],
    selectionSet: { ...operation.selectionSet, selections: [entryField] },
  };
  const queryDocument: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [query, ...fragments],
  };
  const keptVariables = Object.fromEntries(
    Object.entries(variables).filter(([name]) => used.has(name)));
  const queryText = print(queryDocument);
  return {
    query: queryDocument,
    queryText,
    operationName: operation.name?.value,
    variables: keptVariables,
    sequenceVariable,
    responseKey,
    since,
    key: `${queryText}\n${stableJson(keptVariables)}`,
  };
}

/** Private: the fragments the operation spreads, however deep. */
function fragmentsOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): FragmentDefinitionNode[] {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      byName.set(definition.name.value, definition);
    }
  }
  const reached = new Map<string, FragmentDefinitionNode>();
  const follow = (node: ASTNode) => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = byName.get(name);
        if (fragment === undefined || reached.has(name)) return;
        reached.set(name, fragment);
        follow(fragment);
      },
    });
  };
  follow(operation);
  return [...reached.values()];
}

/**
 * Private: the variables the operation and its fragments use, but for
 * the use as `since`, which the query no longer has.
 */
function usedVariables(
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  sinceValue: ValueNode | undefined,
): Set<string> {
  const used = new Set<string>();
  const directives = operation.directives ?? [];
  for (const node of [operation.selectionSet, ...directives, ...fragments]) {
    visit(node, {
      Variable(variable) {
        if (variable !== sinceValue) used.add(variable.name.value);
      },
    });
  }
  return used;
}

function freeName(base: string, taken: readonly string[]): string {
  let name = base;
  for (let n = 2; taken.includes(name); n += 1) name = `${base}${n}`;
  return name;
}

function sequenceDefinition(name: string): VariableDefinitionNode {
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    type: {
      kind: Kind.NON_NULL_TYPE,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
    },
  };
}

/** JSON with object keys sorted, so equal variables give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      return inner;
    }
    const entries = Object.entries(inner as Record<string, unknown>);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  });
}
