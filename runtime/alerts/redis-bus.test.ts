import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisAlertBus, type RedisAlertBusOptions } from './redis-bus';
import {
  noticeOf,
  noticesFrom,
  recordingListener,
  type RecordingListener,
} from '../../test/support/alerts';
import { startRedis, type TestRedis } from '../../test/support/redis';
import { recordLogs, type LogRecorder } from '../../test/support/servers';
import { waitFor } from '../../test/support/wait';

let redis: TestRedis;
/** A plain connection for what the tests do to the server directly. */
let admin: Redis;
let buses: RedisAlertBus[] = [];
let stream: string;
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  redis = await startRedis();
  admin = new Redis(redis.url, { lazyConnect: true });
  admin.on('error', () => undefined);
});

beforeEach(() => {
  stream = `test:alert-notices:${randomUUID()}`;
});

afterEach(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  buses = [];
  if (!redis.running) await redis.restart();
  expect(unhandled).toEqual([]);
});

afterAll(async () => {
  admin?.disconnect();
  await redis?.close();
  process.off('unhandledRejection', recordUnhandled);
});

interface OpenBus {
  readonly bus: RedisAlertBus;
  readonly logs: LogRecorder;
}

function openBus(options: Partial<RedisAlertBusOptions> = {}): OpenBus {
  const logs = recordLogs('alert-bus');
  const bus = new RedisAlertBus({
    url: redis.url,
    logger: logs.logger,
    stream,
    ...options,
  });
  buses.push(bus);
  return { bus, logs };
}

/** A bus with a listener, once it reads from the stream's end. */
async function listeningBus(
  options: Partial<RedisAlertBusOptions> = {},
): Promise<OpenBus & { listener: RecordingListener }> {
  const opened = openBus(options);
  const listener = recordingListener();
  opened.bus.listen(listener);
  await waitFor('the bus to read', () => opened.bus.healthy);
  return { ...opened, listener };
}

function linesWith(logs: LogRecorder, msg: string) {
  return logs.lines().filter((line) => line.msg === msg);
}

/** The server's client connections, by id and name. */
async function clients(): Promise<{ id: string; name: string }[]> {
  const list = String(await admin.call('CLIENT', 'LIST'));
  return list
    .split('\n')
    .map((line) => ({
      id: /\bid=(\d+)/.exec(line)?.[1] ?? '',
      name: / name=(\S*)/.exec(line)?.[1] ?? '',
    }))
    .filter((client) => client.id !== '');
}

async function clientNames(): Promise<string[]> {
  return (await clients()).map((client) => client.name);
}

/** Drops the server's connection named `name`, as a network fault would. */
async function dropConnection(name: string): Promise<void> {
  const client = (await clients()).find((c) => c.name === name);
  if (!client) throw new Error(`No connection named ${name}`);
  await admin.call('CLIENT', 'KILL', 'ID', client.id);
}

