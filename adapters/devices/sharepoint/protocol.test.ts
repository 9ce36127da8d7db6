import { randomUUID } from 'node:crypto';
import { generateDemoData } from '../../../storage/demo-data';
import {
  startSharePointServer,
  type RecordedRequest,
  type SharePointServer,
  type SharePointServerOptions,
} from '../../../test/support/sharepoint-server';
import type { DevicesAdapter } from '../types';
import { GraphDevicesAdapter } from './adapter';
import { SharePointError } from './errors';
import type { GraphDevicesOptions } from './options';
import {
  TEST_LISTS,
  optionsFor,
  seedDemo,
  startInventoryServer,
} from '../../../test/support/devices-sharepoint';

const demo = generateDemoData();
const { devices } = demo.devices;
const VICTIM = '99010100001';
const OTHER_VICTIM = '99010100002';

const servers: SharePointServer[] = [];
const adapters: DevicesAdapter[] = [];

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server with the demo inventory. */
async function serve(
  options: SharePointServerOptions = {},
): Promise<SharePointServer> {
  const server = await startInventoryServer(options);
  seedDemo(server, demo.devices);
  servers.push(server);
  return server;
}

function open(
  server: SharePointServer,
  overrides: Partial<GraphDevicesOptions> = {},
): GraphDevicesAdapter {
  const adapter = new GraphDevicesAdapter(optionsFor(server, overrides));
  adapters.push(adapter);
  return adapter;
}

/** The Graph requests the server got while `action` ran. */
async function during(
  server: SharePointServer,
  action: () => Promise<unknown>,
): Promise<RecordedRequest[]> {
  const before = server.requests.length;
  await action();
  return server.requests.slice(before)
    .filter((request) => request.path.startsWith('/v1.0/'));
}

/** A sleep that waits no time and remembers what it was asked. */
function recordedSleep() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

/** The error an action rejects with; fails the test when it resolves. */
async function failureOf(action: Promise<unknown>): Promise<SharePointError> {
  const error = await action.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SharePointError);
  return error as SharePointError;
}

function stockOf(code: string): number {
  return devices.filter((d) => d.arrondissementCode === code).length;
}

function isDevicePatch(url: string, init?: RequestInit): boolean {
  return init?.method === 'PATCH'
    && url.includes(`/lists/${TEST_LISTS.devices}/items/`);
}

/**
 * Holds the requests `matches` picks until `count` of them wait, then
 * lets them all go at once: the writes race for real.
 */
function barrier(
  count: number,
  matches: (url: string, init?: RequestInit) => boolean,
): typeof fetch {
  const waiting: Array<() => void> = [];
  return async (input, init) => {
    if (waiting.length < count && matches(String(input), init)) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === count) waiting.forEach((go) => go());
      });
    }
    return fetch(input, init);
  };
}

/** Runs `before` ahead of the first request `matches` picks. */
function beforeFirst(
  matches: (url: string, init?: RequestInit) => boolean,
  before: (url: string) => void,
): typeof fetch {
  let done = false;
  return async (input, init) => {
    if (!done && matches(String(input), init)) {
      done = true;
      before(String(input));
    }
    return fetch(input, init);
  };
}

function itemIdOf(url: string): string {
  return /\/items\/(\d+)\//.exec(url)![1]!;
}

function stockLine(serial: string, arrondissementCode: string) {
  return { Title: serial, Kind: 'BUTTON', Status: 'AVAILABLE',
    ArrondissementCode: arrondissementCode, ZoneCode: 'Z1' };
}

function assignment(measureId: string, arrondissementCode: string) {
  return { measureId, nationalNumber: VICTIM, arrondissementCode,
    zoneCode: 'Z1', assignedOn: '2026-12-01' };
}

