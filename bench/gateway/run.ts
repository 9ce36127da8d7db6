/**
 * One run of the gateway bench (issue 8): the same six subgraphs and the
 * same supergraph served by (a) this gateway with every layer on, (b) a
 * plain Apollo Gateway and (c) Hive Gateway, each loaded in turn.
 *
 * 1. Set-up: a temporary directory with fresh keys, the store (a fresh
 *    MariaDB database, or SQLite in the directory), the issuer's JWKS
 *    served on loopback for gateway (a), the safelist file, the
 *    callers' tokens, and the subgraphs' process seeded with the bench
 *    data.
 * 2. Check: each gateway in turn is started, asked each operation once
 *    and stopped; all three must answer the same `data`, without
 *    errors, or the run fails: a benchmark of wrong answers means
 *    nothing.
 * 3. Load: for each round, for each operation, for each gateway in turn
 *    (a, b, c; c, b, a every other round) a fresh gateway process is
 *    started, warmed up (not counted), loaded, stopped.
 * 4. Cleanup, on every path: the processes stopped (or killed), the
 *    JWKS server closed, the database dropped, the directory removed.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { readGatewayConfig } from '../../gateway/config';
import { SUPERGRAPH_PATH } from '../../gateway/server';
import { ensureLocalKeys, type LocalKeys } from '../../runtime/keys';
import { DEMO_REFERENCE_DATE } from '../../storage/demo-data';
import type { StorageOptions } from '../../storage/options';
import { createBenchStore } from '../storage';
import { benchData } from '../fixture';
import { benchOperations, type BenchOperation } from '../operations';
import { startChild, type Child } from '../process/child';
import {
  benchReportOf,
  type BenchReport,
  type BenchRun,
} from '../report';
import {
  callerTokens,
  HEADER_REFRESH_MS,
  presignHeaders,
  trustedManifest,
} from './callers';
import {
  aimsOf,
  casesOf,
  GATEWAYS,
  medianRound,
  type GatewayEntry,
  type GatewayLetter,
  type OperationFigures,
} from './figures';
import { askOnce, loadGateway, type LoadFigures } from './load';
import type { GatewayBenchOptions } from './options';
import type {
  GatewayConfig,
  GatewayRequests,
  SubgraphsRequests,
  SubgraphUrls,
} from './protocol';
import {
  keepMainThreadProfile,
  profileFlags,
  windowPath,
} from './profiles';
import { withSubgraphUrls } from './supergraph';

/** Gateway (a)'s rate limit: far above what two cores can answer. */
export const BENCH_RATE_LIMIT = 1_000_000;

const SUBGRAPHS_ENTRY = join(__dirname, 'subgraphs-process.ts');
const GATEWAY_ENTRY = join(__dirname, 'gateway-process.ts');

/** The issuer and audience at their defaults: the local issuer's. */
const ISSUER = readGatewayConfig({});

/**
 * Every process the bench starts runs as production would. Hive Gateway
 * reads LOG_LEVEL from the environment (the others are told theirs), so
 * the bench's own never reaches it.
 */
const CHILD_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'warn' } as const;

export interface RunHooks {
  /** News of the run, one step at a time; default none. */
  readonly progress?: (text: string) => void;
  /** The processes' stdout and stderr; default dropped. */
  readonly output?: (chunk: Buffer) => void;
  /** Aborting stops the run at the next step, cleaning up. */
  readonly signal?: AbortSignal;
}

/** What a run measured, beside the report's cases and aims. */
export interface GatewayBenchDetails {
  readonly settings: Readonly<Record<string, string | number>>;
  readonly operations: readonly OperationFigures[];
  /** Every load of every round, in the order run. */
  readonly loads: readonly {
    readonly round: number;
    readonly operation: string;
    readonly gateway: GatewayLetter;
    readonly figures: LoadFigures;
  }[];
  /** The CPU profiles written, with --profile. */
  readonly profiles?: string;
  readonly notes: readonly string[];
}

