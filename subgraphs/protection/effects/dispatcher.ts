/**
 * The effects outbox's dispatcher: applies the effects the store holds
 * as due, each through the write of its agency system, and records the
 * outcome. A failed effect stays PENDING, visible with its attempts and
 * last error, and is tried again after a growing pause, forever, until
 * it succeeds. The effects of one measure go in sequence order: the
 * store answers only the first pending one of each measure, so a failing
 * effect holds back the later ones of its measure, not other measures'.
 *
 * Delivery is at least once: an effect applied whose DONE mark is lost
 * is applied again, which the targets' upserts and ids make harmless.
 * Run one dispatcher per store.
 */
import { AgencyRuleError } from '../../../adapters/adapter';
import type { EffectState } from '../../../adapters/protection/aggregate';
import type { ProtectionStore } from '../../../adapters/protection/types';
import type { Logger } from '../../../runtime/logger';
import type { Clock } from '../domain/clock';
import { applyEffect } from './apply';
import type { EffectTargets } from './targets';

export interface BackoffOptions {
  /** The pause after a first failure; default 1000 ms. */
  initialMs?: number;
  /** The longest pause, reached by doubling; default 300000 ms (5 min). */
  maxMs?: number;
}

export interface EffectDispatcherOptions {
  store: Pick<ProtectionStore, 'dueEffects' | 'markEffectDone'
    | 'markEffectFailed'>;
  targets: EffectTargets;
  clock: Pick<Clock, 'now'>;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** The pause between rounds once started; default 1000 ms. */
  intervalMs?: number;
  /** At most this many effects per round; default 20. */
  batchSize?: number;
  /** Pauses after failures: 1 s, 2 s, 4 s ... 5 min by default. */
  backoff?: BackoffOptions;
}

export interface RoundResult {
  done: number;
  failed: number;
}

export interface EffectDispatcher {
  /** Runs rounds every `intervalMs` until stopped; twice is harmless. */
  start(): void;
  /** Stops the rounds; resolves once the round under way is over. */
  stop(): Promise<void>;
  /**
   * One round: applies what is due now, up to `batchSize` effects. When
   * an effect succeeds, the next one of its measure is due at once and
   * goes in the same round. A call while a round runs joins that round.
   */
  runOnce(): Promise<RoundResult>;
}

export const DEFAULT_INTERVAL_MS = 1000;
export const DEFAULT_BATCH_SIZE = 20;
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialMs: 1000,
  maxMs: 300_000,
};

/** The stored text of a failure: a bounded, personal-data-free line. */
const ERROR_TEXT_LENGTH = 500;

export function createEffectDispatcher(
  options: EffectDispatcherOptions,
): EffectDispatcher {
  const settings = checkOptions(options);
  return new Dispatcher(options, settings);
}

interface Settings {
  intervalMs: number;
  batchSize: number;
  backoff: Required<BackoffOptions>;
}

/** Misconfiguration fails at creation, naming the option and value. */
function checkOptions(options: EffectDispatcherOptions): Settings {
  const settings = {
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
  };
  const counts: [string, number][] = [
    ['intervalMs', settings.intervalMs],
    ['batchSize', settings.batchSize],
    ['backoff.initialMs', settings.backoff.initialMs],
    ['backoff.maxMs', settings.backoff.maxMs],
  ];
  for (const [name, value] of counts) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(
        `The effect dispatcher's ${name} must be a positive integer, not ${value}`,
      );
    }
  }
  if (settings.backoff.maxMs < settings.backoff.initialMs) {
    throw new TypeError(
      `The effect dispatcher's backoff.maxMs (${settings.backoff.maxMs}) is below backoff.initialMs (${settings.backoff.initialMs})`,
    );
  }
  return settings;
}