describe('Paging', () => {
  it('follows @odata.nextLink to the last page', async () => {
    const server = await serve({ maxPageSize: 4 });
    const adapter = open(server);
    let stocks: unknown;
    const requests = await during(server, async () => {
      stocks = await adapter.stockByArrondissement(['BRU', 'ANT']);
    });

    const items = stockOf('BRU') + stockOf('ANT');
    expect(requests).toHaveLength(Math.ceil(items / 4));
    expect(requests.slice(1).every((r) => r.query.$skiptoken)).toBe(true);
    const total = (stocks as Array<Record<string, number>>).map((stock) =>
      stock.available! + stock.assigned! + stock.inRepair! + stock.lost!
      + stock.returned!);
    expect(total).toEqual([stockOf('BRU'), stockOf('ANT')]);
  });

  it('asks pages of pageSize items with $top', async () => {
    const server = await serve();
    const adapter = open(server, { pageSize: 3 });
    const requests = await during(server,
      () => adapter.stockByArrondissement(['BRU']));
    expect(requests.map((r) => r.query.$top))
      .toEqual(Array(Math.ceil(stockOf('BRU') / 3)).fill('3'));
  });

  it('asks the fields with expand, only the columns it reads', async () => {
    const server = await serve();
    const adapter = open(server);
    const requests = await during(server,
      () => adapter.devicesByMeasureId(['demo-measure-001']));
    expect(requests.map((r) => r.query.expand)).toEqual([
      'fields(select=Title,Kind,Status,ArrondissementCode,ZoneCode,'
        + 'MeasureId,AssignedTo,AssignedZoneCode,AssignedOn,ReturnedOn)',
      'fields(select=Title,ReportId,ReceivedAt,BatteryPercent,'
        + 'LastContactAt,AlarmPressed)',
    ]);
  });

  it('sends the Prefer header that filters on non-indexed columns need',
    async () => {
      const server = await serve();
      const adapter = open(server);
      const [request] = await during(server,
        () => adapter.grantRegistrationsByMeasureId(['demo-measure-001']));
      expect(request!.prefer)
        .toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
      expect(request!.query.$filter)
        .toBe("fields/Title eq 'demo-measure-001'");
    });
});

describe('Batching', () => {
  it('asks the devices and their reports in one $batch, for 1 serial as '
    + 'for 20', async () => {
    const server = await serve();
    const adapter = open(server);
    const serials = devices.map((d) => d.serial);
    for (const keys of [serials.slice(0, 1), serials.slice(0, 20)]) {
      const before = server.batchedRequests.length;
      const requests = await during(server,
        () => adapter.devicesBySerial(keys));
      expect(requests.map((r) => [r.method, r.path]))
        .toEqual([['POST', '/v1.0/$batch']]);
      const inside = server.batchedRequests.slice(before);
      expect(inside.map((r) => r.path)).toEqual([
        `/v1.0/sites/${server.siteId}/lists/devices/items`,
        `/v1.0/sites/${server.siteId}/lists/daily-reports/items`,
      ]);
      expect(inside.every((r) => r.prefer
        === 'HonorNonIndexedQueriesWarningMayFailRandomly')).toBe(true);
    }
  });

  it('asks the devices assigned under the zones and those they keep in one '
    + '$batch, then the reports', async () => {
    const server = await serve();
    const adapter = open(server);
    const before = server.batchedRequests.length;
    const requests = await during(server,
      () => adapter.assignedDevicesByZone(['5339']));
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(server.batchedRequests.slice(before).map((r) => r.query.$filter))
      .toEqual([
        "fields/Status eq 'ASSIGNED' and fields/AssignedZoneCode eq '5339'",
        "fields/Status eq 'ASSIGNED' and fields/ZoneCode eq '5339'",
      ]);
  });

  it('splits more keys than fit one URL into queries of 20, batched',
    async () => {
      const server = await serve();
      const adapter = open(server);
      const serials = devices.map((d) => d.serial).slice(0, 21);
      const before = server.batchedRequests.length;
      const requests = await during(server,
        () => adapter.devicesBySerial(serials));
      expect(requests).toHaveLength(1);
      expect(server.batchedRequests.length - before).toBe(4);
      expect(await adapter.devicesBySerial(serials))
        .toEqual(devices.slice(0, 21));
    });

  it('sends more than 20 queries as several batches at once', async () => {
    const server = await serve();
    const adapter = open(server);
    const keys = [...devices.map((d) => d.serial),
      ...Array.from({ length: 400 - devices.length }, (_, i) => `NONE-${i}`)];
    let answer: unknown;
    const requests = await during(server, async () => {
      answer = await adapter.devicesBySerial(keys);
    });
    // 400 keys: 20 queries per list, 40 in all, 20 per batch.
    expect(requests.map((r) => r.path))
      .toEqual(['/v1.0/$batch', '/v1.0/$batch']);
    expect(answer).toEqual([...devices,
      ...Array(400 - devices.length).fill(null)]);
  });

  it('keeps a query over 20 measure ids under 2,048 URL characters',
    async () => {
      const lists = { devices: randomUUID(), dailyReports: randomUUID(),
        grantRegistrations: randomUUID(), shortages: randomUUID() };
      const server = await startSharePointServer(
        { lists: Object.values(lists) });
      servers.push(server);
      const lengths: number[] = [];
      const adapter = open(server, { lists, fetch: (input, init) => {
        lengths.push(String(input).length);
        return fetch(input, init);
      } });
      await adapter.grantRegistrationsByMeasureId(
        Array.from({ length: 20 }, () => randomUUID()));
      // The server's own origin stands in for graph.microsoft.com/v1.0.
      const graphRoot = 'https://graph.microsoft.com/v1.0';
      const extra = graphRoot.length - server.baseUrl.length;
      expect(Math.max(...lengths) + extra).toBeLessThan(2048);
    });

  it('answers an over-long key as unknown without asking Graph', async () => {
    const server = await serve();
    const adapter = open(server);
    const requests = await during(server, async () => {
      expect(await adapter.devicesBySerial(['X'.repeat(33)])).toEqual([null]);
    });
    expect(requests).toEqual([]);
  });
});

