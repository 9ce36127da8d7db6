/**
 * The gateway bench's subgraphs process: the six subgraphs, each on its
 * own HTTP server on a free port, over one store seeded with the bench
 * data (bench/fixture.ts), their clock on the demo's reference day so
 * that the demo measures are in their described state. Every gateway
 * the bench loads fetches from these same servers.
 *
 * The subgraphs verify the identity header with the trust public key
 * the bench made (keysDirectory); they run as in production, hiding
 * unexpected error details.
 */
import { readTrustPublicKey } from '../../runtime/keys';
import { createLogger, type Logger } from '../../runtime/logger';
import { createTrustVerifier } from '../../runtime/trust';
import type { HostedGraphQL } from '../../runtime/http';
import {
  brusselsDateOf,
  instantMillis,
  type Clock,
} from '../../subgraphs/protection/domain/clock';
import { openSubgraph, type OpenedSubgraph } from '../../subgraphs/registry';
import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';
import { benchData } from '../fixture';
import { cpuMsOf, serveBench } from '../process/serve';
import type {
  SubgraphsConfig,
  SubgraphsRequests,
  SubgraphUrls,
} from './protocol';

interface Started {
  readonly opened: OpenedSubgraph;
  readonly hosted: HostedGraphQL;
}

const started: Started[] = [];

/**
 * A clock that reads 09:00 UTC on `day` when the process starts and
 * runs on from there: the rules see the reference day all run long.
 */
function clockFrom(day: string): Clock {
  const offset = instantMillis(`${day}T09:00:00Z`) - Date.now();
  const now = () => new Date(Date.now() + offset).toISOString();
  return { now, today: () => brusselsDateOf(now()) };
}

async function start(config: SubgraphsConfig): Promise<SubgraphUrls> {
  if (started.length > 0) throw new Error('The subgraphs are running');
  const logger = createLogger({
    name: 'bench-subgraphs',
    level: config.logLevel,
  });
  const trustPublicJwk = await readTrustPublicKey(config.keysDirectory);
  const seedDemo = benchData(config.measures);
  const clock = clockFrom(config.referenceDate);
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const opened = await openSubgraph(name, config.storage,
      { seedDemo, logger, clock });
    const hosted = await startOne(opened, name, trustPublicJwk, logger);
    started.push({ opened, hosted });
    urls[name] = hosted.url;
  }
  return urls as SubgraphUrls;
}

/** Private: serves one opened subgraph; closes it when that fails. */
async function startOne(
  opened: OpenedSubgraph,
  name: string,
  trustPublicJwk: Awaited<ReturnType<typeof readTrustPublicKey>>,
  logger: Logger,
): Promise<HostedGraphQL> {
  try {
    return await opened.start({
      host: '127.0.0.1',
      port: 0,
      logger,
      trustVerifier: createTrustVerifier(trustPublicJwk, { subgraph: name }),
      production: true,
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function stop(): Promise<void> {
  for (const { opened, hosted } of started.splice(0)) {
    await hosted.close();
    await opened.close();
  }
}

serveBench<SubgraphsRequests>({
  name: 'subgraphs',
  script: 'bench:gateway',
  handlers: { start, cpu: () => cpuMsOf(process.cpuUsage()) },
  stop,
});
