import { waitFor } from '../support/wait';
import {
  alertEventOf,
  startAlertStream,
  type AlertStream,
} from '../support/alert-stream';
import {
  followAlerts,
  httpUrlOf,
  type FollowAlertsOptions,
  type FollowEnd,
} from '../../scripts/alerts-client';

const TOKEN = 'token-of-a-cic';
const FAST_RETRY = { firstDelayMs: 50, maxDelayMs: 200 };

/** A follow in the background, and what it printed and reported. */
interface Following {
  readonly output: string[];
  readonly reports: string[];
  /** The `#<sequence>` of each line that starts an event, in order. */
  sequences(): number[];
  stop(): void;
  readonly ended: Promise<FollowEnd>;
}

function follow(
  stream: AlertStream,
  options: Partial<FollowAlertsOptions> = {},
): Following {
  const output: string[] = [];
  const reports: string[] = [];
  const controller = new AbortController();
  const ended = followAlerts({
    url: stream.url,
    token: TOKEN,
    write: (text) => output.push(text),
    report: (text) => reports.push(text),
    signal: controller.signal,
    retry: FAST_RETRY,
    ...options,
  });
  const sequences = () =>
    [...output.join('').matchAll(/^#(\d+) /gm)].map(([, n]) => Number(n));
  return {
    output,
    reports,
    sequences,
    stop: () => controller.abort(),
    ended,
  };
}

let stream: AlertStream;

beforeEach(async () => {
  stream = await startAlertStream({ token: TOKEN });
});

afterEach(() => stream.close());

describe('scripts/alerts-client: printing the stream', () => {
  it('prints the events above since, in sequence order', async () => {
    stream.commit(alertEventOf(1), alertEventOf(2), alertEventOf(3));
    const following = follow(stream, { since: '1' });
    await waitFor('events 2 and 3', () => following.sequences().length === 2);
    stream.commit(alertEventOf(4));
    await waitFor('event 4', () => following.sequences().includes(4));

    following.stop();
    await expect(following.ended).resolves.toEqual({ kind: 'stopped' });
    expect(following.sequences()).toEqual([2, 3, 4]);
    expect(stream.subscriptions).toEqual(['1']);
  });

  it('briefs the first event of an alert, then one line each', async () => {
    stream.commit(
      alertEventOf(1),
      alertEventOf(2, { kind: 'POLICE_ARRIVED' }),
    );
    const following = follow(stream, { since: '0' });
    await waitFor('two events', () => following.sequences().length === 2);
    following.stop();
    await following.ended;

    const [briefing, line] = following.output;
    expect(briefing).toContain('suspect     DEMO-Janssens Tom, 80010100151');
    expect(briefing).toContain('weapons FIREARM (pistol)');
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toMatch(/^#2 POLICE_ARRIVED \S+ SA\/2026\/0007: police/);
  });

  it('starts after the caller\'s latest event when no since is given',
    async () => {
      stream.commit(alertEventOf(7), alertEventOf(9));
      const following = follow(stream);
      await waitFor('the subscription', () => stream.subscriptions.length > 0);
      stream.commit(alertEventOf(10));
      await waitFor('event 10', () => following.sequences().length > 0);
      following.stop();
      await following.ended;

      expect(stream.subscriptions).toEqual(['9']);
      expect(following.sequences()).toEqual([10]);
    });

  it('starts after 0 when the caller has no event yet', async () => {
    const following = follow(stream);
    await waitFor('the subscription', () => stream.subscriptions.length > 0);
    stream.commit(alertEventOf(1));
    await waitFor('event 1', () => following.sequences().length > 0);
    following.stop();
    await following.ended;
    expect(stream.subscriptions).toEqual(['0']);
  });

  it('drops an event at or below the last one printed', async () => {
    stream.commit(alertEventOf(1), alertEventOf(2));
    const following = follow(stream, { since: '0' });
    await waitFor('event 2', () => following.sequences().length === 2);
    stream.commit(alertEventOf(2), alertEventOf(1), alertEventOf(3));
    await waitFor('event 3', () => following.sequences().includes(3));
    following.stop();
    await following.ended;
    expect(following.sequences()).toEqual([1, 2, 3]);
  });
});

describe('scripts/alerts-client: a dropped connection', () => {
  it('resumes from the last event printed and prints the rest once',
    async () => {
      stream.commit(alertEventOf(1), alertEventOf(2));
      const following = follow(stream, { since: '0' });
      await waitFor('event 2', () => following.sequences().length === 2);

      stream.dropConnections();
      // Committed while the tool is away: replayed by `since`.
      stream.commit(alertEventOf(3), alertEventOf(4));
      await waitFor('event 4', () => following.sequences().includes(4));
      stream.commit(alertEventOf(5));
      await waitFor('event 5', () => following.sequences().includes(5));
      following.stop();
      await expect(following.ended).resolves.toEqual({ kind: 'stopped' });

      expect(stream.subscriptions).toEqual(['0', '2']);
      expect(following.sequences()).toEqual([1, 2, 3, 4, 5]);
      expect(following.reports.join('\n')).toMatch(
        /Connection lost \(closed 1006\); again in 50 ms, after 2/,
      );
    });

  it('drops a connection whose pings go unanswered, and resumes',
    async () => {
      stream.commit(alertEventOf(1));
      const following = follow(stream, {
        since: '0',
        keepAliveMs: 50,
        pongTimeoutMs: 100,
      });
      await waitFor('event 1', () => following.sequences().length === 1);

      stream.silence();
      stream.commit(alertEventOf(2));
      await waitFor('event 2', () => following.sequences().includes(2));
      following.stop();
      await following.ended;

      expect(stream.subscriptions).toEqual(['0', '1']);
      expect(following.sequences()).toEqual([1, 2]);
    });

  it('keeps trying while the gateway is away, pausing longer each time',
    async () => {
      const url = stream.url;
      await stream.close();
      const following = follow(stream, { since: '0', url });
      await waitFor('three failed attempts', () =>
        following.reports.length >= 3,
      );
      following.stop();
      await expect(following.ended).resolves.toEqual({ kind: 'stopped' });
      const pauses = following.reports
        .slice(0, 3)
        .map((text) => Number(/again in (\d+) ms/.exec(text)?.[1]));
      expect(pauses).toEqual([50, 100, 200]);
    });
});

describe('scripts/alerts-client: a refused token', () => {
  it('ends at once on close code 4403, without retrying', async () => {
    const following = follow(stream, { since: '0', token: 'forged' });
    const end = await following.ended;
    expect(end.kind).toBe('refused');
    expect(end).toMatchObject({
      message: expect.stringContaining('refused the token (4403: Forbidden)'),
    });
    expect(stream.connectionAttempts).toBe(1);
    expect(stream.subscriptions).toEqual([]);
  });

  it('ends when the token expires mid-stream', async () => {
    stream.commit(alertEventOf(1));
    const following = follow(stream, { since: '0' });
    await waitFor('event 1', () => following.sequences().length === 1);
    stream.expireToken();
    await expect(following.ended).resolves.toMatchObject({
      kind: 'refused',
    });
    expect(stream.connectionAttempts).toBe(1);
  });

  it('ends when the gateway refuses it over HTTP, before subscribing',
    async () => {
      const following = follow(stream, { token: 'forged' });
      await expect(following.ended).resolves.toEqual({
        kind: 'refused',
        message: 'The gateway refused: Bad token',
      });
      expect(stream.connectionAttempts).toBe(0);
    });

  it('never shows the token', async () => {
    const following = follow(stream, { since: '0', token: 'forged-secret' });
    const end = await following.ended;
    const everything = [...following.output, ...following.reports];
    expect(JSON.stringify([end, everything])).not.toContain('forged-secret');
  });
});

describe('scripts/alerts-client: a subscription the gateway refuses', () => {
  it('ends, failed, when the request itself is at fault', async () => {
    stream.refuseSubscriptions('BAD_USER_INPUT');
    const following = follow(stream, { since: '0' });
    await expect(following.ended).resolves.toEqual({
      kind: 'failed',
      message: 'The gateway refused: Refused: BAD_USER_INPUT',
    });
    expect(stream.subscriptions).toEqual(['0']);
  });

  it('tries again after any other error', async () => {
    stream.commit(alertEventOf(1));
    stream.refuseSubscriptions('INTERNAL_SERVER_ERROR');
    const following = follow(stream, { since: '0' });
    await waitFor('two refusals', () => stream.subscriptions.length >= 2);
    stream.refuseSubscriptions(null);
    await waitFor('event 1', () => following.sequences().length === 1);
    following.stop();
    await following.ended;
    expect(following.reports).toContainEqual(
      expect.stringMatching(/^Connection lost \(Refused: INTERNAL_SERVER/),
    );
  });
});

describe('scripts/alerts-client: misuse', () => {
  it('rejects a since that is no sequence', async () => {
    const controller = new AbortController();
    await expect(
      followAlerts({
        url: stream.url,
        token: TOKEN,
        since: '-1',
        write: () => {},
        signal: controller.signal,
      }),
    ).rejects.toThrow('since must be a non-negative integer, got "-1"');
  });

  it('asks the latest event at the HTTP twin of the address', () => {
    expect(httpUrlOf('ws://127.0.0.1:4000/graphql')).toBe(
      'http://127.0.0.1:4000/graphql',
    );
    expect(httpUrlOf('wss://gateway.example/graphql')).toBe(
      'https://gateway.example/graphql',
    );
  });
});
