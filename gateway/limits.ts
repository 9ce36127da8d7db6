/**
 * Limits on the size of an operation, checked before anything is planned
 * or fetched, so that a hostile document costs the gateway a parse and a
 * walk, and no subgraph anything:
 *
 * - tokens: counted while parsing (graphql's `maxTokens`), so a huge
 *   document is abandoned at its first token past the limit;
 * - depth: the deepest field of an operation, fragments followed, an
 *   introspection field counted as one level;
 * - aliases: every alias an operation asks for, fragments counted at
 *   each spread, since each spread repeats them in the answer;
 * - cost: the fields an operation would resolve, lists multiplying
 *   what they select (the model is in cost.ts).
 *
 * HTTP requests get them from Apollo Server (server.ts), which checks a
 * document once and keeps it: the cost of an operation whose list sizes
 * come as variables is checked again for each request, with its values
 * (`variableCostPlugin`). The graphql-ws socket applies the same limits to
 * the subscriptions it validates itself (alerts/socket.ts,
 * alerts/operation.ts), and runs every other operation through Apollo
 * Server.
 */
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { COST_CODE, costRule, variableCostError } from './cost';

export interface OperationLimits {
  /** Levels of fields below the root; `{ a { b } }` is 2 deep. */
  readonly maxDepth: number;
  /** Aliases in one operation, each fragment counted at each spread. */
  readonly maxAliases: number;
  /** Lexical tokens in the document (punctuation, names, values). */
  readonly maxTokens: number;
  /** The static cost of one operation (cost.ts). */
  readonly maxCost: number;
}

/**
 * Room for every operation the tests, README, scripts and benchmarks
 * send. The cost leaves room for a zone's list at its largest page
 * (`protectionMeasures(first: 500)`) with each measure's briefing
 * fields, which costs 44001 (bench/operations.ts).
 */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 50_000,
};

export const LimitCode = {
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  OPERATION_TOO_COSTLY: COST_CODE,
} as const;

/** The codes Apollo Server gives every error of its parse, validation. */
const PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';
const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

/** What one operation's selections add up to, fragments followed. */
interface Measure {
  readonly depth: number;
  readonly aliases: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0 };

/** `__schema`, `__type`, `__typename`: the reserved names (spec §4). */
function isIntrospection(fieldName: string): boolean {
  return fieldName.startsWith('__');
}

/**
 * Private: measures selection sets, each fragment once per validation
 * however often it is spread, so a document that spreads fragments
 * within fragments costs a walk of its text and no more. A fragment
 * that spreads itself (a cycle, refused by NoFragmentCyclesRule in the
 * same pass) counts as empty where it recurs.
 */
class Measurer {
  readonly #fragments = new Map<string, FragmentDefinitionNode>();
  readonly #measured = new Map<string, Measure>();
  readonly #inProgress = new Set<string>();

  constructor(document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.#fragments.set(definition.name.value, definition);
      }
    }
  }

  selections(set: SelectionSetNode | undefined): Measure {
    let depth = 0;
    let aliases = 0;
    for (const selection of set?.selections ?? []) {
      const inner = this.#selection(selection);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  }

  #selection(selection: SelectionNode): Measure {
    switch (selection.kind) {
      case Kind.FIELD: {
        const below = this.selections(selection.selectionSet);
        const alias = selection.alias === undefined ? 0 : 1;
        // Introspection nests as deep as the type references it follows
        // (the explorer's asks 15 levels), and is answered from the schema
        // in memory, off in production: counted one level, as cost.ts
        // counts it nothing. Its aliases still count.
        const depth = isIntrospection(selection.name.value)
          ? 1 : below.depth + 1;
        return { depth, aliases: below.aliases + alias };
      }
      case Kind.INLINE_FRAGMENT:
        return this.selections(selection.selectionSet);
      case Kind.FRAGMENT_SPREAD:
        return this.#fragment(selection.name.value);
      default: {
        const impossible: never = selection;
        throw new Error(`Unknown selection ${JSON.stringify(impossible)}`);
      }
    }
  }

  #fragment(name: string): Measure {
    const known = this.#measured.get(name);
    if (known !== undefined) return known;
    const fragment = this.#fragments.get(name);
    // Unknown fragments are KnownFragmentNamesRule's to report.
    if (fragment === undefined || this.#inProgress.has(name)) return NOTHING;
    this.#inProgress.add(name);
    const measure = this.selections(fragment.selectionSet);
    this.#inProgress.delete(name);
    this.#measured.set(name, measure);
    return measure;
  }
}

function nameOf(operation: OperationDefinitionNode): string {
  return operation.name ? `The operation ${operation.name.value}` :
    'The operation';
}

