/**
 * Where a failed subgraph fetch leaves its mark in the client's answer.
 *
 * When a fetch fails as a whole (refused, timed out, a non-GraphQL
 * answer), Apollo Gateway reports one error without a path: the client
 * sees nulls and cannot tell which of them the failure caused. Instead,
 * the gateway answers the fetch with the errors the subgraph would have
 * returned had each field it was asked for failed: one per root field,
 * or one per entity and field. The gateway then maps their paths onto
 * the client's operation, as it does for a subgraph's own errors.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What the client is told about the failure, at every path. */
export interface FetchFailure {
  readonly message: string;
  readonly code: string;
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The entity fetch's root field, by the federation spec. */
const ENTITIES = '_entities';

/**
 * Private: the response names a selection set asks for, through inline
 * fragments and fragment spreads; `__typename` fails with nothing.
 */
function responseNames(set: SelectionSetNode, fragments: Fragments): string[] {
  const names = set.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [selection.alias?.value ?? selection.name.value];
      case Kind.INLINE_FRAGMENT:
        return responseNames(selection.selectionSet, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments.get(selection.name.value);
        return fragment ? responseNames(fragment.selectionSet, fragments) : [];
      }
      default: {
        const impossible: never = selection;
        throw new Error(`Unknown selection ${JSON.stringify(impossible)}`);
      }
    }
  });
  return [...new Set(names)].filter((name) => name !== '__typename');
}

/** Private: the selection set under the root field `_entities`. */
function entitySelection(operation: OperationDefinitionNode) {
  const [root] = operation.selectionSet.selections;
  const only = operation.selectionSet.selections.length === 1;
  if (!only || root?.kind !== Kind.FIELD) return undefined;
  return root.name.value === ENTITIES ? root.selectionSet : undefined;
}

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/** Private: the subgraph-side paths of every field the fetch asked for. */
function failedPaths(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): (string | number)[][] {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return [];
  const fragments = fragmentsOf(document);
  const entities = entitySelection(operation);
  if (!entities) {
    const roots = responseNames(operation.selectionSet, fragments);
    return roots.map((name) => [name]);
  }
  const { representations } = variables;
  const count = Array.isArray(representations) ? representations.length : 0;
  const fields = responseNames(entities, fragments);
  return Array.from({ length: count }, (_, index) =>
    fields.map((field) => [ENTITIES, index, field]),
  ).flat();
}

/**
 * The errors to answer a failed fetch with: one per field the fetch asked
 * for, each with its path in the fetch's own operation. With no field to
 * point at, one error without a path, as Apollo Gateway would give.
 */
export function fetchFailureErrors(
  failure: FetchFailure,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
): GraphQLFormattedError[] {
  const { message, code } = failure;
  const extensions = { code };
  const paths = failedPaths(document, variables);
  if (paths.length === 0) return [{ message, extensions }];
  return paths.map((path) => ({ message, path, extensions }));
}