/** Private: what set-up made, for the check and the loads. */
interface Setup {
  readonly directory: string;
  readonly keys: LocalKeys;
  readonly operations: readonly BenchOperation[];
  /** Each operation's users' tokens, in turn order (callers.ts). */
  readonly tokens: Readonly<Record<string, readonly string[]>>;
  readonly subgraphUrls: SubgraphUrls;
  readonly jwksUrl: string;
  readonly manifestPath: string;
  readonly plainSdl: string;
}

/** Private: a process, and how to stop it and keep its profile. */
interface Stoppable {
  readonly stop: () => Promise<void>;
}

/** Private: what cleanup undoes, filled as set-up goes. */
interface Held {
  directory?: string;
  dropDatabase?: () => Promise<void>;
  jwks?: Server;
  subgraphs?: Stoppable;
  /** The subgraphs' process's CPU time so far, in ms. */
  subgraphsCpu?: () => Promise<number>;
  gateway?: Stoppable;
}

/** Runs the bench; the report is the one `--json` prints. */
export async function runGatewayBench(
  options: GatewayBenchOptions,
  run: BenchRun,
  hooks: RunHooks = {},
): Promise<BenchReport> {
  const held: Held = {};
  try {
    const setup = await prepare(options, hooks, held);
    hooks.signal?.throwIfAborted();
    hooks.progress?.('Checking the three gateways give the same answers');
    await checkAnswers(options, setup, hooks, held);
    const loads = await loadAll(options, setup, hooks, held);
    const details = detailsOf(options, setup, loads);
    return benchReportOf('gateway', run, {
      cases: casesOf(details.operations),
      aims: aimsOf(details.operations),
      details,
    });
  } finally {
    await cleanUp(held, hooks);
  }
}

/** Private: step 1. */
async function prepare(
  options: GatewayBenchOptions,
  hooks: RunHooks,
  held: Held,
): Promise<Setup> {
  const directory = await mkdtemp(join(tmpdir(), 'sat-bench-gateway-'));
  held.directory = directory;
  const keysDirectory = join(directory, 'keys');
  const keys = await ensureLocalKeys(keysDirectory);
  const storage = await storageFor(options, held);
  held.jwks = await serveJwks(keys.issuer.publicJwks);
  const jwksUrl = urlOf(held.jwks, '/jwks.json');
  const operations = benchOperations(benchData(options.measures))
    .filter(({ name }) => options.operations.includes(name));
  const manifestPath = join(directory, 'trusted-documents.json');
  await writeFile(manifestPath,
    trustedManifest(benchOperations(benchData(0))));
  const tokens = await callerTokens(keys.issuer.privateJwk, operations, {
    issuer: ISSUER.AUTH_ISSUER,
    audience: ISSUER.AUTH_AUDIENCE,
  }, options.callers);
  hooks.progress?.(
    `Starting the six subgraphs on ${options.database}, seeding ${options.measures} bench measures`);
  const subgraphUrls = await startSubgraphs(options, {
    storage, keysDirectory }, hooks, held);
  const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  return {
    directory, keys, operations, tokens, subgraphUrls, jwksUrl,
    manifestPath, plainSdl: withSubgraphUrls(sdl, subgraphUrls),
  };
}

/** Private: a fresh MariaDB database, or SQLite in a directory of its own. */
async function storageFor(
  options: GatewayBenchOptions,
  held: Held,
): Promise<StorageOptions> {
  const store = await createBenchStore(options.database,
    options.mysqlUrl, 'gateway');
  held.dropDatabase = () => store.drop();
  return store.storage;
}

/** Private: the issuer's public keys, as an identity provider serves them. */
function serveJwks(jwks: JSONWebKeySet): Promise<Server> {
  const body = JSON.stringify(jwks);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}