/**
 * Private: one rule checking both depth and aliases, so the document is
 * walked once; each operation is judged on its own.
 */
function sizeRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const measurer = new Measurer(context.getDocument());
    return {
      OperationDefinition(operation) {
        const { depth, aliases } = measurer.selections(operation.selectionSet);
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(
            `${nameOf(operation)} is ${depth} levels deep; the limit is ${limits.maxDepth}.`,
            {
              nodes: operation,
              extensions: { code: LimitCode.OPERATION_TOO_DEEP },
            },
          ));
        }
        if (aliases > limits.maxAliases) {
          context.reportError(new GraphQLError(
            `${nameOf(operation)} has ${aliases} aliases; the limit is ${limits.maxAliases}.`,
            {
              nodes: operation,
              extensions: { code: LimitCode.TOO_MANY_ALIASES },
            },
          ));
        }
        return false;
      },
    };
  };
}

/**
 * The validation rules enforcing depth, aliases and cost, beside
 * graphql's.
 */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [sizeRule(limits), costRule(limits.maxCost)];
}

/**
 * The plugin refusing, before it is planned, an operation that its
 * request's variables make cost more than `maxCost` (cost.ts), with 400
 * as validation would.
 */
export function variableCostPlugin<TContext extends BaseContext>(
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // An operation that is not there is graphql's to refuse.
          if (operation === undefined) return;
          const refusal = variableCostError(schema, document, operation,
            request.variables ?? {}, maxCost);
          if (refusal === null) return;
          throw new GraphQLError(refusal.message, {
            nodes: refusal.nodes,
            extensions: { ...refusal.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Parse options that give up at the first token past the limit. */
export function parseOptionsOf(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * Private: the tokens of `body` as graphql's parser counts them (no
 * comments, no end of file), or null when the lexer stops at a character
 * that is no GraphQL, which is a plain syntax error.
 */
function tokenCountOf(body: string): number | null {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return null;
  }
  return count;
}

/** The refusal of a document longer than the limit; null if it is not. */
export function tokenLimitError(
  body: string,
  limits: OperationLimits,
): GraphQLError | null {
  const count = tokenCountOf(body);
  if (count === null || count <= limits.maxTokens) return null;
  return new GraphQLError(
    `The document holds ${count} tokens; the limit is ${limits.maxTokens}.`,
    { extensions: { code: LimitCode.TOO_MANY_TOKENS } },
  );
}

/**
 * Parses `body` within the token limit. Throws the GraphQLError to send:
 * TOO_MANY_TOKENS, or the parser's own syntax error (code
 * GRAPHQL_PARSE_FAILED, as Apollo Server answers it).
 */
export function parseWithinLimits(
  body: string,
  limits: OperationLimits,
): DocumentNode {
  try {
    return parse(body, parseOptionsOf(limits));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw tokenLimitError(body, limits) ?? new GraphQLError(error.message, {
      source: error.source,
      positions: error.positions,
      extensions: { code: PARSE_FAILED },
    });
  }
}

const LIMIT_CODES: ReadonlySet<unknown> = new Set(Object.values(LimitCode));

/**
 * Private: the limit a validation error from Apollo Server stands for,
 * which gives every one the code GRAPHQL_VALIDATION_FAILED and keeps the
 * rule's own error as the original.
 */
function limitCodeOf(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.originalError instanceof GraphQLError
    ? error.originalError.extensions.code
    : undefined;
  return typeof code === 'string' && LIMIT_CODES.has(code) ? code : undefined;
}

/**
 * Private: the refusal a parse failure from Apollo Server stands for, if
 * the document was past the token limit. It is lexed again only then.
 */
function tokenRefusalOf(
  error: unknown,
  limits: OperationLimits,
): GraphQLError | null {
  if (!(error instanceof GraphQLError) || error.source === undefined) {
    return null;
  }
  return tokenLimitError(error.source.body, limits);
}

/**
 * A formatError step for Apollo Server, which answers its parse failures
 * as GRAPHQL_PARSE_FAILED and every validation error as
 * GRAPHQL_VALIDATION_FAILED: a refusal by a limit gets its own code back,
 * so HTTP clients see what graphql-ws clients see.
 */
export function limitErrorFormatter(
  limits: OperationLimits,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if (code === VALIDATION_FAILED) {
      const limitCode = limitCodeOf(error);
      if (limitCode === undefined) return formatted;
      return {
        ...formatted,
        extensions: { ...formatted.extensions, code: limitCode },
      };
    }
    if (code !== PARSE_FAILED) return formatted;
    const refusal = tokenRefusalOf(error, limits);
    if (refusal === null) return formatted;
    return {
      message: refusal.message,
      extensions: { ...formatted.extensions, ...refusal.extensions },
    };
  };
}
