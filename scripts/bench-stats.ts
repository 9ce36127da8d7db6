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
 * median, and what the report holds. A script, not a timed test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

interface Options {
  readonly years: number;
  readonly quarter: string;
  readonly runs: number;
  readonly json: boolean;
}

interface Report {
  statistics: {
    key: string;
    protection: {
      cells: Array<{ figures: { grants: { suppressed: boolean } } }>;
    };
  };
}

function optionsOf(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      years: { type: 'string', default: '10' },
      quarter: { type: 'string', default: '2026-Q3' },
      runs: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  });
  const years = Number(values.years);
  const runs = Number(values.runs);
  if (!Number.isInteger(years) || years < 1 || years > 30) {
    throw new Error(`--years must be an integer from 1 to 30, got "${values.years}"`);
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
    throw new Error(`--runs must be an integer from 1 to 100, got "${values.runs}"`);
  }
  if (!/^\d{4}-Q[1-4]$/.test(values.quarter)) {
    throw new Error(`--quarter must read like 2026-Q3, got "${values.quarter}"`);
  }
  return { years, runs, quarter: values.quarter, json: values.json };
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

async function main(): Promise<void> {
  const options = optionsOf(process.argv.slice(2));
  const directory = await mkdtemp(join(tmpdir(), 'sat-bench-stats-'));
  try {
    process.stderr.write(`Writing ${options.years} years of national history…\n`);
    const history = await seeded(join(directory, 'db'), options.years);
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
      const token = await stack.token({ role: 'analyst' });
      const warm = await ask(stack, token, options.quarter);
      const times: number[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        times.push((await ask(stack, token, options.quarter)).ms);
      }
      const cells = warm.report.statistics.protection.cells;
      const figures = {
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
        ? `${JSON.stringify(figures)}\n`
        : [
          `National report ${figures.quarter} by arrondissement and gender, over ${figures.years} years of history`,
          `  history written in ${figures.seedMs} ms (SQLite)`,
          `  first answer ${figures.firstMs} ms; then ${figures.runsMs.join(', ')} ms (median ${figures.medianMs} ms)`,
          `  ${figures.cells} cells, ${figures.suppressedGrantCells} with their grants suppressed`,
          '',
        ].join('\n'));
    } finally {
      await stack.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