function urlOf(server: Server, path: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}${path}`;
}

function profileArgs(
  options: GatewayBenchOptions,
  name: string | undefined,
): readonly string[] {
  const directory = options.profileDirectory;
  if (directory === undefined || name === undefined) return [];
  return profileFlags(directory, name);
}

/** Private: after the process of `name` exited, its profile kept. */
async function keepProfile(
  options: GatewayBenchOptions,
  name: string | undefined,
): Promise<void> {
  const directory = options.profileDirectory;
  if (directory === undefined || name === undefined) return;
  await keepMainThreadProfile(directory, name);
}

async function startSubgraphs(
  options: GatewayBenchOptions,
  where: { readonly storage: StorageOptions; readonly keysDirectory: string },
  hooks: RunHooks,
  held: Held,
): Promise<SubgraphUrls> {
  if (options.profileDirectory !== undefined) {
    await mkdir(options.profileDirectory, { recursive: true });
  }
  const child = startChild<SubgraphsRequests>({
    name: 'subgraphs',
    entry: SUBGRAPHS_ENTRY,
    execArgv: profileArgs(options, 'subgraphs'),
    env: CHILD_ENV,
    output: hooks.output,
  });
  held.subgraphs = {
    stop: async () => {
      await child.stop();
      await keepProfile(options, 'subgraphs');
    },
  };
  held.subgraphsCpu = () => child.ask('cpu');
  return child.ask('start', {
    ...where,
    measures: options.measures,
    referenceDate: DEMO_REFERENCE_DATE,
    logLevel: options.logLevel,
  }, 600_000);
}

/** Gateway (a)'s options, as its environment would hold them. */
export function projectGatewayEnv(
  setup: Pick<Setup, 'subgraphUrls' | 'jwksUrl' | 'manifestPath' | 'keys'>,
  logLevel: string,
): Record<string, string> {
  const urls = Object.entries(setup.subgraphUrls).map(([name, url]) =>
    [`${name.toUpperCase().replace('-', '_')}_URL`, url]);
  return {
    ...Object.fromEntries(urls),
    NODE_ENV: 'production',
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    AUTH_ISSUER: ISSUER.AUTH_ISSUER,
    AUTH_AUDIENCE: ISSUER.AUTH_AUDIENCE,
    AUTH_JWKS_URL: setup.jwksUrl,
    GATEWAY_TRUST_PRIVATE_KEY: JSON.stringify(setup.keys.trust.privateJwk),
    TRUSTED_DOCUMENTS: setup.manifestPath,
    RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT),
    RATE_LIMIT_BURST: String(BENCH_RATE_LIMIT),
    LOG_LEVEL: logLevel,
  };
}

/**
 * Private: starts one gateway's process; for (b) and (c) a fresh set of
 * pre-signed headers goes with it and again every HEADER_REFRESH_MS.
 */
async function startGatewayChild(
  entry: GatewayEntry,
  setup: Setup,
  run: { readonly options: GatewayBenchOptions; readonly profile?: string },
  hooks: RunHooks,
  held: Held,
): Promise<{
  readonly url: string;
  readonly child: Child<GatewayRequests>;
}> {
  const { options } = run;
  const profile = entry.letter === 'a' ? run.profile : undefined;
  const child = startChild<GatewayRequests>({ name: 'gateway',
    entry: GATEWAY_ENTRY, execArgv: profileArgs(options, profile),
    env: CHILD_ENV, output: hooks.output });
  let refresh: NodeJS.Timeout | undefined;
  held.gateway = {
    stop: async () => {
      clearInterval(refresh);
      await child.stop();
      await keepProfile(options, profile);
    },
  };
  const config = await gatewayConfig(entry, setup, options);
  const { url } = await child.ask('start', config);
  if (config.kind !== 'project') {
    refresh = setInterval(() => {
      void presignHeaders(setup.keys.trust.privateJwk, setup.operations,
        options.callers)
        .then((headers) => child.ask('headers', headers))
        .catch(() => undefined);
    }, HEADER_REFRESH_MS);
  }
  return { url, child };
}

async function gatewayConfig(
  entry: GatewayEntry,
  setup: Setup,
  options: GatewayBenchOptions,
): Promise<GatewayConfig> {
  if (entry.kind === 'project') {
    return { kind: 'project', env: projectGatewayEnv(setup, options.logLevel) };
  }
  return {
    kind: entry.kind,
    supergraphSdl: setup.plainSdl,
    headers: await presignHeaders(setup.keys.trust.privateJwk,
      setup.operations, options.callers),
  };
}

async function stopGateway(held: Held): Promise<void> {
  const gateway = held.gateway;
  held.gateway = undefined;
  await gateway?.stop();
}

/** Each gateway's `data` for each operation, in the setup's order. */
export type GatewayAnswers = ReadonlyMap<GatewayLetter, readonly unknown[]>;

/** Private: step 2; throws what differs. */
async function checkAnswers(
  options: GatewayBenchOptions,
  setup: Setup,
  hooks: RunHooks,
  held: Held,
): Promise<GatewayAnswers> {
  const answers = new Map<GatewayLetter, unknown[]>();
  for (const entry of GATEWAYS) {
    hooks.signal?.throwIfAborted();
    const { url } = await startGatewayChild(entry, setup,
      { options }, hooks, held);
    answers.set(entry.letter, await answersOf(url, entry, setup));
    await stopGateway(held);
  }
  compareAnswers(setup.operations, answers);
  return answers;
}

/** Private: one gateway's data for each operation; throws on errors. */
async function answersOf(
  url: string,
  entry: GatewayEntry,
  setup: Setup,
): Promise<unknown[]> {
  const data: unknown[] = [];
  for (const operation of setup.operations) {
    const answer = await askOnce(url, operation,
      setup.tokens[operation.name]![0]!);
    if (answer.status !== 200 || answer.errors !== undefined ||
      answer.data == null) {
      const errors = JSON.stringify(answer.errors ?? null);
      throw new Error(
        `Gateway (${entry.letter}) answered the ${operation.name} with status ${answer.status} and errors ${errors}`);
    }
    data.push(answer.data);
  }
  return data;
}

/**
 * Steps 1, 2 and 4 alone: the three gateways' answers to each operation,
 * checked equal, and everything cleaned up.
 */
export async function checkGatewayAnswers(
  options: GatewayBenchOptions,
  hooks: RunHooks = {},
): Promise<GatewayAnswers> {
  const held: Held = {};
  try {
    const setup = await prepare(options, hooks, held);
    return await checkAnswers(options, setup, hooks, held);
  } finally {
    await cleanUp(held, hooks);
  }
}

/** Throws when (b)'s or (c)'s data differs from (a)'s for an operation. */
export function compareAnswers(
  operations: readonly Pick<BenchOperation, 'name'>[],
  answers: ReadonlyMap<GatewayLetter, readonly unknown[]>,
): void {
  const reference = answers.get('a') ?? [];
  for (const letter of ['b', 'c'] as const) {
    const own = answers.get(letter) ?? [];
    operations.forEach(({ name }, index) => {
      if (!isDeepStrictEqual(own[index], reference[index])) {
        throw new Error(
          `Gateway (${letter}) gives other data than (a) for the ${name}`);
      }
    });
  }
}

/** Private: one load as run, for the details. */
interface RoundLoad {
  readonly round: number;
  readonly operation: BenchOperation['name'];
  readonly gateway: GatewayLetter;
  readonly figures: LoadFigures;
}

/** The gateways in the order of a round: reversed every other one. */
export function roundOrder(round: number): readonly GatewayEntry[] {
  return round % 2 === 0 ? GATEWAYS : [...GATEWAYS].reverse();
}

/** Private: step 3. */
async function loadAll(
  options: GatewayBenchOptions,
  setup: Setup,
  hooks: RunHooks,
  held: Held,
): Promise<RoundLoad[]> {
  const loads: RoundLoad[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const operation of setup.operations) {
      for (const entry of roundOrder(round)) {
        hooks.signal?.throwIfAborted();
        const profile = `gateway-a-${operation.name}-round${round + 1}`;
        const { url, child } = await startGatewayChild(entry, setup,
          { options, profile }, hooks, held);
        const window = entry.letter === 'a'
          ? profileWindow(options, child, profile) : undefined;
        const cpu = {
          gateway: () => child.ask('cpu'),
          subgraphs: held.subgraphsCpu ?? (async () => Number.NaN),
        };
        const figures = await loadOne(url, operation, entry, {
          options, setup, hooks, round, window, cpu });
        loads.push({ round, operation: operation.name,
          gateway: entry.letter, figures });
        await stopGateway(held);
      }
    }
  }
  hooks.signal?.throwIfAborted();
  return loads;
}

/**
 * Private: marks the counted load in a profiled process's time, so the
 * summary of its profile leaves out start-up and warm-up.
 */
interface ProfileWindow {
  /** The process's uptime, in ms. */
  mark(): Promise<number>;
  /** Writes `<name>.window.json`: the load from `fromMs` to now. */
  save(fromMs: number): Promise<void>;
}

function profileWindow(
  options: GatewayBenchOptions,
  child: Child<GatewayRequests>,
  name: string,
): ProfileWindow | undefined {
  const directory = options.profileDirectory;
  if (directory === undefined) return undefined;
  const mark = () => child.ask('uptime');
  return {
    mark,
    save: async (fromMs) => {
      const window = { fromMs, toMs: await mark() };
      await writeFile(windowPath(directory, name), JSON.stringify(window));
    },
  };
}

/** The CPU time so far of the gateway's and the subgraphs' processes. */
interface CpuClocks {
  readonly gateway: () => Promise<number>;
  readonly subgraphs: () => Promise<number>;
}

async function readCpu(
  clocks: CpuClocks,
): Promise<{ gateway: number; subgraphs: number }> {
  const [gateway, subgraphs] =
    await Promise.all([clocks.gateway(), clocks.subgraphs()]);
  return { gateway, subgraphs };
}

/** Private: the warm-up, then the counted load. */
async function loadOne(
  url: string,
  operation: BenchOperation,
  entry: GatewayEntry,
  run: {
    readonly options: GatewayBenchOptions;
    readonly setup: Setup;
    readonly hooks: RunHooks;
    readonly round: number;
    readonly window?: ProfileWindow;
    readonly cpu: CpuClocks;
  },
): Promise<LoadFigures> {
  const { options, hooks } = run;
  const load = (durationSeconds: number) => loadGateway({
    url,
    operation,
    tokens: run.setup.tokens[operation.name]!,
    connections: options.connections,
    durationSeconds,
    signal: hooks.signal,
  });
  const where = `${operation.name} on (${entry.letter}) ${entry.label}` +
    (options.rounds > 1 ? `, round ${run.round + 1}` : '');
  if (options.warmupSeconds > 0) {
    hooks.progress?.(`Warming up the ${where} for ${options.warmupSeconds} s`);
    await load(options.warmupSeconds);
    hooks.signal?.throwIfAborted();
  }
  hooks.progress?.(`Loading the ${where} for ${options.durationSeconds} s`);
  const fromMs = await run.window?.mark();
  const cpuBefore = await readCpu(run.cpu);
  const counted = await load(options.durationSeconds);
  const cpuAfter = await readCpu(run.cpu);
  if (fromMs !== undefined) await run.window?.save(fromMs);
  const perRequest = (before: number, after: number) =>
    counted.requests > 0 && Number.isFinite(after - before)
      ? (after - before) / counted.requests : undefined;
  const figures: LoadFigures = {
    ...counted,
    gatewayCpuMs: perRequest(cpuBefore.gateway, cpuAfter.gateway),
    subgraphsCpuMs: perRequest(cpuBefore.subgraphs, cpuAfter.subgraphs),
  };
  if (figures.firstError !== undefined) {
    hooks.progress?.(
      `${figures.errors} errors loading the ${where}, the first: ${figures.firstError}`);
  }
  return figures;
}

/** Private: the median round of each case, and what the run was. */
function detailsOf(
  options: GatewayBenchOptions,
  setup: Setup,
  loads: readonly RoundLoad[],
): GatewayBenchDetails {
  const operations = setup.operations.map(({ name }) => {
    const of = (letter: GatewayLetter) => medianRound(loads
      .filter((load) => load.operation === name && load.gateway === letter)
      .map((load) => load.figures));
    return { operation: name,
      gateways: { a: of('a'), b: of('b'), c: of('c') } };
  });
  return {
    settings: settingsOf(options),
    operations,
    loads,
    ...(options.profileDirectory !== undefined && {
      profiles: resolve(options.profileDirectory),
    }),
    notes: notesOf(options),
  };
}

function settingsOf(
  options: GatewayBenchOptions,
): Record<string, string | number> {
  return {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    database: options.database,
    rounds: options.rounds,
    measures: options.measures,
    logLevel: options.logLevel,
    rateLimitPerMinute: BENCH_RATE_LIMIT,
    rateLimitBurst: BENCH_RATE_LIMIT,
  };
}

/** What the table cannot say, said once under it. */
export function notesOf(options: GatewayBenchOptions): string[] {
  const rounds = options.rounds === 1
    ? 'One round, in the order a, b, c for each operation.'
    : `${options.rounds} rounds, a, b, c then c, b, a in turn; each ` +
      'figure is the median round by req/s (the lower middle one of ' +
      'an even count).';
  return [
    `autocannon: ${options.connections} connections, ` +
      `${options.durationSeconds} s counted after ${options.warmupSeconds} ` +
      's of warm-up, a fresh gateway process for each load. ' + rounds,
    '(a) runs with NODE_ENV=production, the bearer token verified ' +
      'against the issuer\'s JWKS (served on loopback), identity ' +
      'headers signed by the gateway for each subgraph it fetches ' +
      'from, the depth, alias, token and ' +
      'cost limits at their defaults, the safelist of the three ' +
      'operations, the audit trail written to the audit subgraph, CSRF ' +
      `prevention, and a rate limit of ${BENCH_RATE_LIMIT} a minute ` +
      `(burst ${BENCH_RATE_LIMIT}), set that high so the load is never ` +
      'refused.',
    '(b) and (c) forward identity headers the bench signs in advance ' +
      `for each caller and subgraph, renewed every ${HEADER_REFRESH_MS / 1000} s ` +
      '(a subgraph refuses one older than 60 s), and do nothing else; ' +
      'every process runs with NODE_ENV=production.',
    `Subgraphs on ${options.database}, seeded with the demo data and ` +
      `${options.measures} measures in zone 5347, their clock on ` +
      `${DEMO_REFERENCE_DATE}; logs at ${options.logLevel} (Hive at warn).`,
    'errors: answers not 2xx or holding GraphQL errors, and failed ' +
      'requests. An aim is met only when neither gateway had errors.',
  ];
}

/** Private: step 4; every part is tried, whatever failed before. */
async function cleanUp(held: Held, hooks: RunHooks): Promise<void> {
  const steps: [string, () => Promise<void>][] = [
    ['the gateway', () => stopGateway(held)],
    ['the subgraphs', async () => held.subgraphs?.stop()],
    ['the JWKS server', () => closeServer(held.jwks)],
    ['the database', async () => held.dropDatabase?.()],
    ['the directory', async () => {
      if (held.directory !== undefined) {
        await rm(held.directory, { recursive: true, force: true });
      }
    }],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      hooks.progress?.(`Could not clean up ${what}: ${reason}`);
    }
  }
}

function closeServer(server: Server | undefined): Promise<void> {
  if (server === undefined) return Promise.resolve();
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}
