/**
 * The gateway bench's gateway process: one of the three gateways, on a
 * free loopback port, in front of the subgraphs' process. For (b) and
 * (c) the bench sends the pre-signed identity headers at start and
 * again before they grow too old (`headers`).
 */
import { startApolloGateway } from './apollo-gateway';
import { startHiveGateway } from './hive-gateway';
import {
  startProjectGateway,
  type ServingGateway,
} from './project-gateway';
import { cpuMsOf, serveBench } from '../process/serve';
import type {
  GatewayConfig,
  GatewayRequests,
  PresignedHeaders,
} from './protocol';

let serving: ServingGateway | null = null;
let headers: PresignedHeaders = {};

function launch(config: GatewayConfig): Promise<ServingGateway> {
  switch (config.kind) {
    case 'project':
      return startProjectGateway(config);
    case 'apollo':
      headers = config.headers;
      return startApolloGateway(config.supergraphSdl, () => headers);
    case 'hive':
      headers = config.headers;
      return startHiveGateway(config.supergraphSdl, () => headers);
    default: {
      const impossible: never = config;
      throw new Error(`Unknown gateway ${JSON.stringify(impossible)}`);
    }
  }
}

async function start(config: GatewayConfig): Promise<{ url: string }> {
  if (serving !== null) throw new Error('The gateway is running');
  serving = await launch(config);
  return { url: serving.url };
}

async function stop(): Promise<void> {
  await serving?.stop();
  serving = null;
}

serveBench<GatewayRequests>({
  name: 'gateway',
  script: 'bench:gateway',
  handlers: {
    start,
    headers: (given) => {
      headers = given;
    },
    uptime: () => process.uptime() * 1000,
    cpu: () => cpuMsOf(process.cpuUsage()),
  },
  stop,
});
