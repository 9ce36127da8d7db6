/**
 * The static cost of an operation: an estimate, from the document and
 * the schema alone, of how many fields the gateway and the subgraphs
 * would resolve to answer it. Checked with the other limits (limits.ts)
 * before anything is planned or fetched.
 *
 * The model:
 *
 * - every field selected costs 1;
 * - a field whose type is a list (at any depth of nesting) multiplies
 *   the cost of its own selection by the list's assumed size:
 *   - its `first` or `limit` argument, when it is given as an integer;
 *   - given as a variable: the request's value; when it is not known
 *     (validation, once per document) or not a number, the variable's
 *     default in the operation, else the argument's default in the
 *     schema;
 *   - left out: the argument's default in the schema;
 *   - a list with no such argument: DEFAULT_LIST_SIZE (10);
 *   a list of lists multiplies once, not once per level, and a list of
 *   scalars or enums costs its field alone, as nothing below it is
 *   resolved;
 * - a fragment costs what its selection costs, at each spread;
 * - introspection (`__typename`, `__schema`, `__type`) costs nothing:
 *   production serves none, and depth bounds it elsewhere.
 *
 * An operation costing more than the limit is refused with
 * OPERATION_TOO_COSTLY, its cost and the limit in `extensions`: in
 * validation, with the defaults for the sizes given as variables
 * (`costRule`), then for each request with its own values when any size
 * is given so (`variableCostError`): `first: $n` with a default of 50
 * and 100000 as `n` costs 100000 times its selection.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ArgumentNode,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type VariableDefinitionNode,
} from 'graphql';

/** The size assumed of a list that no argument bounds. */
export const DEFAULT_LIST_SIZE = 10;

/** The arguments read as a list's size, in this order. */
const SIZE_ARGUMENTS = ['first', 'limit'] as const;

export const COST_CODE = 'OPERATION_TOO_COSTLY';

/** A request's variable values, by name; none when not known. */
export type VariableValues = Readonly<Record<string, unknown>>;

/** Private: walks one document; each fragment is costed once. */
class CostWalker {
  readonly #schema: GraphQLSchema;
  readonly #fragments = new Map<string, FragmentDefinitionNode>();
  readonly #costed = new Map<string, number>();
  readonly #inProgress = new Set<string>();
  #variables: readonly VariableDefinitionNode[] = [];
  #values: VariableValues = {};
  #sizedByVariable = false;

