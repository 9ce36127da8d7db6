/**
 * The effects outbox of the protection subgraph: see dispatcher.ts for
 * how effects are applied, apply.ts for what each kind calls.
 */
export { applyEffect, type Applied } from './apply';
export {
  DEFAULT_BACKOFF,
  DEFAULT_BATCH_SIZE,
  DEFAULT_INTERVAL_MS,
  createEffectDispatcher,
  errorSummary,
  maskNationalNumbers,
  retryDelayMs,
  type BackoffOptions,
  type EffectDispatcher,
  type EffectDispatcherOptions,
  type RoundResult,
} from './dispatcher';
export type { EffectTargets } from './targets';
