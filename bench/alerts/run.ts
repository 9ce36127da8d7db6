/**
 * Issue 5: how fast the live alert stream delivers, and whether it loses
 * anything, with many subscribers connected.
 *
 * One run: fork the stack process (the five subgraphs and the gateway,
 * stack-process.ts) on a fresh SQLite copy of the demo data set; connect
 * the subscribers (plan.ts) and wait until the gateway counts every one
 * live; raise the warm-up alerts and wait for their deliveries; raise
 * the timed alerts at the same pace and wait for theirs, or until the
 * time for them has run out. The stack's memory is sampled before the
 * subscribers, once they are live, and after the alerts.
 *
 * Every alert counts towards lost, duplicate and unexpected deliveries;
 * only the timed ones towards the latencies. Everything the run started
 * is stopped and removed at the end, whether it succeeded or not.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateDemoData } from '../../storage/demo-data';
import { systemClock } from '../../subgraphs/protection/domain/clock';
import { DeliveryLedger, type DeliveryTally } from './ledger';
import {
  DEFAULT_ALERT_BENCH_OPTIONS,
  type AlertBenchOptions,
} from './options';
import {
  audienceKey,
  planBench,
  receiversOf,
  type Audience,
  type GroupCount,
  type BenchPlan,
} from './plan';
import type { AuditState, MemorySample, TokenClaims } from './protocol';
import { raiseAlerts, type RaiseResult } from './raise';
import { startStackChild, type StackChild } from './stack-child';
import {
  LOOP_RESOLUTION_MS,
  loopDelayOf,
  summarize,
  type LatencySummary,
  type LoopDelay,
} from './stats';
import {
  connectSubscribers,
  eventOf,
  type SubscriberPool,
} from './subscribers';

export interface AlertBenchHooks {
  /** News of the run's steps, for a person watching; default none. */
  readonly progress?: (text: string) => void;
  /** The stack process's logs and errors; default dropped. */
  readonly stackOutput?: (chunk: Buffer) => void;
  /** Aborting it ends the run early; it rejects, after cleaning up. */
  readonly signal?: AbortSignal;
}

export interface AlertBenchResult {
  readonly options: AlertBenchOptions;
  /** The machine's cores and its load average over a minute, at start. */
  readonly machine: { readonly cpus: number; readonly load: number };
  readonly plan: {
    readonly measures: number;
    readonly audiences: number;
    readonly groups: readonly GroupCount[];
  };
  /** Sockets opened and every subscription live, in ms. */
  readonly connectMs: number;
  /** The timed alerts. */
  readonly raise: {
    readonly recorded: number;
    /** Refused alerts, warm-up included. */
    readonly refused: number;
    /** The first reason for a refusal; null when none was refused. */
    readonly firstRefusal: string | null;
    /**
     * The pace asked for and the one kept, in alerts a second; null when
     * there is none to tell (no pause asked, a single alert).
     */
    readonly askedPerSecond: number | null;
    readonly keptPerSecond: number | null;
    /** recordAlert sent → answered. */
    readonly roundTrip: LatencySummary | null;
  };
  /** Counts over every alert, warm-up included; latencies timed only. */
  readonly delivery: {
    readonly expected: number;
    readonly received: number;
    readonly lost: number;
    readonly duplicates: number;
    readonly unexpected: number;
    readonly errors: number;
    /** Subscribers whose socket or subscription ended before the end. */
    readonly dropped: number;
    /** The event's `at` (its change saved) → received by a subscriber. */
    readonly savedToReceived: LatencySummary | null;
    /** recordAlert sent → received by a subscriber. */
    readonly sentToReceived: LatencySummary | null;
    /** Timed deliveries a second, from the first timed raise on. */
    readonly perSecond: number;
  };
  readonly gateway: {
    /** Entry executions run for the timed alerts, shared ones once. */
    readonly executions: number;
    /** The stack process's event loop delay while they were raised. */
    readonly loopDelay: LoopDelay;
    /**
     * The stack process's CPU time per timed alert, its deliveries
     * included: unlike the latencies, other load on the machine barely
     * changes it.
     */
    readonly cpuMsPerAlert: number;
    /** Of one core, while the timed alerts were raised and delivered. */
    readonly cpuShare: number;
  };
  /**
   * The gateway's audit writer over the whole run, warm-up included:
   * one entry per delivery and per read or change (issue 6).
   */
  readonly audit: AuditState & {
    /**
     * The last timed alert raised → the writer's queue empty, in ms;
     * null when it was not empty within AUDIT_DRAIN_TIMEOUT_MS.
     */
    readonly drainMs: number | null;
  };
  /**
   * This process's event loop delay meanwhile: a receipt is timed when
   * the loop gets to it, so a busy bench adds to the latencies.
   */
  readonly benchLoopDelay: LoopDelay;
  /** The stack process: the five subgraphs and the gateway. */
  readonly stack: {
    readonly pid: number;
    readonly beforeSubscribers: MemorySample;
    readonly subscribersConnected: MemorySample;
    readonly afterAlerts: MemorySample;
  };
  /**
   * Nothing lost, duplicated, misdelivered, refused or dropped, and
   * every audit entry written: none dropped or refused, none waiting.
   */
  readonly passed: boolean;
}