describe('Authentication', () => {
  it('fetches one token and reuses it', async () => {
    const server = await serve();
    const adapter = open(server);
    await Promise.all([
      adapter.devicesBySerial(['DEMO-BTN-0001']),
      adapter.stockByArrondissement(['BRU']),
      adapter.grantRegistrationsByMeasureId(['demo-measure-001']),
    ]);
    await adapter.ping();
    expect(server.tokensIssued()).toBe(1);
    expect(server.requests.filter((r) => r.path.endsWith('/token')))
      .toHaveLength(1);
  });

  it('sends the client credentials grant for Graph\'s scope', async () => {
    const server = await serve();
    const seen: string[] = [];
    const adapter = open(server, { fetch: (input, init) => {
      if (String(input) === server.tokenUrl) seen.push(String(init?.body));
      return fetch(input, init);
    } });
    await adapter.ping();
    const form = new URLSearchParams(seen[0]);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: server.clientId,
      client_secret: server.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('fetches a new token shortly before the old one expires', async () => {
    const server = await serve({ tokenLifetimeS: 3600 });
    let clock = Date.parse('2026-12-01T08:00:00Z');
    const adapter = open(server, { now: () => clock });
    await adapter.ping();
    clock += 3600_000 - 121_000;
    await adapter.ping();
    expect(server.tokensIssued()).toBe(1);
    clock += 2_000;
    await adapter.ping();
    expect(server.tokensIssued()).toBe(2);
  });

  it('replaces a refused token once, after a 401', async () => {
    const server = await serve();
    const adapter = open(server);
    await adapter.ping();
    server.revokeTokens();
    const requests = await during(server, () => adapter.ping());
    expect(requests.map((r) => r.status)).toEqual([401, 200]);
    expect(server.tokensIssued()).toBe(2);
  });

  it('fails with 401 when the new token is refused too', async () => {
    const server = await serve();
    const adapter = open(server);
    server.inject({ kind: 'fail', status: 401,
      code: 'InvalidAuthenticationToken' }, 2);
    const error = await failureOf(adapter.ping());
    expect(error).toMatchObject({ status: 401,
      code: 'InvalidAuthenticationToken', operation: 'ping' });
    expect(server.tokensIssued()).toBe(2);
  });

  it('fails on wrong client credentials without showing the secret',
    async () => {
      const server = await serve();
      const secret = 'not-the-secret-4711';
      const adapter = open(server, { clientSecret: secret });
      const error = await failureOf(adapter.ping());
      expect(error.message).toBe(
        'The devices SharePoint site failed during ping: HTTP 401 (invalid_client)');
      expect(JSON.stringify({ ...error, message: error.message }))
        .not.toContain(secret);
    });
});

describe('Throttling and retries', () => {
  it('waits the Retry-After of a 429, then retries', async () => {
    const server = await serve();
    const adapter = open(server);
    await adapter.ping();
    server.inject({ kind: 'throttle', status: 429, retryAfter: '1' });
    const started = Date.now();
    const requests = await during(server, () => adapter.ping());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const server = await serve();
    const now = Date.parse('2026-12-01T08:00:00Z');
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep, now: () => now });
    server.inject({ kind: 'throttle', status: 429,
      retryAfter: new Date(now + 3000).toUTCString() });
    await adapter.ping();
    expect(waits).toEqual([3000]);
  });

  it('fails at once when Retry-After asks more than maxRetryAfterMs',
    async () => {
      const server = await serve();
      const adapter = open(server);
      await adapter.ping();
      server.inject({ kind: 'throttle', status: 429, retryAfter: '120' });
      let error: SharePointError | undefined;
      const requests = await during(server, async () => {
        error = await failureOf(adapter.devicesBySerial(['DEMO-BTN-0001']));
      });
      expect(error!.message).toContain('failed during devicesBySerial: '
        + 'HTTP 429 (TooManyRequests) asked to wait 120000 ms, more than '
        + 'maxRetryAfterMs (30000 ms)');
      expect(error).toMatchObject({ status: 429, code: 'TooManyRequests' });
      expect(requests.filter((r) => r.status === 429)).toHaveLength(1);
    });

  it('retries a 503 after its Retry-After, as a 429', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep });
    server.inject({ kind: 'throttle', status: 503, retryAfter: '1' });
    await expect(adapter.ping()).resolves.toBeUndefined();
    expect(waits).toEqual([1000]);
  });

  it('fails at once on a 503 asking more than maxRetryAfterMs',
    async () => {
      const server = await serve();
      const adapter = open(server, { maxRetryAfterMs: 5000 });
      server.inject({ kind: 'throttle', status: 503, retryAfter: '6' });
      const error = await failureOf(adapter.ping());
      expect(error.message).toContain('HTTP 503 (serviceNotAvailable) asked '
        + 'to wait 6000 ms, more than maxRetryAfterMs (5000 ms)');
    });

  it('gives up after maxRetries throttled answers', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep, maxRetries: 2 });
    server.inject({ kind: 'throttle', status: 429, retryAfter: '1' }, 3);
    const error = await failureOf(adapter.ping());
    expect(error.message).toContain(
      'HTTP 429 (TooManyRequests), still throttled after 2 retries');
    expect(waits).toEqual([1000, 1000]);
  });

  it('backs off when a throttled answer gives no Retry-After', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep });
    server.inject({ kind: 'throttle', status: 429 }, 2);
    await adapter.ping();
    expect(waits).toEqual([250, 500]);
  });

  it('retries a 500 with a growing backoff', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep });
    server.inject({ kind: 'fail', status: 500, code: 'generalException' }, 3);
    await expect(adapter.ping()).resolves.toBeUndefined();
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('fails after maxRetries answers of 502', async () => {
    const server = await serve();
    const { sleep } = recordedSleep();
    const adapter = open(server, { sleep, maxRetries: 1 });
    server.inject({ kind: 'fail', status: 502, code: 'badGateway' }, 2);
    const error = await failureOf(adapter.ping());
    expect(error.message).toContain(
      'HTTP 502 (badGateway), still after 1 retry (maxRetries)');
    expect(error.failure.kind).toBe('unavailable');
  });

  it('never retries a 4xx', async () => {
    const server = await serve();
    const adapter = open(server);
    await adapter.ping();
    server.inject({ kind: 'fail', status: 400, code: 'invalidRequest' });
    let error: SharePointError | undefined;
    const requests = await during(server, async () => {
      error = await failureOf(adapter.ping());
    });
    expect(error).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect(requests).toHaveLength(1);
  });

  it('retries a network failure', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    let failed = false;
    const adapter = open(server, { sleep, fetch: (input, init) => {
      if (!failed && String(input).startsWith(server.baseUrl)) {
        failed = true;
        return Promise.reject(new TypeError('fetch failed'));
      }
      return fetch(input, init);
    } });
    await expect(adapter.ping()).resolves.toBeUndefined();
    expect(waits).toEqual([250]);
  });

  it('sends a throttled request of a batch again, alone, after its '
    + 'Retry-After', async () => {
    const server = await serve();
    const { waits, sleep } = recordedSleep();
    const adapter = open(server, { sleep });
    server.injectInBatch({ kind: 'throttle', status: 429, retryAfter: '2' });
    const requests = await during(server,
      () => adapter.devicesBySerial(['DEMO-BTN-0001']));
    expect(waits).toEqual([2000]);
    expect(requests).toHaveLength(2);
    expect(server.batchedRequests.map((r) => r.status))
      .toEqual([429, 200, 200]);
  });

  it('fails with the status and code of a request inside a batch',
    async () => {
      const server = await serve();
      const adapter = open(server);
      server.injectInBatch({ kind: 'fail', status: 403,
        code: 'accessDenied', message: `No access for ${VICTIM}` });
      const error = await failureOf(adapter.devicesBySerial(['DEMO-BTN-0001']));
      expect(error.message).toBe('The devices SharePoint site failed during '
        + 'devicesBySerial: HTTP 403 (accessDenied)');
    });

  it('tells its logger of each retry, with no URL and no body', async () => {
    const server = await serve();
    const events: Array<Record<string, unknown>> = [];
    const adapter = open(server, { sleep: recordedSleep().sleep,
      logger: { warn: (event) => void events.push(event) } });
    server.inject({ kind: 'throttle', status: 429, retryAfter: '2' });
    await adapter.devicesBySerial(['DEMO-BTN-0001']);
    expect(events).toEqual([{ system: 'devices',
      operation: 'devicesBySerial', status: 429, retry: 1, waitMs: 2000 }]);
  });
});

