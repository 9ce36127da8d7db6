import {
  ANONYMOUS_LABEL,
  BoundedLabel,
  ChildCache,
  OTHER_LABEL,
} from './labels';

describe('BoundedLabel', () => {
  it('keeps a GraphQL name as its own value', () => {
    const label = new BoundedLabel();
    expect(label.of('MeasureMetrics')).toBe('MeasureMetrics');
    expect(label.of('_private2')).toBe('_private2');
    expect(label.size).toBe(2);
  });

  it('counts a name that is no GraphQL name, or too long, as other', () => {
    const label = new BoundedLabel();
    for (const name of ['02091800178', 'has space', 'a-b', 'é', 'x"}',
      'A'.repeat(65)]) {
      expect(label.of(name)).toBe(OTHER_LABEL);
    }
    expect(label.of('A'.repeat(64))).toBe('A'.repeat(64));
    expect(label.size).toBe(1);
  });

  it('counts an operation without a name as anonymous', () => {
    const label = new BoundedLabel();
    expect(label.of(undefined)).toBe(ANONYMOUS_LABEL);
    expect(label.of(null)).toBe(ANONYMOUS_LABEL);
    expect(label.of('')).toBe(ANONYMOUS_LABEL);
    expect(label.size).toBe(0);
  });

  it('keeps the first max names and counts every later one as other',
    () => {
      const label = new BoundedLabel({ max: 2 });
      expect(label.of('First')).toBe('First');
      expect(label.of('Second')).toBe('Second');
      expect(label.of('Third')).toBe(OTHER_LABEL);
      // A name kept before stays itself.
      expect(label.of('First')).toBe('First');
      expect(label.size).toBe(2);
    });

  it('keeps none with max 0, and refuses a max that is no count', () => {
    expect(new BoundedLabel({ max: 0 }).of('Any')).toBe(OTHER_LABEL);
    expect(() => new BoundedLabel({ max: -1 })).toThrow('not -1');
    expect(() => new BoundedLabel({ max: 1.5 })).toThrow('not 1.5');
  });

  it('counts its own fixed values, sent as a name, as other', () => {
    const label = new BoundedLabel();
    expect(label.of(OTHER_LABEL)).toBe(OTHER_LABEL);
    expect(label.of(ANONYMOUS_LABEL)).toBe(OTHER_LABEL);
    expect(label.size).toBe(0);
  });
});

describe('ChildCache', () => {
  it('makes each pair of values once', () => {
    const made: string[] = [];
    const cache = new ChildCache((a, b) => {
      made.push(`${a}/${b}`);
      return { a, b };
    });
    const first = cache.get('query', 'One');
    expect(cache.get('query', 'One')).toBe(first);
    cache.get('mutation', 'One');
    cache.get('query', 'Two');
    expect(made).toEqual(['query/One', 'mutation/One', 'query/Two']);
  });
});
