/**
 * The device inventory read from the police SharePoint lists over
 * Microsoft Graph, through the whole graph: the devices subgraph and the
 * protection subgraph's outbox use the Graph adapter when configured so.
 * The lists are served by the local protocol server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devicesSourceOf, readSubgraphConfig } from '../subgraphs/config';
import { DEMO, generateDemoData } from '../storage/demo-data';
import {
  optionsFor,
  seedDemo,
  startInventoryServer,
  TEST_LISTS,
} from './support/devices-sharepoint';
import { postGraphQL, startDemoGraph } from './support/graph';
import type { SharePointServer } from './support/sharepoint-server';

describe('the inventory on SharePoint, through the gateway', () => {
  let server: SharePointServer;
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;

  beforeAll(async () => {
    server = await startInventoryServer();
    seedDemo(server, generateDemoData().devices);
    directory = await mkdtemp(join(tmpdir(), 'sat-sharepoint-'));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { devicesSource: { kind: 'sharepoint', options: optionsFor(server) } },
    );
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('answers a measure’s devices from the SharePoint lists', async () => {
    // Rupel, the zone that manages measure 001.
    const token = await stack.token({ role: 'police', zone: '5347' });
    const before = server.graphRequests().length;
    const { body } = await postGraphQL<{
      protectionMeasure: { devices: { serial: string; status: string }[] };
    }>(
      stack.gatewayUrl,
      'query ($id: ID!) { protectionMeasure(id: $id) { devices { serial status } } }',
      { token, variables: { id: DEMO.measureIds.activeWithEverything } },
    );

    expect(body.errors).toBeUndefined();
    const serials = body.data?.protectionMeasure.devices.map((d) => d.serial);
    expect(serials?.sort()).toEqual([
      DEMO.serials.buttonOfActiveWithEverything,
      DEMO.serials.phoneOfActiveWithEverything,
    ]);
    const asked = server.graphRequests().slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((request) => request.path.includes(server.siteId)))
      .toBe(true);
    expect(server.items(TEST_LISTS.devices).length).toBeGreaterThan(0);
  });
});

describe('DEVICES_ADAPTER', () => {
  const sharepoint = {
    DEVICES_ADAPTER: 'sharepoint',
    SHAREPOINT_SITE_ID: 'contoso.example,1,2',
    SHAREPOINT_TOKEN_URL: 'https://login.example/tenant/oauth2/v2.0/token',
    SHAREPOINT_CLIENT_ID: 'client',
    SHAREPOINT_CLIENT_SECRET: 'do-not-show',
  };

  it('is the SQL tables by default', () => {
    expect(devicesSourceOf(readSubgraphConfig({}))).toEqual({ kind: 'sql' });
  });

  it('reads the SharePoint options when set to sharepoint', () => {
    const source = devicesSourceOf(readSubgraphConfig(sharepoint));
    expect(source).toMatchObject({
      kind: 'sharepoint',
      options: {
        siteId: 'contoso.example,1,2',
        clientSecret: 'do-not-show',
        lists: { devices: 'Alarm devices' },
      },
    });
  });

  it('names every missing SharePoint option, and never the secret', () => {
    const missing = ['SHAREPOINT_SITE_ID', 'SHAREPOINT_TOKEN_URL'];
    const partial = Object.fromEntries(
      Object.entries(sharepoint).filter(([name]) => !missing.includes(name)),
    );
    expect(() => readSubgraphConfig(partial)).toThrow(
      'SHAREPOINT_SITE_ID is required when DEVICES_ADAPTER is sharepoint\n' +
        'SHAREPOINT_TOKEN_URL is required when DEVICES_ADAPTER is sharepoint',
    );
    expect(() =>
      readSubgraphConfig({ ...partial, SHAREPOINT_TOKEN_URL: 'nope' }),
    ).not.toThrow(/do-not-show/);
  });
});
