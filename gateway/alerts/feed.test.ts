import { setImmediate, setTimeout as pause } from 'node:timers/promises';
import { LocalAlertBus, type AlertBusListener } from '../../runtime/alerts/bus';
import type {
  AlertNotice,
  NoticeRecipients,
} from '../../runtime/alerts/notice';
import type { Identity } from '../../runtime/identity';
import { noticeOf, noticesFrom } from '../../test/support/alerts';
import { recordLogs } from '../../test/support/servers';
import { waitFor } from '../../test/support/wait';
import { AlertFeed, type AlertFeedOptions, type FeedSubscriber } from './feed';
import type { AlertLogSource } from './log-source';

/**
 * The alert log in memory: the test commits entries to it, counts the
 * feed's reads, can make it fail, and can run a step in the middle of a
 * read (an entry committed while a page is being read).
 */
class MemoryLog implements AlertLogSource {
  readonly entries: AlertNotice[] = [];
  heads = 0;
  reads = 0;
  failing = false;
  /** Runs once, inside the next read, before the page is taken. */
  duringNextRead: (() => void) | null = null;

  commit(notices: readonly AlertNotice[]): void {
    this.entries.push(...notices);
  }

  async head(): Promise<number> {
    this.heads += 1;
    this.#check();
    return this.entries.at(-1)?.sequence ?? 0;
  }

  async after(after: number, limit: number): Promise<AlertNotice[]> {
    this.reads += 1;
    this.#check();
    // A real log answers on a later turn, as the network does.
    await setImmediate();
    const step = this.duringNextRead;
    this.duringNextRead = null;
    step?.();
    return this.entries
      .filter((entry) => entry.sequence > after)
      .slice(0, limit);
  }

  #check(): void {
    if (this.failing) throw new Error('the protection subgraph is down');
  }
}

/** A local bus that can also tell its listeners it lost notices. */
class GappyBus extends LocalAlertBus {
  readonly #listeners = new Set<AlertBusListener>();

  override listen(listener: AlertBusListener): () => void {
    this.#listeners.add(listener);
    const stop = super.listen(listener);
    return () => {
      this.#listeners.delete(listener);
      stop();
    };
  }

