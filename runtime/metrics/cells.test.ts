import { Counter, Histogram, Registry } from 'prom-client';
import { CellCounter, CellHistogram } from './cells';

/** The scrape text of one metric, without its HELP line. */
async function textOf(registry: Registry): Promise<string> {
  return (await registry.metrics()).replace(/^# HELP .*\n/gm, '');
}

describe('CellCounter', () => {
  it('scrapes as prom-client\'s own counter with the same increments',
    async () => {
      const ours = new Registry();
      const theirs = new Registry();
      const config = { name: 'ops_total', help: 'h', labelNames: ['type'] };
      const counter = new CellCounter({ ...config, registry: ours });
      const reference = new Counter({ ...config, registers: [theirs] });
      const query = counter.cell('query');
      const mutation = counter.cell('mutation');
      query.inc();
      query.inc();
      mutation.inc();
      reference.inc({ type: 'query' }, 2);
      reference.inc({ type: 'mutation' });
      expect(await textOf(ours)).toBe(await textOf(theirs));
      // A second scrape answers the same, not the double.
      expect(await textOf(ours)).toBe(await textOf(theirs));
    });

  it('refuses a cell without one value per label', () => {
    const counter = new CellCounter({ name: 'c_total', help: 'h',
      labelNames: ['a', 'b'], registry: new Registry() });
    expect(() => counter.cell('only'))
      .toThrow('Expected 2 label values, got 1');
  });
});

describe('CellHistogram', () => {
  it('scrapes as prom-client\'s own histogram with the same values',
    async () => {
      const ours = new Registry();
      const theirs = new Registry();
      const config = { name: 'wait_seconds', help: 'h',
        labelNames: ['path'], buckets: [0.1, 0.5, 1] };
      const histogram = new CellHistogram({ ...config, registry: ours });
      const reference = new Histogram({ ...config, registers: [theirs] });
      const cell = histogram.cell('/graphql');
      for (const value of [0.05, 0.1, 0.3, 0.7, 2, 1]) {
        cell.observe(value);
        reference.observe({ path: '/graphql' }, value);
      }
      expect(await textOf(ours)).toBe(await textOf(theirs));
      expect(await textOf(ours)).toContain(
        'wait_seconds_bucket{le="0.5",path="/graphql"} 3');
    });
});