describe('RedisAlertBus: publishing and reading', () => {
  it('delivers a publish to the listeners of every bus, in order', async () => {
    const publishing = await listeningBus();
    const other = await listeningBus();

    await publishing.bus.publish(noticesFrom(1, 3));
    await publishing.bus.publish([noticeOf(4)]);

    for (const { listener } of [publishing, other]) {
      await waitFor('four notices', () => listener.notices.length === 4);
      expect(listener.events).toEqual([
        'notice 1',
        'notice 2',
        'notice 3',
        'notice 4',
      ]);
    }
    expect(other.listener.notices[0]).toEqual(noticeOf(1));
  });

  it('delivers a burst of notices whole and in order', async () => {
    const publishing = openBus();
    const { listener } = await listeningBus();
    await waitFor('the publisher', () => publishing.bus.healthy);

    await publishing.bus.publish(noticesFrom(1, 700));
    await publishing.bus.publish(noticesFrom(701, 1000));

    await waitFor('1000 notices', () => listener.notices.length >= 1000);
    expect(listener.sequences()).toEqual(
      noticesFrom(1, 1000).map((notice) => notice.sequence),
    );
    expect(listener.events).not.toContain('gap');
  });

  it('reads with one connection however many listen', async () => {
    const clientName = `bus-${randomUUID()}`;
    const { bus, listener } = await listeningBus({ clientName });
    const second = recordingListener();
    bus.listen(second);

    await bus.publish([noticeOf(1)]);

    await waitFor('both listeners', () => second.notices.length === 1);
    expect(listener.sequences()).toEqual([1]);
    const readers = (await clientNames()).filter(
      (name) => name === `${clientName}:read`,
    );
    expect(readers).toHaveLength(1);
  });

  it('stops delivering to a listener that stopped listening', async () => {
    const { bus, listener } = await listeningBus();
    const leaving = recordingListener();
    const stop = bus.listen(leaving);

    await bus.publish([noticeOf(1)]);
    await waitFor('notice 1', () => leaving.notices.length === 1);
    stop();
    await bus.publish([noticeOf(2)]);

    await waitFor('notice 2', () => listener.notices.length === 2);
    expect(leaving.sequences()).toEqual([1]);
  });

  it('starts at the end of the stream, without a gap', async () => {
    await admin.xadd(stream, '*', 'notice', JSON.stringify(noticeOf(1)));
    const { bus, listener } = await listeningBus();

    await bus.publish([noticeOf(2)]);

    await waitFor('notice 2', () => listener.notices.length > 0);
    expect(listener.events).toEqual(['notice 2']);
  });

  it('keeps the stream to about its maximum length', async () => {
    const { bus } = await listeningBus({ maxLength: 10 });

    await bus.publish(noticesFrom(1, 500));

    // Redis trims whole nodes of about 100 entries with MAXLEN ~.
    expect(await admin.xlen(stream)).toBeLessThan(200);
  });

  it('goes on when a listener throws', async () => {
    const { bus, listener, logs } = await listeningBus();
    bus.listen({
      notice: () => {
        throw new Error('listener broke');
      },
      gap: () => undefined,
    });

    await bus.publish(noticesFrom(1, 2));

    await waitFor('two notices', () => listener.notices.length === 2);
    const failures = linesWith(logs, 'alert bus listener failed');
    expect(failures.map((line) => line.reason)).toEqual([
      'listener broke',
      'listener broke',
    ]);
  });
});

describe('RedisAlertBus: entries that hold no notice', () => {
  it('skips them, logs only their id, and signals a gap', async () => {
    const { bus, listener, logs } = await listeningBus();
    const person = { ...noticeOf(1), sequence: 'DEMO-Peeters' };
    const badNotice = await admin.xadd(
      stream,
      '*',
      'notice',
      JSON.stringify(person),
    );
    const notJson = await admin.xadd(stream, '*', 'notice', '{DEMO-Peeters');
    const otherField = await admin.xadd(stream, '*', 'name', 'DEMO-Peeters');

    await bus.publish([noticeOf(2)]);

    await waitFor('notice 2', () => listener.notices.length === 1);
    expect(listener.events).toEqual(['gap', 'gap', 'gap', 'notice 2']);
    const skipped = linesWith(logs, 'stream entry skipped: no notice');
    expect(skipped.map((line) => line.entry)).toEqual([
      badNotice,
      notJson,
      otherField,
    ]);
    expect(logs.text().join('')).not.toContain('DEMO-Peeters');
  });
});

