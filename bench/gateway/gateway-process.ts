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
import type { GatewayConfig, PresignedHeaders } from './protocol';
import { cpuMsOf, serveBench } from './serve';

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

async function start(payload: unknown): Promise<{ url: string }> {
  if (serving !== null) throw new Error('The gateway is running');
  serving = await launch(payload as GatewayConfig);
  return { url: serving.url };
}

async function replaceHeaders(payload: unknown): Promise<void> {
  headers = payload as PresignedHeaders;
}

async function stop(): Promise<void> {
  await serving?.stop();
  serving = null;
}

serveBench({
  name: 'gateway',
  handlers: {
    start,
    headers: replaceHeaders,
    // In ms, for the window of a CPU profile (profiles.ts).
    uptime: async () => process.uptime() * 1000,
    cpu: async () => cpuMsOf(process.cpuUsage()),
  },
  stop,
});