describe('Timeouts and closing', () => {
  it('fails with a timeout when Graph does not answer, without retrying',
    async () => {
      const server = await serve();
      const adapter = open(server, { timeoutMs: 200 });
      await adapter.ping();
      server.inject({ kind: 'hang' });
      let error: SharePointError | undefined;
      const requests = await during(server, async () => {
        error = await failureOf(adapter.ping());
      });
      expect(error!.message).toBe('The devices SharePoint site failed '
        + 'during ping: no answer within 200 ms (timeoutMs)');
      expect(requests).toHaveLength(1);
    });

  it('close() aborts a request in flight', async () => {
    const server = await serve();
    const adapter = open(server);
    await adapter.ping();
    server.inject({ kind: 'hang' });
    const reading = failureOf(adapter.devicesBySerial(['DEMO-BTN-0001']));
    await until(() => server.graphRequests().some((r) => r.status === null));
    await adapter.close();
    expect((await reading).failure).toEqual({ kind: 'closed' });
  });

  it('close() cuts a wait for Retry-After short', async () => {
    const server = await serve();
    const adapter = open(server);
    server.inject({ kind: 'throttle', status: 429, retryAfter: '20' });
    const started = Date.now();
    const pinging = failureOf(adapter.ping());
    await until(() => server.graphRequests().some((r) => r.status === 429));
    await adapter.close();
    expect((await pinging).failure).toEqual({ kind: 'closed' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('Conditional writes', () => {
  it('gives the last device to one of two racing measures, a shortage to '
    + 'the other', async () => {
    const server = await serve();
    server.insert(TEST_LISTS.devices, stockLine('RACE-1', 'TX'));
    const adapter = open(server, { fetch: barrier(2, isDevicePatch) });

    const results = await Promise.all([
      adapter.assignDevice(assignment('race-1', 'TX')),
      adapter.assignDevice({ ...assignment('race-2', 'TX'),
        nationalNumber: OTHER_VICTIM }),
    ]);
    expect(results.filter((r) => 'device' in r)).toHaveLength(1);
    expect(results.filter((r) => 'shortage' in r)).toHaveLength(1);
    const patches = server.graphRequests().filter((r) =>
      r.method === 'PATCH' && r.path.includes('/devices/'));
    expect(patches.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(new Set(patches.map((r) => r.ifMatch)).size).toBe(1);
  });

  it('writes again when the device changed but stayed available',
    async () => {
      const server = await serve();
      const { id } = server.insert(TEST_LISTS.devices,
        stockLine('EDIT-1', 'TY'));
      const adapter = open(server, { fetch: beforeFirst(isDevicePatch,
        () => server.edit(TEST_LISTS.devices, id, { ZoneCode: 'Z9' })) });

      const result = await adapter.assignDevice(assignment('edit-1', 'TY'));
      expect(result).toMatchObject({ device: { serial: 'EDIT-1',
        zoneCode: 'Z9', status: 'ASSIGNED' } });
      const patches = server.graphRequests().filter((r) =>
        r.method === 'PATCH');
      expect(patches.map((r) => r.status)).toEqual([412, 200]);
    });

  it('takes the next candidate when the first was taken meanwhile',
    async () => {
      const server = await serve();
      server.insert(TEST_LISTS.devices, stockLine('GONE-1', 'TZ'));
      server.insert(TEST_LISTS.devices, stockLine('GONE-2', 'TZ'));
      const adapter = open(server, { fetch: beforeFirst(isDevicePatch,
        (url) => server.edit(TEST_LISTS.devices, itemIdOf(url),
          { Status: 'LOST' })) });

      const result = await adapter.assignDevice(assignment('gone-1', 'TZ'));
      expect(result).toMatchObject({ device: { serial: 'GONE-2' } });
    });

  it('answers the device when its own write went through but the answer '
    + 'was lost', async () => {
    const server = await serve();
    server.insert(TEST_LISTS.devices, stockLine('LOST-1', 'TW'));
    let cut = false;
    const adapter = open(server, { sleep: recordedSleep().sleep,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!cut && isDevicePatch(String(input), init)) {
          cut = true;
          throw new TypeError('fetch failed');
        }
        return response;
      } });

    const result = await adapter.assignDevice(assignment('lost-1', 'TW'));
    expect(result).toMatchObject({ device: { serial: 'LOST-1',
      measureId: 'lost-1' } });
    const [shortages] = await adapter.shortagesByArrondissement(['TW']);
    expect(shortages).toEqual([]);
  });

  it('keeps one registration when two calls create it at once', async () => {
    const server = await serve();
    const adapter = open(server, { fetch: barrier(2, (url, init) =>
      init?.method === 'POST' && url.includes('/grant-registrations/')) });
    const registration = {
      measureId: 'twin-1', arrondissementCode: 'BRU', zoneCode: '5339',
      decidedOn: '2026-12-01', startDate: '2026-12-01',
      endDate: '2027-09-01', relationship: 'EX_PARTNER',
      protectedPersonCount: 1, status: 'ACTIVE' as const, endedOn: null,
      endReason: null, prolongationCount: 0,
    };
    await Promise.all([
      adapter.upsertGrantRegistration(registration),
      adapter.upsertGrantRegistration({ ...registration,
        prolongationCount: 1 }),
    ]);
    const stored = server.items(TEST_LISTS.grantRegistrations);
    expect(stored).toHaveLength(1);
    expect(server.graphRequests().filter((r) => r.method === 'DELETE'))
      .toHaveLength(1);
  });

  it('keeps one daily report when two retries send it at once',
    async () => {
      const server = await serve();
      const adapter = open(server, { fetch: barrier(2, (url, init) =>
        init?.method === 'POST' && url.includes('/daily-reports/')) });
      const report = { reportId: 'twin-3', serial: 'DEMO-BTN-0001',
        receivedAt: '2026-12-02T07:15:00+01:00', batteryPercent: 64,
        lastContactAt: '2026-12-02T07:00:00+01:00', alarmPressed: false };
      const [first, second] = await Promise.all([
        adapter.recordDailyReport(report),
        adapter.recordDailyReport(report)]);
      expect(first).toEqual(second);
      expect(server.items(TEST_LISTS.dailyReports)
        .filter((item) => item.fields.ReportId === 'twin-3')).toHaveLength(1);
    });

  it('keeps one open shortage when two calls report it at once',
    async () => {
      const server = await serve();
      const adapter = open(server, { fetch: barrier(2, (url, init) =>
        init?.method === 'POST' && url.includes('/shortages/')) });
      const asked = assignment('twin-2', 'TV');
      expect(await Promise.all([adapter.assignDevice(asked),
        adapter.assignDevice(asked)]))
        .toEqual([{ shortage: true }, { shortage: true }]);
      expect(server.items(TEST_LISTS.shortages)).toHaveLength(1);
    });
});

describe('Privacy', () => {
  it('never puts a national number in a URL', async () => {
    const server = await serve();
    server.insert(TEST_LISTS.devices, stockLine('PRIV-1', 'TP'));
    const adapter = open(server);
    await adapter.assignDevice(assignment('priv-1', 'TP'));
    await adapter.assignDevice(assignment('priv-1', 'TP'));
    await adapter.returnDevices({ measureId: 'priv-1',
      returnedOn: '2027-01-01' });
    const urls = server.requests.map((r) =>
      `${r.path}?${new URLSearchParams(r.query).toString()}`);
    expect(urls.filter((url) => url.includes(VICTIM))).toEqual([]);
  });

  it('keeps Graph\'s message and the token out of its errors', async () => {
    const server = await serve();
    const adapter = open(server);
    server.inject({ kind: 'fail', status: 400, code: 'invalidRequest',
      message: `Field AssignedTo value ${VICTIM} is invalid` });
    const error = await failureOf(adapter.ping());
    expect(error.message).toBe('The devices SharePoint site failed during '
      + 'ping: HTTP 400 (invalidRequest)');
    expect(error.message).not.toContain('Bearer');
  });

  it('names the column, not the value, of an item it cannot read',
    async () => {
      const server = await serve();
      const { id } = server.insert(TEST_LISTS.devices, {
        ...stockLine('ODD-1', 'TQ'), AssignedTo: Number(VICTIM) });
      const adapter = open(server);
      const error = await failureOf(adapter.devicesBySerial(['ODD-1']));
      expect(error.message).toBe('The devices SharePoint site failed during '
        + `devicesBySerial: unexpected answer: item ${id} of list devices `
        + 'has no valid AssignedTo');
    });

  it('refuses an @odata.nextLink outside baseUrl', async () => {
    const server = await serve();
    const asked: string[] = [];
    const adapter = open(server, { fetch: async (input, init) => {
      asked.push(String(input));
      const response = await fetch(input, init);
      if (!String(input).includes('/items?')) return response;
      const page = await response.json() as Record<string, unknown>;
      page['@odata.nextLink'] = 'https://elsewhere.example/v1.0/items';
      return Response.json(page);
    } });
    const error = await failureOf(adapter.stockByArrondissement(['BRU']));
    expect(error.message).toContain(
      'unexpected answer: an @odata.nextLink outside baseUrl (list devices)');
    expect(asked.filter((url) => url.includes('elsewhere'))).toEqual([]);
  });
});

describe('ping', () => {
  it('reads the site', async () => {
    const server = await serve();
    const adapter = open(server);
    const requests = await during(server, () => adapter.ping());
    expect(requests.map((r) => [r.method, r.path])).toEqual(
      [['GET', `/v1.0/sites/${server.siteId}`]]);
  });

  it('fails with the status and code Graph gave', async () => {
    const server = await serve();
    const adapter = open(server);
    server.inject({ kind: 'fail', status: 404, code: 'itemNotFound' });
    const error = await failureOf(adapter.ping());
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound',
      failure: { kind: 'http', status: 404, code: 'itemNotFound' } });
  });
});

/** Waits, a few ms at a time, until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('The condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