  constructor(schema: GraphQLSchema, document: DocumentNode) {
    this.#schema = schema;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.#fragments.set(definition.name.value, definition);
      }
    }
  }

  operation(
    operation: OperationDefinitionNode,
    values: VariableValues = {},
  ): number {
    this.#variables = operation.variableDefinitions ?? [];
    this.#values = values;
    this.#sizedByVariable = false;
    // Fragments are costed again for each operation: their variables'
    // defaults are the operation's.
    this.#costed.clear();
    const root = this.#schema.getRootType(operation.operation);
    if (root === undefined || root === null) return 0;
    return this.#selections(operation.selectionSet, root);
  }

  /** Whether the last operation walked took a list size from a variable. */
  get sizedByVariable(): boolean {
    return this.#sizedByVariable;
  }

  #selections(set: SelectionSetNode | undefined, type: GraphQLNamedType) {
    let cost = 0;
    for (const selection of set?.selections ?? []) {
      cost += this.#selection(selection, type);
    }
    return cost;
  }

  #selection(selection: SelectionNode, type: GraphQLNamedType): number {
    switch (selection.kind) {
      case Kind.FIELD:
        return this.#field(selection, type);
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition?.name.value;
        const inner = condition ? this.#schema.getType(condition) : type;
        if (!inner) return 0;
        return this.#selections(selection.selectionSet, inner);
      }
      case Kind.FRAGMENT_SPREAD:
        return this.#fragment(selection.name.value);
      default: {
        const impossible: never = selection;
        throw new Error(`Unknown selection ${JSON.stringify(impossible)}`);
      }
    }
  }

  #field(node: FieldNode, parent: GraphQLNamedType): number {
    if (node.name.value.startsWith('__')) return 0;
    // A field the type lacks is FieldsOnCorrectTypeRule's to report.
    const field = fieldOf(parent, node.name.value);
    if (field === undefined) return 1;
    const below = this.#selections(node.selectionSet, getNamedType(field.type));
    if (!returnsList(field.type)) return 1 + below;
    return 1 + this.#listSize(node, field) * below;
  }

  #listSize(node: FieldNode, field: GraphQLField<unknown, unknown>): number {
    for (const name of SIZE_ARGUMENTS) {
      const definition = field.args.find((arg) => arg.name === name);
      if (definition === undefined) continue;
      const given = node.arguments?.find((arg) => arg.name.value === name);
      const size = this.#sizeOf(given, definition);
      if (size !== undefined) return size;
    }
    return DEFAULT_LIST_SIZE;
  }

  #sizeOf(
    given: ArgumentNode | undefined,
    definition: GraphQLArgument,
  ): number | undefined {
    const fallback = sizeValue(definition.defaultValue);
    if (given === undefined) return fallback;
    if (given.value.kind === Kind.INT) {
      return sizeValue(Number(given.value.value));
    }
    if (given.value.kind !== Kind.VARIABLE) return fallback;
    const name = given.value.name.value;
    this.#sizedByVariable = true;
    const requested = sizeValue(this.#values[name]);
    if (requested !== undefined) return requested;
    const declared = this.#variables
      .find((variable) => variable.variable.name.value === name);
    const value = declared?.defaultValue;
    if (value?.kind === Kind.INT) return sizeValue(Number(value.value));
    return fallback;
  }

  #fragment(name: string): number {
    const known = this.#costed.get(name);
    if (known !== undefined) return known;
    const fragment = this.#fragments.get(name);
    // Unknown fragments and cycles are other rules' to report.
    if (fragment === undefined || this.#inProgress.has(name)) return 0;
    const type = this.#schema.getType(fragment.typeCondition.name.value);
    if (!type) return 0;
    this.#inProgress.add(name);
    const cost = this.#selections(fragment.selectionSet, type);
    this.#inProgress.delete(name);
    this.#costed.set(name, cost);
    return cost;
  }
}

function fieldOf(
  type: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  return type.getFields()[name];
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** Private: a list size from a value, when it is a usable one. */
function sizeValue(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.max(0, Math.floor(value));
}

/**
 * The cost of `operation` of `document` by the model above, its sizes
 * given as variables taken from `values`; default none known.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  values: VariableValues = {},
): number {
  return new CostWalker(schema, document).operation(operation, values);
}

/**
 * Private: the operations that take no list size from a variable, whose
 * cost validation has already judged whatever a request's values are.
 * Apollo Server keeps one parsed document per text, so each is walked
 * once; a document it parses anew is walked again.
 */
const notSizedByVariable = new WeakSet<OperationDefinitionNode>();

/**
 * The refusal of an operation that costs more than `maxCost` with the
 * request's variable values; null when it does not, or when no list size
 * in it is given as a variable.
 */
export function variableCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  values: VariableValues,
  maxCost: number,
): GraphQLError | null {
  if (!operation.variableDefinitions?.length) return null;
  if (notSizedByVariable.has(operation)) return null;
  const walker = new CostWalker(schema, document);
  const cost = walker.operation(operation, values);
  if (!walker.sizedByVariable) notSizedByVariable.add(operation);
  return cost > maxCost ? costError(operation, cost, maxCost) : null;
}

function nameOf(operation: OperationDefinitionNode): string {
  return operation.name ? `The operation ${operation.name.value}` :
    'The operation';
}

/** The refusal of an operation costing more than `maxCost`. */
export function costError(
  operation: OperationDefinitionNode,
  cost: number,
  maxCost: number,
): GraphQLError {
  return new GraphQLError(
    `${nameOf(operation)} costs ${cost}; the limit is ${maxCost}.`,
    { nodes: operation, extensions: { code: COST_CODE, cost, maxCost } },
  );
}

/** A validation rule refusing each operation costing over `maxCost`. */
export function costRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const walker = new CostWalker(context.getSchema(), context.getDocument());
    return {
      OperationDefinition(operation) {
        const cost = walker.operation(operation);
        if (cost > maxCost) {
          context.reportError(costError(operation, cost, maxCost));
        }
        return false;
      },
    };
  };
}