describe('RedisAlertBus: when Redis goes down', () => {
  it('publishes without failing and logs the outage once', async () => {
    const { bus, logs } = await listeningBus({ publishTimeoutMs: 60_000 });

    await redis.stop();
    await waitFor('the outage to show', () => !bus.healthy);

    // A publish that waited for its 60 s limit would fail the test.
    await expect(bus.publish(noticesFrom(1, 3))).resolves.toBeUndefined();
    await expect(bus.publish([noticeOf(4)])).resolves.toBeUndefined();

    const warnings = linesWith(
      logs,
      'alert notices not sent; gateways will read the alert log',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', unsent: 3 });
    const stopped = () => linesWith(logs, 'alert notices: reading stopped');
    await waitFor('the reader to log the outage', () => stopped().length > 0);
    expect(stopped()).toHaveLength(1);
  });

  it('signals a gap once Redis is back, then delivers again', async () => {
    const publishing = openBus();
    const { bus, listener } = await listeningBus();
    await waitFor('the publisher', () => publishing.bus.healthy);
    await publishing.bus.publish([noticeOf(1)]);
    await waitFor('notice 1', () => listener.notices.length === 1);

    await redis.stop();
    await waitFor('the reader to see the outage', () => !bus.healthy);
    await redis.restart();
    await waitFor('the buses to recover', () => {
      return bus.healthy && publishing.bus.healthy;
    });
    await publishing.bus.publish([noticeOf(2)]);

    await waitFor('notice 2', () => listener.notices.length === 2);
    expect(listener.events).toEqual(['notice 1', 'gap', 'notice 2']);
  });

  it("reads a restarted server's stream whose ids run behind", async () => {
    const publishing = openBus();
    const { bus, listener } = await listeningBus();
    const ahead = JSON.stringify(noticeOf(1));
    await admin.xadd(stream, '9999999999999-0', 'notice', ahead);
    await waitFor('notice 1', () => listener.notices.length === 1);

    await redis.restart();
    await waitFor('the gap', () => listener.events.includes('gap'));
    await waitFor('the buses to recover', () => {
      return bus.healthy && publishing.bus.healthy;
    });
    await publishing.bus.publish([noticeOf(2)]);

    await waitFor('notice 2', () => listener.notices.length === 2);
    expect(listener.events).toEqual(['notice 1', 'gap', 'notice 2']);
  });

  it('signals a gap after a dropped connection, then goes on', async () => {
    const clientName = `bus-${randomUUID()}`;
    const { bus, listener } = await listeningBus({ clientName });

    await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    await waitFor('the gap', () => listener.events.includes('gap'));
    await waitFor('the bus to recover', () => bus.healthy);
    await bus.publish([noticeOf(1)]);

    await waitFor('notice 1', () => listener.notices.length === 1);
    expect(listener.events).toEqual(['gap', 'notice 1']);
  });

  it('tells every reader when a publisher could not send', async () => {
    const clientName = `publisher-${randomUUID()}`;
    const publishing = openBus({ clientName });
    const { listener, logs: readerLogs } = await listeningBus();
    await waitFor('the publisher', () => publishing.bus.healthy);

    // Only the publisher's connection drops; the reader's stays up.
    await dropConnection(`${clientName}:publish`);
    await publishing.bus.publish([noticeOf(1)]);
    const unsent = linesWith(
      publishing.logs,
      'alert notices not sent; gateways will read the alert log',
    );
    expect(unsent).toHaveLength(1);

    await waitFor('the gap', () => listener.events.includes('gap'));
    await waitFor('the publisher', () => publishing.bus.healthy);
    await publishing.bus.publish([noticeOf(2)]);
    await waitFor('notice 2', () => listener.notices.length > 0);
    expect(listener.events.at(-1)).toBe('notice 2');
    expect(listener.sequences()).toEqual([2]);
    const sentAgain = linesWith(publishing.logs, 'alert notices sent again');
    expect(sentAgain).toEqual([expect.objectContaining({ unsent: 1 })]);
    expect(readerLogs.lines().map((line) => line.msg)).not.toContain(
      'alert notices: reading stopped',
    );
  });
});

describe('RedisAlertBus: closing', () => {
  it('ends its read loop and both its connections', async () => {
    const clientName = `bus-${randomUUID()}`;
    const closing = await listeningBus({ clientName });
    const staying = await listeningBus();
    expect(await clientNames()).toEqual(
      expect.arrayContaining([`${clientName}:read`, `${clientName}:publish`]),
    );

    await closing.bus.close();
    await staying.bus.publish([noticeOf(1)]);

    await waitFor('notice 1', () => staying.listener.notices.length === 1);
    expect(closing.listener.events).toEqual([]);
    expect(closing.bus.healthy).toBe(false);
    await waitFor('the connections to go', async () => {
      const names = await clientNames();
      return !names.some((name) => name.startsWith(clientName));
    });
  });

  it('closes promptly while Redis is down', async () => {
    const { bus } = await listeningBus();
    await redis.stop();
    await waitFor('the outage to show', () => !bus.healthy);

    await expect(bus.close()).resolves.toBeUndefined();
    await expect(bus.close()).resolves.toBeUndefined();
  });

  it('refuses a listener once closed, and publishes nothing', async () => {
    const { bus } = await listeningBus();
    await bus.close();

    await expect(bus.publish([noticeOf(1)])).resolves.toBeUndefined();
    expect(() => bus.listen(recordingListener())).toThrow(/closed/);
    expect(await admin.xlen(stream)).toBe(0);
  });
});

describe('RedisAlertBus: options', () => {
  const logger = recordLogs().logger;

  it('refuses a URL that is not a Redis one, without repeating it', () => {
    const url = 'https://user:secret@cache.example';
    expect(() => new RedisAlertBus({ url, logger })).toThrow(
      new TypeError('RedisAlertBus needs a redis:// or rediss:// URL'),
    );
  });

  it.each([
    ['maxLength', { maxLength: 0 }],
    ['publishTimeoutMs', { publishTimeoutMs: 2.5 }],
  ])('refuses a %s that is not a positive integer', (name, options) => {
    const url = 'redis://127.0.0.1:1';
    expect(() => new RedisAlertBus({ url, logger, ...options })).toThrow(
      new RegExp(`^${name} must be a positive integer, got`),
    );
  });
});
