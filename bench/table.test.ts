import type { BenchReport } from './report';
import {
  blocksOf,
  FIGURES_END,
  FIGURES_START,
  formatSummary,
  formatValue,
  PAGE_COLUMNS,
  replaceFigures,
  summaryMarkdown,
  type BenchSummary,
} from './table';

const machine = {
  cpu: 'Test CPU', cores: 2, memoryGiB: 24, freeMemoryGiB: 20,
  os: 'Linux 6', node: 'v20.0.0',
};

const figure = (metric: string, value: number | null, unit = 'ms') =>
  ({ metric, value, unit });

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    bench: 'scale',
    command: 'tsx scripts/bench-scale.ts --json',
    startedAt: '2026-12-04T10:00:00.000Z',
    durationMs: 61_234,
    machine,
    cases: [
      { name: 'list of 1', figures: [figure('p50 latency', 12.345),
        figure('SQL statements', 26, '')] },
      { name: 'list of 500', figures: [figure('p50 latency', 450.2),
        figure('SQL statements', 26, '')] },
      { name: '1000 subscribers', figures: [figure('p99 commit', null)] },
    ],
    aims: [
      { aim: 'statements equal', target: 'the same', measured: '26', met: true },
      { aim: 'p99 at 1000', target: '< 50 ms', measured: '61 ms', met: false },
    ],
    ...overrides,
  };
}

function summary(overrides: Partial<BenchSummary> = {}): BenchSummary {
  return {
    command: 'tsx scripts/bench.ts --quick',
    startedAt: '2026-12-04T10:00:00.000Z',
    machine,
    reports: [report()],
    failures: [{ bench: 'gateway', reason: 'scripts/bench-gateway.ts is not on this branch' }],
    ...overrides,
  };
}

describe('the bench table', () => {
  it('puts cases with the same figures in one block', () => {
    const blocks = blocksOf(report().cases);

    expect(blocks.map((block) => block.cases.map(({ name }) => name)))
      .toEqual([['list of 1', 'list of 500'], ['1000 subscribers']]);
    expect(blocks[0].metrics.map(({ metric }) => metric))
      .toEqual(['p50 latency', 'SQL statements']);
  });

  it('prints figures to about three digits, and a dash for none', () => {
    expect([26, 450.2, 12.345, 1.234, 0.0123, null].map(formatValue))
      .toEqual(['26', '450', '12.3', '1.23', '0.012', '-']);
  });

  it('prints the machine, every case, every aim and every failure', () => {
    const text = formatSummary(summary());

    expect(text).toContain('Benchmarks: tsx scripts/bench.ts --quick');
    expect(text).toContain('2 × Test CPU, 24 GiB (20 free)');
    expect(text).toMatch(/p50 latency, ms +12\.3 +450\n/);
    expect(text).toMatch(/SQL statements +26 +26\n/);
    expect(text).toMatch(/p99 commit, ms +-\n/);
    expect(text).toContain('  met     statements equal (the same): 26');
    expect(text).toContain('  NOT MET p99 at 1000 (< 50 ms): 61 ms');
    expect(text).toContain('FAILED gateway: scripts/bench-gateway.ts is not on this branch');
    expect(text).toContain('1 of 2 aims met, 1 reports, 1 failures.');
  });

  it('keeps within the page, cutting a wide block into several', () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({
      name: `list of ${i}`, figures: [figure('p50 latency', i)],
    }));
    const text = formatSummary(summary({ reports: [report({
      cases,
      aims: [{ aim: 'a long aim '.repeat(12), target: 't', measured: 'm', met: true }],
    })] }));
    const lines = text.split('\n');

    expect(Math.max(...lines.map((line) => line.length)))
      .toBeLessThanOrEqual(PAGE_COLUMNS);
    expect(lines.filter((line) => line.includes('list of 0'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('list of 11'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('  p50 latency')).length)
      .toBeGreaterThan(1);
  });

  it('says beside its report that a bench that printed one failed', () => {
    const text = formatSummary(summary({
      failures: [{ bench: 'scale', reason: 'exited 1 (1 aims not met)' }],
    }));

    expect(text).toMatch(/NOT MET p99 at 1000.*\n  FAILED: exited 1 \(1 aims not met\)/);
  });
});

describe('the bench Markdown', () => {
  it('writes a table a block and one of the aims', () => {
    const markdown = summaryMarkdown(summary());

    expect(markdown).toContain('### scale');
    expect(markdown).toContain('|  | list of 1 | list of 500 |\n| --- | ---: | ---: |');
    expect(markdown).toContain('| p50 latency, ms | 12.3 | 450 |');
    expect(markdown).toContain('| p99 at 1000 | < 50 ms | 61 ms | **NOT MET** |');
    expect(markdown).toContain('- **FAILED** gateway: scripts/bench-gateway.ts is not on this branch');
  });

  it('replaces only what lies between the markers', () => {
    const before = `# Results\n\nAnalysis above.\n\n${FIGURES_START}\nold figures\n${FIGURES_END}\n\nAnalysis below.\n`;

    expect(replaceFigures(before, 'new figures\n')).toBe(
      `# Results\n\nAnalysis above.\n\n${FIGURES_START}\nnew figures\n${FIGURES_END}\n\nAnalysis below.\n`);
  });

  it('adds the markers to a file without them, or to a new one', () => {
    expect(replaceFigures('', 'figures\n'))
      .toBe(`${FIGURES_START}\nfigures\n${FIGURES_END}\n`);
    expect(replaceFigures('# Results\n', 'figures\n'))
      .toBe(`# Results\n\n${FIGURES_START}\nfigures\n${FIGURES_END}\n`);
  });

  it('refuses markers out of order, naming them', () => {
    expect(() => replaceFigures(`${FIGURES_END}\n${FIGURES_START}\n`, 'x'))
      .toThrow(/figure markers are broken/);
  });
});
