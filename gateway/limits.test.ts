import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import {
  limitRules,
  parseWithinLimits,
  tokenLimitError,
  limitErrorFormatter,
  type OperationLimits,
} from './limits';

const schema = buildSchema(`
  type Query {
    node: Node
  }

  type Node {
    id: ID!
    child: Node
  }
`);

const limits: OperationLimits = {
  maxDepth: 3,
  maxAliases: 2,
  maxTokens: 20,
  maxCost: 1000,
};

/** The codes of the errors validating `source` within `limits`. */
function codesOf(source: string, given = limits): unknown[] {
  return errorsOf(source, given).map((error) => error.extensions.code);
}

function errorsOf(source: string, given = limits): readonly GraphQLError[] {
  return validate(schema, parse(source), [
    ...specifiedRules,
    ...limitRules(given),
  ]);
}

/** A query `levels` fields deep: node { child { … id } }. */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = 2; level < levels; level += 1) {
    selection = `child { ${selection} }`;
  }
  return `{ node { ${selection} } }`;
}

describe('limits: depth', () => {
  it('lets an operation at the limit through', () => {
    expect(codesOf(nested(3))).toEqual([]);
  });

  it('refuses one level more with its code, the depth and the limit', () => {
    const [error, ...others] = errorsOf(nested(4));

    expect(others).toEqual([]);
    expect(error.extensions.code).toBe('OPERATION_TOO_DEEP');
    expect(error.message).toBe(
      'The operation is 4 levels deep; the limit is 3.');
  });

  it('counts an introspection field as one level, its aliases still',
    () => {
      const full = getIntrospectionQuery({ inputValueDeprecation: true });
      expect(codesOf(full, { ...limits, maxTokens: 5000, maxAliases: 30 }))
        .toEqual([]);
      expect(codesOf('{ a: __schema { b: types { c: name } } }'))
        .toEqual(['TOO_MANY_ALIASES']);
      expect(codesOf(`{ node { __typename child { child { id } } } }`))
        .toEqual(['OPERATION_TOO_DEEP']);
    });

  it('names the operation it refuses', () => {
    const [error] = errorsOf('query Deep { node { child { child { id } } } }');

    expect(error.message).toMatch(/^The operation Deep is 4 levels deep/);
  });

  it('follows fragments and inline fragments without counting them', () => {
    const atLimit = `
      { node { ...Child } }
      fragment Child on Node { child { ... on Node { id } } }
    `;
    const over = `
      { node { ...Child } }
      fragment Child on Node { child { ...Deeper } }
      fragment Deeper on Node { child { id } }
    `;

    expect(codesOf(atLimit)).toEqual([]);
    expect(codesOf(over)).toEqual(['OPERATION_TOO_DEEP']);
  });

  it('judges each operation of a document on its own', () => {
    const source = `
      query Shallow { node { id } }
      query Deep { node { child { child { id } } } }
    `;

    const errors = errorsOf(source);

    expect(errors.map((error) => error.message)).toEqual([
      'The operation Deep is 4 levels deep; the limit is 3.',
    ]);
  });

  it('ends on a fragment cycle, which graphql reports itself', () => {
    const source = `
      { node { ...A } }
      fragment A on Node { child { ...B } }
      fragment B on Node { child { ...A } }
    `;

    const errors = errorsOf(source, { ...limits, maxDepth: 1 });

    expect(errors.map((error) => error.message).sort()).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
      'The operation is 3 levels deep; the limit is 1.',
    ]);
  });

  it('walks a fan of fragments once each, however often spread', () => {
    // Each fragment spreads the next twice: 2^40 paths through 41
    // fragments, and as many aliases asked for in the answer.
    const fragments = Array.from({ length: 40 }, (_, index) =>
      `fragment F${index} on Node { id ...F${index + 1} ...F${index + 1} }`);
    const source = `{ node { child { ...F0 } } } ${fragments.join(' ')}
      fragment F40 on Node { alias: id }`;
    const started = Date.now();

    const errors = errorsOf(source, { ...limits, maxCost: 2 ** 50 });

    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors.map((error) => error.message)).toEqual([
      `The operation has ${2 ** 40} aliases; the limit is 2.`,
    ]);
  });
});