/** Private: the dispatcher's state; see EffectDispatcher. */
class Dispatcher implements EffectDispatcher {
  private round: Promise<RoundResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly options: EffectDispatcherOptions,
    private readonly settings: Settings,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round?.catch(() => undefined);
  }

  runOnce(): Promise<RoundResult> {
    this.round ??= this.drain().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /** The next round, unless stopped; a failed round is logged only. */
  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce()
        .catch((error: unknown) => {
          this.options.logger.error({ error: errorSummary(error) },
            'effects round failed');
        })
        .finally(() => {
          if (this.running) this.schedule(this.settings.intervalMs);
        });
    }, delayMs);
  }

  /** Applies due effects until none is left or the budget is spent. */
  private async drain(): Promise<RoundResult> {
    const { store, clock } = this.options;
    const now = clock.now();
    const result: RoundResult = { done: 0, failed: 0 };
    for (;;) {
      const budget = this.settings.batchSize - result.done - result.failed;
      if (budget <= 0) break;
      const due = await store.dueEffects(now, budget);
      if (due.length === 0) break;

      // One effect per measure: they may go side by side.
      const outcomes = await Promise.all(due.map((e) => this.attempt(e)));
      const done = outcomes.filter(Boolean).length;
      result.done += done;
      result.failed += outcomes.length - done;
      if (done === 0) break;
    }
    return result;
  }

  /** Applies one effect and records how it went; true when DONE. */
  private async attempt(effect: EffectState): Promise<boolean> {
    const { targets, logger } = this.options;
    const about = { effectId: effect.id, kind: effect.kind,
      measureId: effect.measureId };
    let outcome;
    try {
      outcome = await applyEffect(effect, targets);
    } catch (error) {
      await this.failed(effect, error);
      return false;
    }

    try {
      await this.options.store.markEffectDone(effect.id,
        this.options.clock.now());
    } catch (error) {
      // Applied, but not marked: it will be applied again (harmless).
      logger.error({ ...about, error: errorSummary(error) },
        'effect applied but not marked done');
      return false;
    }
    if (outcome.outcome === 'SHORTAGE') {
      logger.warn(about, 'effect applied: device shortage recorded (§7.8.7)');
    } else {
      logger.debug({ ...about, attempts: effect.attempts + 1 },
        'effect applied');
    }
    return true;
  }

  /**
   * Keeps the effect PENDING for a later attempt. A rule error refuses
   * the same input every time: it waits the longest pause at once, and
   * is logged as an error for someone to look at.
   */
  private async failed(effect: EffectState, error: unknown): Promise<void> {
    const { store, clock, logger } = this.options;
    const refused = error instanceof AgencyRuleError;
    const delayMs = refused
      ? this.settings.backoff.maxMs
      : retryDelayMs(effect.attempts, this.settings.backoff);
    const nextAttemptAt = new Date(Date.parse(clock.now()) + delayMs)
      .toISOString();
    const summary = errorSummary(error);
    const event = { effectId: effect.id, kind: effect.kind,
      measureId: effect.measureId, attempts: effect.attempts + 1,
      retryInMs: delayMs, error: summary };
    if (refused) logger.error(event, 'effect refused by its agency system');
    else logger.warn(event, 'effect failed');

    try {
      await store.markEffectFailed(effect.id, errorText(summary),
        nextAttemptAt);
    } catch (markError) {
      logger.error({ effectId: effect.id, error: errorSummary(markError) },
        'effect failure not recorded');
    }
  }
}

/**
 * The pause before the next attempt after `attempts` earlier ones:
 * initial, then doubled each time, up to the maximum.
 */
export function retryDelayMs(
  attempts: number,
  backoff: Required<BackoffOptions> = DEFAULT_BACKOFF,
): number {
  // 2^30 already exceeds any sensible maximum; stop doubling there.
  const doubled = backoff.initialMs * 2 ** Math.min(attempts, 30);
  return Math.min(doubled, backoff.maxMs);
}

interface ErrorSummary {
  name: string;
  message: string;
  code?: string;
}

/**
 * What may be logged and stored of an error: its name, code and message,
 * never a payload, with anything shaped like a national number masked
 * (a target's message could quote one).
 */
export function errorSummary(error: unknown): ErrorSummary {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return {
    name,
    message: maskNationalNumbers(message),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function errorText(summary: ErrorSummary): string {
  const code = summary.code ? ` [${summary.code}]` : '';
  const text = `${summary.name}${code}: ${summary.message}`;
  return text.slice(0, ERROR_TEXT_LENGTH);
}

/** 11 digits, bare or written 85.07.30-033.28. */
const NATIONAL_NUMBER_LIKE =
  /\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}/g;

export function maskNationalNumbers(text: string): string {
  return text.replace(NATIONAL_NUMBER_LIKE, '[national number]');
}