  signalGap(): void {
    for (const listener of this.#listeners) listener.gap();
  }
}

/** A subscriber that records the sequences it was given, in order. */
interface Recorder extends FeedSubscriber {
  readonly sequences: number[];
}

function recorder(identity: Identity = antwerpPolice): Recorder {
  const sequences: number[] = [];
  return {
    identity,
    sequences,
    deliver: (notice) => void sequences.push(notice.sequence),
  };
}

const antwerpPolice: Identity = {
  subject: 'p-1',
  role: 'police',
  zone: '5345',
};

function noticeFor(
  sequence: number,
  recipients: Partial<NoticeRecipients>,
): AlertNotice {
  return {
    ...noticeOf(sequence),
    recipients: {
      cicProvinces: [],
      zones: [],
      arrondissements: [],
      ...recipients,
    },
  };
}

interface Rig {
  readonly feed: AlertFeed;
  readonly log: MemoryLog;
  readonly bus: GappyBus;
  /** Commits notices to the log, then tells the bus, as the subgraph does. */
  publish(notices: readonly AlertNotice[]): Promise<void>;
}

const feeds: AlertFeed[] = [];

afterEach(async () => {
  await Promise.all(feeds.splice(0).map((feed) => feed.close()));
});

/** A feed over a fresh log holding `history`; not started. */
function rig(
  history: readonly AlertNotice[] = [],
  options: Partial<AlertFeedOptions> = {},
): Rig {
  const log = new MemoryLog();
  log.commit(history);
  const bus = new GappyBus();
  const feed = new AlertFeed({
    bus,
    log,
    logger: recordLogs().logger,
    // Long enough that no poll runs unless a test asks for one.
    pollMs: 60_000,
    ...options,
  });
  feeds.push(feed);
  return {
    feed,
    log,
    bus,
    async publish(notices) {
      log.commit(notices);
      await bus.publish(notices);
    },
  };
}

/** Starts the feed and waits for its first read of the log. */
async function started(setup: Rig): Promise<Rig> {
  setup.feed.start();
  await waitFor('the feed to read the head', () => setup.feed.cursor !== null);
  await waitFor('the first catch-up', () => setup.log.reads > 0);
  return setup;
}

describe('AlertFeed: the live run', () => {
  it('starts at the head: no history without since', async () => {
    const { feed, publish } = await started(rig(noticesFrom(1, 5)));
    const subscriber = recorder();

    await feed.attach(subscriber, null);
    await publish([noticeOf(6)]);

    expect(feed.cursor).toBe(6);
    expect(subscriber.sequences).toEqual([6]);
  });

  it('hands on live notices in order without reading the log', async () => {
    const { feed, log, publish } = await started(rig());
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    const reads = log.reads;

    await publish(noticesFrom(1, 3));
    await publish(noticesFrom(4, 5));

    expect(subscriber.sequences).toEqual([1, 2, 3, 4, 5]);
    expect(log.reads).toBe(reads);
  });

  it('fills a gap from the log when a notice comes ahead', async () => {
    const { feed, log, publish } = await started(rig());
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    const reads = log.reads;

    // Entry 1 reaches the log but its notice is lost on the way.
    log.commit([noticeOf(1)]);
    await publish([noticeOf(2)]);

    await waitFor('the gap to be filled', () => feed.cursor === 2);
    expect(subscriber.sequences).toEqual([1, 2]);
    expect(log.reads).toBeGreaterThan(reads);
  });

  it('ignores duplicates and notices below the cursor', async () => {
    const { feed, log, publish, bus } = await started(rig());
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    await publish(noticesFrom(1, 3));
    const reads = log.reads;

    await bus.publish([noticeOf(3), noticeOf(1), noticeOf(2)]);
    await publish([noticeOf(4)]);

    expect(subscriber.sequences).toEqual([1, 2, 3, 4]);
    expect(log.reads).toBe(reads);
  });

  it('skips a sequence that a rolled-back change never used', async () => {
    const { feed, publish } = await started(rig());
    const subscriber = recorder();
    await feed.attach(subscriber, null);

    await publish([noticeOf(1)]);
    // Sequence 2 was taken and rolled back: no entry will ever hold it.
    await publish([noticeOf(3)]);
    await waitFor('entry 3', () => feed.cursor === 3);
    await publish([noticeOf(4)]);

    expect(subscriber.sequences).toEqual([1, 3, 4]);
  });

  it('drops a notice the log does not hold, once, without re-reading it', async () => {
    // Entries commit in order and a notice follows its commit, so a read
    // begun after the notice must show its entry. One that does not
    // names no entry of this log (another deployment on the stream):
    // re-reading for it would flood the log.
    const logs = recordLogs();
    const { feed, log, bus } = await started(
      rig([], { logger: logs.logger, pollMs: 60_000 }));
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    const reads = log.reads;

    await bus.publish([noticeOf(3)]);
    await waitFor('the warning', () => logs.lines().some(({ msg }) =>
      msg === 'alert notices name entries the log does not hold; dropped'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(log.reads).toBe(reads + 1);
    expect(subscriber.sequences).toEqual([]);
    expect(feed.cursor).toBe(0);
  });

  it('finds entries by polling when the bus says nothing', async () => {
    const { feed, log } = await started(rig([], { pollMs: 20 }));
    const subscriber = recorder();
    await feed.attach(subscriber, null);

    log.commit(noticesFrom(1, 2));

    await waitFor('the poll', () => subscriber.sequences.length === 2);
    expect(subscriber.sequences).toEqual([1, 2]);
  });

  it('reads the log when the bus reports a gap', async () => {
    const { feed, log, bus } = await started(rig());
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    const reads = log.reads;

    log.commit(noticesFrom(1, 2));
    bus.signalGap();

    await waitFor('the read after the gap', () => feed.cursor === 2);
    expect(subscriber.sequences).toEqual([1, 2]);
    expect(log.reads).toBe(reads + 1);
  });
});

describe('AlertFeed: entitlement', () => {
  it('gives each identity only the entries it is entitled to', async () => {
    const { feed, publish } = await started(rig());
    const subscribers = {
      zone: recorder(antwerpPolice),
      otherZone: recorder({ subject: 'p-2', role: 'police', zone: '5339' }),
      cic: recorder({ subject: 'c-1', role: 'cic', province: 'VAN' }),
      otherCic: recorder({ subject: 'c-2', role: 'cic', province: 'WHT' }),
      magistrate: recorder({
        subject: 'm-1',
        role: 'magistrate',
        arrondissement: 'ANT',
      }),
      analyst: recorder({ subject: 'a-1', role: 'analyst' }),
    };
    for (const subscriber of Object.values(subscribers)) {
      await feed.attach(subscriber, null);
    }

    await publish([
      noticeFor(1, { zones: ['5345'] }),
      noticeFor(2, { cicProvinces: ['VAN'] }),
      noticeFor(3, { arrondissements: ['ANT'] }),
      noticeOf(4),
    ]);

    expect(subscribers.zone.sequences).toEqual([1, 4]);
    expect(subscribers.otherZone.sequences).toEqual([]);
    expect(subscribers.cic.sequences).toEqual([2, 4]);
    expect(subscribers.otherCic.sequences).toEqual([]);
    expect(subscribers.magistrate.sequences).toEqual([3, 4]);
    expect(subscribers.analyst.sequences).toEqual([]);
  });

  it('filters the replay as it filters the live run', async () => {
    const { feed, publish } = await started(rig());
    await publish([
      noticeFor(1, { zones: ['5339'] }),
      noticeFor(2, { zones: ['5345'] }),
    ]);
    const subscriber = recorder();

    await feed.attach(subscriber, 0);

    expect(subscriber.sequences).toEqual([2]);
  });
});

describe('AlertFeed: resuming with since', () => {
  it('replays from the ring, without reading the log', async () => {
    const { feed, log, publish } = await started(rig());
    await publish(noticesFrom(1, 5));
    const reads = log.reads;
    const subscriber = recorder();

    await feed.attach(subscriber, 2);
    await publish([noticeOf(6)]);

    expect(subscriber.sequences).toEqual([3, 4, 5, 6]);
    expect(log.reads).toBe(reads);
  });

  it('pages through the log to the ring, each entry once', async () => {
    // The ring keeps 4 to 7 entries; pages of 3.
    const setup = await started(
      rig(noticesFrom(1, 10), { ringSize: 4, pageSize: 3 }));
    const { feed, log, publish } = setup;
    await publish(noticesFrom(11, 18));
    const subscriber = recorder();
    // Entries 19 and 20 commit while the first page is being read.
    log.duringNextRead = () => void publish(noticesFrom(19, 20));
    const reads = log.reads;

    await feed.attach(subscriber, 2);
    await publish([noticeOf(21)]);

    expect(subscriber.sequences).toEqual(
      noticesFrom(3, 21).map(({ sequence }) => sequence));
    // Pages 3-5, 6-8, 9-11 and 12-14; the ring held 15 to 20.
    expect(log.reads).toBe(reads + 4);
  });

  it('gives once an entry that both a page and the ring hold', async () => {
    const setup = await started(rig(noticesFrom(1, 5), { pageSize: 10 }));
    const { feed, log, publish } = setup;
    const subscriber = recorder();
    // 6 and 7 commit during the read: its page and the ring hold both.
    log.duringNextRead = () => void publish(noticesFrom(6, 7));

    await feed.attach(subscriber, 3);

    expect(subscriber.sequences).toEqual([4, 5, 6, 7]);
  });

  it('pages through the log alone when the ring is empty', async () => {
    const { feed, log } = await started(
      rig(noticesFrom(1, 7), { pageSize: 2 }));
    const subscriber = recorder();
    const reads = log.reads;

    await feed.attach(subscriber, 0);

    expect(subscriber.sequences).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log.reads).toBe(reads + 4);
  });

  it('gives nothing up to a since above the cursor', async () => {
    const { feed, publish } = await started(rig(noticesFrom(1, 5)));
    const subscriber = recorder();

    await feed.attach(subscriber, 8);
    await publish(noticesFrom(6, 10));

    expect(subscriber.sequences).toEqual([9, 10]);
  });

  it('adds no subscriber unwanted by the end of the replay', async () => {
    const { feed, log, publish } = await started(
      rig(noticesFrom(1, 6), { pageSize: 2 }));
    const subscriber = recorder();
    let wanted = true;
    log.duringNextRead = () => {
      wanted = false;
    };

    await feed.attach(subscriber, 0, () => wanted);
    await publish([noticeOf(7)]);

    expect(subscriber.sequences).toEqual([]);
    expect(feed.subscribers).toBe(0);
  });

  it('rejects an attach whose read of the log fails', async () => {
    const { feed, log } = await started(rig(noticesFrom(1, 3)));
    log.failing = true;

    await expect(feed.attach(recorder(), 0)).rejects.toThrow(/down/);
    expect(feed.subscribers).toBe(0);
  });
});

describe('AlertFeed: an unreadable log', () => {
  it('holds attach back until the log can be read', async () => {
    const logs = recordLogs();
    const setup = rig(noticesFrom(1, 2), { logger: logs.logger, pollMs: 10 });
    const { feed, log, publish } = setup;
    log.failing = true;
    feed.start();
    const subscriber = recorder();
    let attached = false;
    const attaching = feed.attach(subscriber, null).then(() => {
      attached = true;
    });

    await waitFor('three failed reads', () => log.heads >= 3);
    expect(attached).toBe(false);
    log.failing = false;
    await attaching;
    await publish([noticeOf(3)]);

    expect(feed.cursor).toBe(3);
    expect(subscriber.sequences).toEqual([3]);
  });

  it('warns once an outage, and says when it is over', async () => {
    const logs = recordLogs();
    const { feed, log } = rig([], { logger: logs.logger, pollMs: 10 });
    const messages = () => logs.lines()
      .filter(({ level }) => level === 'warn' || level === 'info')
      .map(({ level, msg }) => `${String(level)} ${String(msg)}`);
    log.failing = true;
    feed.start();

    await waitFor('three failed reads', () => log.heads >= 3);
    log.failing = false;
    await waitFor('the recovery', () => feed.cursor !== null);
    const reads = log.reads;
    log.failing = true;
    await waitFor('three more failed reads', () => log.reads >= reads + 3);
    log.failing = false;
    await waitFor('the second recovery', () => messages().length === 4);

    expect(messages()).toEqual([
      'warn alert log unreadable; retrying',
      'info alert log readable again',
      'warn alert log unreadable; retrying',
      'info alert log readable again',
    ]);
    expect(logs.lines()[0]).toMatchObject({ component: 'alert-feed' });
  });
});

describe('AlertFeed: leaving and closing', () => {
  it('gives a detached subscriber nothing more', async () => {
    const { feed, publish } = await started(rig());
    const leaving = recorder();
    const staying = recorder();
    await feed.attach(leaving, null);
    await feed.attach(staying, null);

    await publish([noticeOf(1)]);
    feed.detach(leaving);
    await publish([noticeOf(2)]);

    expect(leaving.sequences).toEqual([1]);
    expect(staying.sequences).toEqual([1, 2]);
    expect(feed.subscribers).toBe(1);
  });

  it('stops polling and delivering once closed', async () => {
    const { feed, log, publish } = await started(rig([], { pollMs: 10 }));
    const subscriber = recorder();
    await feed.attach(subscriber, null);
    await waitFor('a poll', () => log.reads >= 3);

    await feed.close();
    const reads = log.reads;
    await publish(noticesFrom(1, 2));
    // Proving that nothing happens takes time: ten poll periods.
    await pause(100);

    expect(log.reads).toBe(reads);
    expect(subscriber.sequences).toEqual([]);
    expect(feed.subscribers).toBe(0);
  });

  it('lets an attach waiting for the first read end at close', async () => {
    const { feed, log } = rig();
    log.failing = true;
    feed.start();
    const subscriber = recorder();
    const attaching = feed.attach(subscriber, null);

    await waitFor('a failed read', () => log.heads >= 1);
    await feed.close();
    await attaching;

    expect(feed.subscribers).toBe(0);
  });
});
