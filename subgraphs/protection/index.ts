/**
 * The protection subgraph: the measures of COL 03/2023 through their whole
 * life, their persons and the territory they live in; and, in the
 * background, the effects on the other agency systems and the expiry of
 * measures past their end.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Logger } from '../../runtime/logger';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import {
  createProtectionContext,
  type ProtectionContext,
  type ProtectionDependencies,
} from './context';
import {
  createEffectDispatcher,
  type EffectDispatcher,
  type EffectTargets,
} from './effects';
import { protectionAccess } from './access';
import { PROTECTION_AUDITED_TYPES } from './audit';
import { resolvers } from './resolvers';

export function protectionSubgraph(
  dependencies: ProtectionDependencies,
): SubgraphDefinition<ProtectionContext> {
  return {
    name: 'protection',
    typeDefs: loadSubgraphTypeDefs('protection'),
    resolvers: resolvers as GraphQLResolverMap<ProtectionContext>,
    access: protectionAccess,
    createContext: (base) => createProtectionContext(dependencies, base),
    auditedTypes: PROTECTION_AUDITED_TYPES,
    readiness: () => dependencies.adapter.ping(),
  };
}

export interface BackgroundOptions {
  readonly targets: EffectTargets;
  readonly logger: Logger;
  /** Default 1000 ms between outbox rounds. */
  readonly effectsIntervalMs?: number;
  /** Default 10 minutes between expiry sweeps (§7.12.2). */
  readonly expiryIntervalMs?: number;
}

export interface BackgroundWork {
  readonly dispatcher: EffectDispatcher;
  /**
   * The writes the outbox calls, read afresh at every attempt: a test may
   * put a stand-in for one agency system here to play an outage, then
   * put the system back.
   */
  readonly targets: EffectTargets;
  /** Ends the measures past their end now; answers their ids. */
  expireNow(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Starts the outbox dispatcher and the expiry sweep. The sweep runs once
 * at start, then on its interval; a failed sweep is logged and retried at
 * the next one.
 */
export function startBackgroundWork(
  dependencies: ProtectionDependencies,
  options: BackgroundOptions,
): BackgroundWork {
  const logger = options.logger.child({ subgraph: 'protection' });
  const dispatcher = createEffectDispatcher({
    store: dependencies.adapter,
    targets: options.targets,
    clock: dependencies.clock,
    logger,
    intervalMs: options.effectsIntervalMs,
  });
  const expireNow = () => dependencies.service.expireDue();
  const sweep = () => {
    expireNow().then(
      (ended) => {
        if (ended.length > 0) logger.info({ ended }, 'measures expired');
      },
      (error: unknown) => logger.error({ err: error }, 'expiry sweep failed'),
    );
  };
  dispatcher.start();
  sweep();
  const timer = setInterval(sweep, options.expiryIntervalMs ?? 600_000);
  timer.unref();
  return {
    dispatcher,
    targets: options.targets,
    expireNow,
    stop: async () => {
      clearInterval(timer);
      await dispatcher.stop();
    },
  };
}