/** Every subscriber live within this, or the run fails. */
const LIVE_TIMEOUT_MS = 120_000;
const POLL_MS = 20;
/** After the last expected delivery, a stray one may still come. */
const QUIET_MS = 500;
/** The audit writer's queue empty within this, or the run fails. */
const AUDIT_DRAIN_TIMEOUT_MS = 120_000;

/** What a run started and must end. */
interface Held {
  child: StackChild | null;
  pool: SubscriberPool | null;
}

/** Runs the bench once; rejects only when it could not be run. */
export async function runAlertBench(
  given: Partial<AlertBenchOptions> = {},
  hooks: AlertBenchHooks = {},
): Promise<AlertBenchResult> {
  const options = { ...DEFAULT_ALERT_BENCH_OPTIONS, ...given };
  const machine = { cpus: availableParallelism(), load: loadavg()[0] };
  const referenceDate = systemClock.today();
  const plan = planBench(
    generateDemoData({ referenceDate }).protection, options.subscribers);

  const directory = await mkdtemp(join(tmpdir(), 'sat-alert-bench-'));
  // The last resort, should this process die before `finally` runs; the
  // stack process stops itself when its channel closes.
  const removeOnExit = () =>
    rmSync(directory, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const held: Held = { child: null, pool: null };
  try {
    hooks.progress?.('Starting the five subgraphs and the gateway');
    held.child = await startStackChild({
      directory,
      referenceDate,
      logLevel: 'warn',
      output: hooks.stackOutput,
      cpuProfileDirectory: options.cpuProfileDirectory,
    });
    hooks.signal?.throwIfAborted();
    const measured = await measure(held.child, plan, options, hooks, held);
    return resultOf({ ...measured, machine });
  } finally {
    // Each step whatever became of the one before: nothing may outlive us.
    await held.pool?.dispose().catch(() => undefined);
    await held.child?.stop();
    await rm(directory, { recursive: true, force: true });
    process.removeListener('exit', removeOnExit);
  }
}

/** What a run measured, before it is turned into figures. */
interface Measured {
  readonly options: AlertBenchOptions;
  readonly plan: BenchPlan;
  readonly connectMs: number;
  readonly timed: RaiseResult;
  readonly refused: ReadonlyMap<string, string>;
  readonly tally: DeliveryTally;
  readonly dropped: number;
  readonly executions: number;
  readonly loopDelay: LoopDelay;
  readonly cpuMs: number;
  readonly timedMs: number;
  readonly benchLoopDelay: LoopDelay;
  readonly stack: AlertBenchResult['stack'];
  readonly audit: AlertBenchResult['audit'];
}

/** Private: the run, once the stack is up. */
async function measure(
  child: StackChild,
  plan: BenchPlan,
  options: AlertBenchOptions,
  hooks: AlertBenchHooks,
  held: Held,
): Promise<Measured> {
  const { tokens, app112 } = await tokensFor(child, plan.subscribers);
  const beforeSubscribers = await child.memory();

  const ledger = new DeliveryLedger();
  const connectStarted = Date.now();
  const pool = held.pool =
    await connectAll(child, tokens, ledger, options, hooks);
  const connectMs = Date.now() - connectStarted;
  const subscribersConnected = await child.memory();

  const raise = phaseRunner(child, plan, options, hooks, ledger, app112);
  const warmup = await raise('warm-up', options.warmupAlerts);
  const executionsBefore = (await child.stream()).executions;
  // Restarts the stack's loop and CPU counters for the timed phase.
  await child.load();
  const benchLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  benchLoop.enable();
  const timedStarted = Date.now();
  const timed = await raise('timed', options.alerts);
  const timedMs = Date.now() - timedStarted;
  benchLoop.disable();
  const load = await child.load();
  const afterAlerts = await child.memory();
  const executions = (await child.stream()).executions - executionsBefore;
  const audit = await auditDrained(child, timed.lastSentAt, hooks);

  return {
    options, plan, connectMs, timed, tally: ledger.tally(),
    refused: new Map([...warmup.refused, ...timed.refused]),
    dropped: pool.dropped, executions, loopDelay: load.loopDelay,
    cpuMs: load.cpuMs, timedMs,
    benchLoopDelay: loopDelayOf(benchLoop),
    audit,
    stack: {
      pid: child.pid,
      beforeSubscribers,
      subscribersConnected,
      afterAlerts,
    },
  };
}

/**
 * Private: every subscriber connected, its answers going to the ledger,
 * and live at the gateway.
 */
async function connectAll(
  child: StackChild,
  tokens: readonly string[],
  ledger: DeliveryLedger,
  options: AlertBenchOptions,
  hooks: AlertBenchHooks,
): Promise<SubscriberPool> {
  hooks.progress?.(`Connecting ${tokens.length} subscribers`);
  const pool = await connectSubscribers({
    url: child.gatewayUrl.replace(/^http/, 'ws'),
    tokens,
    concurrency: options.connectConcurrency,
    signal: hooks.signal,
    onAnswer: (subscriber, answer, receivedAt) => {
      const event = eventOf(answer);
      if (answer.errors?.length || event === null) {
        ledger.receiveError();
        return;
      }
      ledger.receive({ subscriber, ...event, receivedAt });
    },
  });
  try {
    await waitForLive(child, pool, tokens.length, hooks.signal);
  } catch (error) {
    await pool.dispose();
    throw error;
  }
  return pool;
}

type Phase = 'warm-up' | 'timed';

/**
 * Private: raises one phase's alerts at the run's pace, then waits for
 * their deliveries, or for the time they may take to run out.
 */
function phaseRunner(
  child: StackChild,
  plan: BenchPlan,
  options: AlertBenchOptions,
  hooks: AlertBenchHooks,
  ledger: DeliveryLedger,
  app112: string,
): (phase: Phase, count: number) => Promise<RaiseResult> {
  const runId = randomUUID().slice(0, 8);
  return async (phase, count) => {
    hooks.progress?.(
      `Raising ${count} ${phase} alerts, one every ${options.intervalMs} ms`);
    const raised = await raiseAlerts({
      url: child.gatewayUrl,
      token: app112,
      targets: plan.targets,
      count,
      intervalMs: options.intervalMs,
      runId: `${runId}-${phase}`,
      onSend: (alertId, target, sentAt) => ledger.expect(alertId,
        receiversOf(target, plan.subscribers), sentAt, phase === 'timed'),
      onRefused: (alertId) => ledger.withdraw(alertId),
      signal: hooks.signal,
    });
    await settle(ledger, Date.now() + options.settleTimeoutMs, hooks.signal);
    return raised;
  };
}

/**
 * Private: one token per subscriber (each audience's signed once) and
 * the 112 system's, which raises the alerts.
 */
async function tokensFor(
  child: StackChild,
  subscribers: readonly Audience[],
): Promise<{ tokens: string[]; app112: string }> {
  const distinct = new Map<string, Audience>();
  for (const audience of subscribers) {
    distinct.set(audienceKey(audience), audience);
  }
  const audiences = [...distinct.entries()];
  const claims: TokenClaims[] = [
    { role: 'app112', subject: 'alert-bench 112' },
    ...audiences.map(([key, audience]) => ({
      ...audience,
      subject: `alert-bench ${key}`,
    })),
  ];
  const [app112, ...signed] = await child.tokens(claims);
  const byKey = new Map(audiences.map(([key], index) => [key, signed[index]]));
  const tokens = subscribers.map((audience) => {
    const token = byKey.get(audienceKey(audience));
    if (token === undefined) throw new Error('An audience got no token');
    return token;
  });
  return { tokens, app112 };
}

/**
 * Private: until the gateway counts every subscription live; a
 * subscription it ends meanwhile (refused) fails the run at once.
 */
async function waitForLive(
  child: StackChild,
  pool: SubscriberPool,
  count: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  for (;;) {
    const { live } = await child.stream();
    if (live >= count) return;
    if (pool.dropped > 0) {
      throw new Error(
        `${pool.dropped} subscriptions ended before they were live`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Only ${live} of ${count} subscriptions were live after ${LIVE_TIMEOUT_MS} ms`,
      );
    }
    await pause(POLL_MS * 5, signal);
  }
}

/**
 * Private: the audit writer once its queue is empty, or at the deadline;
 * how long after `since` it last became empty.
 */
async function auditDrained(
  child: StackChild,
  since: number,
  hooks: AlertBenchHooks,
): Promise<AlertBenchResult['audit']> {
  hooks.progress?.('Waiting for the audit trail to take every entry');
  const deadline = Date.now() + AUDIT_DRAIN_TIMEOUT_MS;
  let state = await child.audit();
  while (state.pending > 0 && Date.now() < deadline) {
    await pause(POLL_MS, hooks.signal);
    state = await child.audit();
  }
  const { pending, drainedAt } = state;
  const drainMs = pending === 0 && drainedAt !== null
    ? Math.max(0, drainedAt - since)
    : null;
  return { ...state, drainMs };
}

/**
 * Private: until every expected delivery has come, and a short quiet
 * after it for strays, or until the deadline.
 */
async function settle(
  ledger: DeliveryLedger,
  deadline: number,
  signal?: AbortSignal,
): Promise<void> {
  while (ledger.outstanding > 0 && Date.now() < deadline) {
    await pause(POLL_MS, signal);
  }
  await pause(QUIET_MS, signal);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Private: the figures of a finished run. */
function resultOf(
  measured: Measured & { machine: AlertBenchResult['machine'] },
): AlertBenchResult {
  const { options, plan, timed, tally, refused } = measured;
  const raiseSpanMs = timed.lastSentAt - timed.firstSentAt;
  const deliverySpanMs =
    (tally.lastReceivedAt ?? timed.firstSentAt) - timed.firstSentAt;
  const [firstRefusal] = refused.values();
  const passed = tally.lost === 0 && tally.duplicates === 0 &&
    tally.unexpected === 0 && tally.errors === 0 &&
    refused.size === 0 && measured.dropped === 0 &&
    measured.audit.dropped === 0 && measured.audit.refused === 0 &&
    measured.audit.drainMs !== null;
  return {
    options,
    machine: measured.machine,
    plan: {
      measures: plan.targets.length,
      audiences: new Set(plan.subscribers.map(audienceKey)).size,
      groups: plan.groups,
    },
    connectMs: measured.connectMs,
    raise: {
      recorded: timed.recorded,
      refused: refused.size,
      firstRefusal: firstRefusal ?? null,
      askedPerSecond: options.intervalMs === 0
        ? null
        : 1000 / options.intervalMs,
      keptPerSecond: raiseSpanMs === 0
        ? null
        : ((options.alerts - 1) * 1000) / raiseSpanMs,
      roundTrip: summarize(timed.roundTrips),
    },
    delivery: {
      expected: tally.expected,
      received: tally.received,
      lost: tally.lost,
      duplicates: tally.duplicates,
      unexpected: tally.unexpected,
      errors: tally.errors,
      dropped: measured.dropped,
      savedToReceived: summarize(tally.savedToReceived),
      sentToReceived: summarize(tally.sentToReceived),
      perSecond: deliverySpanMs === 0
        ? 0
        : (tally.savedToReceived.length * 1000) / deliverySpanMs,
    },
    gateway: {
      executions: measured.executions,
      loopDelay: measured.loopDelay,
      cpuMsPerAlert: measured.cpuMs / options.alerts,
      cpuShare: measured.timedMs === 0 ? 0 : measured.cpuMs / measured.timedMs,
    },
    audit: measured.audit,
    benchLoopDelay: measured.benchLoopDelay,
    stack: measured.stack,
    passed,
  };
}
