/**
 * `npm run seed:national -- --years N [--seed S]
 * [--end-date YYYY-MM-DD] [--scale F] [--replace]
 * [--territory-file PATH]`: generates the synthetic national history
 * (storage/national/) and writes it into the configured storage, the
 * subgraphs' own (DB_DRIVER, SQLITE_DIR, MYSQL_URL). A store that holds
 * rows is refused unless --replace, which drops and rebuilds the five
 * systems' tables (never the audit trail's). --territory-file writes the
 * national territory as a territory file, for the subgraphs'
 * TERRITORY_FILE.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../runtime/config';
import { readSubgraphConfig, storageOptionsOf } from '../subgraphs/config';
import {
  generateNationalData,
  nationalOptions,
  type NationalOptions,
} from '../storage/national/generate';
import {
  formatSummary,
  nationalSummary,
} from '../storage/national/summary';
import {
  loadNationalData,
  StoreNotEmptyError,
  type LoadProgress,
} from '../storage/national/load';

const USAGE = 'Usage: npm run seed:national -- --years N [--seed S] '
  + '[--end-date YYYY-MM-DD] [--scale F] [--replace] '
  + '[--territory-file PATH]';

export interface SeedArgs extends NationalOptions {
  /** Drop and rebuild the tables of a store that holds rows. */
  replace: boolean;
  /** Where to write the territory file; none by default. */
  territoryFile: string | undefined;
}

/** A bad command line: the message names the option and the value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OPTIONS = {
  years: { type: 'string' },
  seed: { type: 'string' },
  'end-date': { type: 'string' },
  scale: { type: 'string' },
  replace: { type: 'boolean', default: false },
  'territory-file': { type: 'string' },
} as const;

/** The command line's name of each of `NationalOptions`. */
const FLAGS: Readonly<Record<string, string>> = {
  years: '--years',
  seed: '--seed',
  endDate: '--end-date',
  scale: '--scale',
};

/** Reads the command line; throws a UsageError naming what is wrong. */
export function parseSeedArgs(args: readonly string[]): SeedArgs {
  const values = parseFlags(args);
  const options = {
    years: numberOption('years', values.years),
    seed: numberOption('seed', values.seed),
    endDate: values['end-date'],
    scale: numberOption('scale', values.scale),
  };
  try {
    nationalOptions(options);
  } catch (error) {
    // The generator names the option as the code does: say the flag.
    const message = (error as Error).message;
    const [name = ''] = message.split(' ', 1);
    throw new UsageError(`${FLAGS[name] ?? name}${message.slice(name.length)}`);
  }
  return { ...options, replace: values.replace,
    territoryFile: values['territory-file'] };
}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, strict: true,
      allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function numberOption(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed)) {
    throw new UsageError(`--${name} must be a number, got "${value}"`);
  }
  return parsed;
}

/** A line updated in place on a terminal, one line a table otherwise. */
function progressPrinter(): (progress: LoadProgress) => void {
  const tty = process.stderr.isTTY === true;
  return ({ system, table, done, total }) => {
    const line = `${system}: ${table} ${done}/${total}`;
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
    else if (done === total) process.stderr.write(`${line}\n`);
  };
}

async function main(): Promise<void> {
  const options = parseSeedArgs(process.argv.slice(2));
  const storage = storageOptionsOf(readSubgraphConfig());
  const target = storage.driver === 'sqlite'
    ? { ...storage, directory: resolve(storage.directory) }
    : storage;

  const started = Date.now();
  const data = generateNationalData(options);
  const generated = Date.now();
  const took = generated - started;
  process.stderr.write(
    `Generated in ${took} ms; writing to ${target.driver}\n`);
  const counts = await loadNationalData(data, target, {
    replace: options.replace,
    onProgress: progressPrinter(),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (options.territoryFile) {
    const description = 'Synthetic national territory of npm run '
      + 'seed:national: the shipped zones as they are, the others made up.';
    await writeFile(options.territoryFile,
      `${JSON.stringify({ description, ...data.territory }, null, 2)}\n`);
  }

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = Object.entries(counts)
    .map(([table, count]) => `  ${table.padEnd(36)} ${count}`);
  process.stdout.write([
    ...formatSummary(nationalSummary(data)),
    'Rows written:',
    ...lines,
    `  ${'total rows'.padEnd(36)} ${total}`,
    `Written in ${Date.now() - generated} ms (generated in ${took} ms).`,
    '',
  ].join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const usage = error instanceof UsageError;
    const known = usage || error instanceof ConfigError
      || error instanceof StoreNotEmptyError;
    const message = known ? (error as Error).message
      : `Could not seed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n${usage ? `${USAGE}\n` : ''}`);
    process.exit(1);
  });
}