describe('limits: aliases', () => {
  it('lets the limit through and refuses one more', () => {
    expect(codesOf('{ a: node { b: id } }')).toEqual([]);
    expect(codesOf('{ a: node { b: id c: id } }'))
      .toEqual(['TOO_MANY_ALIASES']);
  });

  it('says how many aliases it found and the limit', () => {
    const [error] = errorsOf('{ a: node { b: id c: id } }');

    expect(error.message).toBe('The operation has 3 aliases; the limit is 2.');
  });

  it('counts the aliases of a fragment at each spread', () => {
    const source = `
      { node { ...Ids child { ...Ids } } }
      fragment Ids on Node { first: id second: id }
    `;

    const [error] = errorsOf(source, { ...limits, maxAliases: 3 });

    expect(error.extensions.code).toBe('TOO_MANY_ALIASES');
    expect(error.message).toContain('has 4 aliases');
  });

  it('counts aliases in inline fragments', () => {
    expect(codesOf('{ node { ... on Node { a: id b: id c: id } } }'))
      .toEqual(['TOO_MANY_ALIASES']);
  });

  it('takes a field without an alias as no alias', () => {
    const deep = { ...limits, maxDepth: 10 };

    expect(codesOf('{ node { id child { id child { id } } } }', deep))
      .toEqual([]);
  });
});

describe('limits: tokens', () => {
  // `{ node { } }` is 5 tokens; each `id` adds one.
  const ofTokens = (count: number) =>
    `{ node { ${Array.from({ length: count - 5 }, () => 'id').join(' ')} } }`;

  it('parses a document at the limit', () => {
    expect(parseWithinLimits(ofTokens(20), limits).definitions).toHaveLength(1);
  });

  it('refuses one token more with its code, the count and the limit', () => {
    expect(() => parseWithinLimits(ofTokens(21), limits)).toThrow(
      expect.objectContaining({
        message: 'The document holds 21 tokens; the limit is 20.',
        extensions: { code: 'TOO_MANY_TOKENS' },
      }),
    );
  });

  it('counts no comments and no commas', () => {
    const commas = ofTokens(20).replace(/ id/g, ' id,');
    const source = `# a comment of many words\n${commas}`;

    expect(tokenLimitError(source, limits)).toBeNull();
  });

  it('reports a plain syntax error as a parse failure', () => {
    expect(() => parseWithinLimits('{ node { id }', limits)).toThrow(
      expect.objectContaining({
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }),
    );
  });

  it('leaves a character the lexer refuses to the parse error', () => {
    expect(tokenLimitError(`${ofTokens(30)} \u0007`, limits)).toBeNull();
  });
});

describe('limits: limitErrorFormatter', () => {
  const format = limitErrorFormatter(limits);

  /** An error as Apollo Server's parse reports it. */
  function parseFailure(body: string): GraphQLError {
    try {
      parse(body, { maxTokens: limits.maxTokens });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return new GraphQLError(error.message, {
        source: error.source,
        positions: error.positions,
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
    }
    throw new Error(`expected ${body} to fail`);
  }

  it('tells a parse stopped by the limit as TOO_MANY_TOKENS', () => {
    const error = parseFailure(`{ node { ${'id '.repeat(30)}} }`);

    expect(format(error.toJSON(), error)).toEqual({
      message: 'The document holds 35 tokens; the limit is 20.',
      extensions: { code: 'TOO_MANY_TOKENS' },
    });
  });

  it('leaves a short document’s syntax error as it is', () => {
    const error = parseFailure('{ node { id }');

    expect(format(error.toJSON(), error)).toEqual(error.toJSON());
  });

  it('gives a limit refused in validation its code back', () => {
    const [refusal] = errorsOf(nested(4));
    // As Apollo Server reports every validation error.
    const error = new GraphQLError(refusal.message, {
      originalError: refusal,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(format(error.toJSON(), error)).toEqual({
      message: 'The operation is 4 levels deep; the limit is 3.',
      extensions: { code: 'OPERATION_TOO_DEEP' },
    });
  });

  it('leaves graphql’s own validation errors as they are', () => {
    const [invalid] = errorsOf('{ colour }');
    const error = new GraphQLError(invalid.message, {
      originalError: invalid,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(format(error.toJSON(), error)).toEqual(error.toJSON());
  });

  it('leaves every other error as it is', () => {
    const error = new GraphQLError('no', {
      extensions: { code: 'BAD_USER_INPUT' },
    });

    expect(format(error.toJSON(), error)).toEqual(error.toJSON());
  });
});
