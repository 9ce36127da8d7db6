/**
 * `npm run bench:stats -- [--years 10] [--quarter 2026-Q3] [--runs 5]
 * [--json]`: measures the Institute's national quarterly report, broken
 * down by arrondissement and the protected person's gender, over years
 * of synthetic national history (storage/national/).
 *
 * It writes the history into a fresh SQLite directory of its own, which
 * it removes at the end, starts the whole graph over it in this process
 * (the national territory as the protection subgraph's), asks
 * `Query.statistics` as an analyst through the gateway once to warm up,
 * then `--runs` times, and prints the time of each answer with its
 * median, and what the report holds; with `--json`, one BenchReport
 * (bench/stats.ts). `--quick`: 2 years, 2 runs, unless given. A
 * script, not a timed test; Ctrl-C stops it and removes its directory.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatStats,
  parseStatsArgs,
  statsBenchReport,
  type StatsFigures,
} from '../bench/stats';
import { startBenchRun } from '../bench/report';
import { readGatewayConfig } from '../gateway/config';
import { createLogger } from '../runtime/logger';
import { generateNationalData } from '../storage/national/generate';
import { loadNationalData } from '../storage/national/load';
import type { StorageOptions } from '../storage/options';
import { systemClock } from '../subgraphs/protection/domain/clock';
import { startStack, type RunningStack } from './stack';

const REPORT = /* GraphQL */ `
  query NationalQuarter($label: String!) {
    statistics(
      period: { unit: QUARTER, label: $label }
      by: [ARRONDISSEMENT, PROTECTED_GENDER]
    ) {
      key
      protection {
        total { requests { value suppressed } grants { value suppressed } }
        cells {
          arrondissement { code }
          protectedGender
          figures { grants { value suppressed } }
        }
      }
    }
  }
`;

interface Report {
  statistics: {
    key: string;
    protection: {
      cells: Array<{ figures: { grants: { suppressed: boolean } } }>;
    };
  };
}

/** Private: the history in a directory of its own, and its territory. */
async function seeded(
  directory: string,
  years: number,
): Promise<{ storage: StorageOptions; territoryFile: string; ms: number }> {
  const started = performance.now();
  const data = generateNationalData({ years });
  const storage: StorageOptions = { driver: 'sqlite', directory };
  await loadNationalData(data, storage);
  const territoryFile = join(directory, 'territory.json');
  await writeFile(territoryFile, JSON.stringify({
    description: 'The national territory of the benchmark.',
    ...data.territory,
  }));
  return { storage, territoryFile, ms: performance.now() - started };
}

async function ask(
  stack: RunningStack,
  token: string,
  quarter: string,
): Promise<{ ms: number; report: Report }> {
  const started = performance.now();
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: REPORT, variables: { label: quarter } }),
  });
  const body = (await response.json()) as {
    data?: Report;
    errors?: unknown[];
  };
  const ms = performance.now() - started;
  if (!body.data || body.errors) {
    throw new Error(`The report failed: ${JSON.stringify(body.errors)}`);
  }
  return { ms, report: body.data };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Private: everything it starts is stopped and removed, also on Ctrl-C. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = parseStatsArgs(args);
  const run = startBenchRun('scripts/bench-stats.ts', args);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('Interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const { signal } = controller;
  const directory = await mkdtemp(join(tmpdir(), 'sat-bench-stats-'));
  // The last resort, should the process die before `finally` runs.
  const removeOnExit = () =>
    rmSync(directory, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  try {
    process.stderr.write(`Writing ${options.years} years of national history…\n`);
    const history = await seeded(join(directory, 'db'), options.years);
    signal.throwIfAborted();
    const stack = await startStack({
      storage: history.storage,
      keysDirectory: join(directory, 'keys'),
      logger: createLogger({ name: 'bench-stats', level: 'silent' }),
      ephemeralPorts: true,
      clock: systemClock,
      protection: { territoryFile: history.territoryFile },
      gatewayConfig: readGatewayConfig({
        NODE_ENV: 'development',
        KEYS_DIR: join(directory, 'keys'),
        RATE_LIMIT_PER_MINUTE: '0',
      }),
    });
    try {
      signal.throwIfAborted();
      const token = await stack.token({ role: 'analyst' });
      const warm = await ask(stack, token, options.quarter);
      const times: number[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        signal.throwIfAborted();
        times.push((await ask(stack, token, options.quarter)).ms);
      }
      const cells = warm.report.statistics.protection.cells;
      const figures: StatsFigures = {
        years: options.years,
        quarter: options.quarter,
        seedMs: Math.round(history.ms),
        firstMs: Math.round(warm.ms),
        runsMs: times.map(Math.round),
        medianMs: Math.round(median(times)),
        cells: cells.length,
        suppressedGrantCells: cells.filter(
          (cell) => cell.figures.grants.suppressed).length,
      };
      process.stdout.write(options.json
        ? `${JSON.stringify(statsBenchReport(figures, run), null, 2)}\n`
        : formatStats(figures));
    } finally {
      await stack.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
    process.removeListener('exit', removeOnExit);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(error instanceof Error && error.message === 'Interrupted'
      ? 130 : 1);
  });
}
