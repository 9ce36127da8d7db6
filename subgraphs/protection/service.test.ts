/**
 * MeasureService and the notices of committed alert facts (§3): one
 * notice per fact, handed to the publisher once its transaction has
 * committed, never for a change refused, rolled back or repeated; and a
 * publisher's failure never fails the change. Over the SQL store, on
 * both databases.
 */
import { randomUUID } from 'node:crypto';
import { SqlProtectionAdapter } from '../../adapters/protection';
import { protectionSchema } from '../../adapters/protection/sql/schema';
import type { ProtectionTransaction } from '../../adapters/protection/types';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import type { AlertPublisher } from '../../runtime/alerts/bus';
import type { AlertNotice } from '../../runtime/alerts/notice';
import type { Logger } from '../../runtime/logger';
import { openDataSource } from '../../storage/data-source';
import { describeEachDatabase } from '../../test/support/databases';
import {
  APP112,
  BOUNDARIES,
  GATEWAY,
  IN_IXELLES,
  IXELLES,
  RAISED_AT,
  TERRITORY,
  antwerpenMeasure,
  insertAntwerpenMeasure,
} from '../../test/support/protection-subgraph';
import { recordLogs } from '../../test/support/servers';
import { waitFor } from '../../test/support/wait';
import { fixedClock } from './domain/clock';
import {
  closeAlertCall,
  recordAlert,
  recordAlertLocation,
} from './domain/commands/alerts';
import { DEFAULT_RULES } from './domain/rules';
import {
  MeasureService,
  checkPermission,
  type Command,
  type Permission,
} from './service';

const NOW = '2026-12-01T09:00:00.000Z';
const ALERT_RAISERS: Permission = { roles: ['police', 'cic', 'app112'] };

/**
 * The SQL store, which also writes on a timeline when a transaction has
 * committed, and can be made to roll the next one back once its work is
 * done, as a failed commit would.
 */
class WatchedStore extends SqlProtectionAdapter {
  readonly timeline: string[] = [];
  rollBackNext = false;

  override async transaction<T>(
    work: (tx: ProtectionTransaction) => Promise<T>,
  ): Promise<T> {
    const result = await super.transaction(async (tx) => {
      const answer = await work(tx);
      if (this.rollBackNext) {
        this.rollBackNext = false;
        throw new Error('the commit failed');
      }
      return answer;
    });
    this.timeline.push('commit');
    return result;
  }
}

/** Records what it is handed, on the store's timeline too. */
class RecordingPublisher implements AlertPublisher {
  readonly notices: AlertNotice[] = [];

  constructor(private readonly timeline: string[]) {}

  async publish(notices: readonly AlertNotice[]): Promise<void> {
    this.notices.push(...notices);
    const sequences = notices.map((notice) => notice.sequence);
    this.timeline.push(`publish ${sequences.join(' ')}`);
  }
}

/** A bus that is down: every publish rejects. */
class RejectingPublisher implements AlertPublisher {
  publish(): Promise<void> {
    return Promise.reject(new Error('the bus is down'));
  }
}

/** A broken bus: publish throws before it answers any promise. */
class ThrowingPublisher implements AlertPublisher {
  publish(): Promise<void> {
    throw new Error('the bus is broken');
  }
}

function raise(alertId: string): Command {
  return (aggregate, context) =>
    recordAlert(aggregate, { alertId, raisedAt: RAISED_AT }, context);
}

describeEachDatabase('MeasureService: notices of alert facts',
  (getOptions) => {
    let store: WatchedStore;
    let measureId: string;

    beforeAll(async () => {
      const dataSource = await openDataSource('protection', getOptions(),
        protectionSchema);
      store = new WatchedStore(dataSource);
      await store.syncTerritory(SHIPPED_TERRITORY);
      measureId = await insertAntwerpenMeasure(store, 'notices-1',
        'SA/1999/0101');
    });

    afterAll(() => store.close());

    function serviceWith(
      alertPublisher: AlertPublisher,
      logger: Logger = recordLogs().logger,
    ): MeasureService {
      return new MeasureService({
        store,
        territory: TERRITORY,
        boundaries: BOUNDARIES,
        clock: fixedClock(NOW),
        rules: DEFAULT_RULES,
        newId: randomUUID,
        alertPublisher,
        logger,
      });
    }

    /** A recording publisher, and the store's timeline from now on. */
    function recording() {
      store.timeline.length = 0;
      const publisher = new RecordingPublisher(store.timeline);
      return { publisher, service: serviceWith(publisher) };
    }

    async function logOf(alertId: string) {
      const log = await store.alertEventsAfter(0, 1000);
      return log.filter((event) => event.alertId === alertId);
    }

    it('§3: a raised alert publishes one RAISED notice with its committed '
      + 'sequence, after the commit', async () => {
      const { publisher, service } = recording();

      await service.change(APP112, measureId, ALERT_RAISERS,
        raise('raised'));

      const [event] = await logOf('raised');
      expect(store.timeline).toEqual(['commit', `publish ${event.sequence}`]);
      expect(publisher.notices).toEqual([{
        sequence: event.sequence,
        kind: 'RAISED',
        measureId,
        alertId: 'raised',
        at: NOW,
        recipients: {
          cicProvinces: ['BE-VAN'],
          zones: ['5345'],
          arrondissements: ['ANT'],
        },
      }]);
    });

    it('§3, §7.2.2: a notice names the recipients of the changed alert',
      async () => {
        const { publisher, service } = recording();

        await service.change(APP112, measureId, ALERT_RAISERS,
          (aggregate, context) => recordAlertLocation(aggregate,
            { alertId: 'raised', location: IN_IXELLES }, context));

        const [, located] = await logOf('raised');
        expect(publisher.notices).toEqual([expect.objectContaining({
          sequence: located.sequence,
          kind: 'LOCATION_UPDATED',
          recipients: {
            cicProvinces: ['BE-BRU'],
            zones: ['5345', '5339'],
            arrondissements: ['ANT'],
          },
        })]);
      });

    it('§3: the end of a call publishes a CLOSED notice', async () => {
      const { publisher, service } = recording();

      await service.change(APP112, measureId, ALERT_RAISERS,
        (aggregate, context) => closeAlertCall(aggregate,
          { alertId: 'raised', endedAt: '2026-12-01T08:55:00Z' }, context));

      expect(publisher.notices.map(({ kind, alertId }) => [kind, alertId]))
        .toEqual([['CLOSED', 'raised']]);
    });

    it('§3: a retried fact commits nothing new and publishes nothing',
      async () => {
        const { publisher, service } = recording();

        const answered = await service.change(APP112, measureId,
          ALERT_RAISERS, raise('raised'));

        expect(answered.alerts.map((alert) => alert.id)).toEqual(['raised']);
        expect(publisher.notices).toEqual([]);
        expect(await logOf('raised')).toHaveLength(3);
      });

    it('§3: a refused change publishes nothing', async () => {
      const { publisher, service } = recording();

      await expect(service.change(IXELLES, measureId, ALERT_RAISERS,
        raise('not-yours'))).rejects.toMatchObject(
        { extensions: { code: 'FORBIDDEN' } });
      await expect(service.change(APP112, measureId, ALERT_RAISERS,
        (aggregate, context) => closeAlertCall(aggregate,
          { alertId: 'raised', endedAt: '2026-12-01T08:56:00Z' }, context)))
        .rejects.toMatchObject({ extensions: { code: 'ALERT_CONFLICT' } });

      expect(publisher.notices).toEqual([]);
      expect(await logOf('not-yours')).toEqual([]);
    });

    it('§3: a change rolled back after its append publishes nothing',
      async () => {
        const { publisher, service } = recording();
        store.rollBackNext = true;

        await expect(service.change(APP112, measureId, ALERT_RAISERS,
          raise('rolled-back'))).rejects.toThrow('the commit failed');

        expect(store.timeline).toEqual([]);
        expect(publisher.notices).toEqual([]);
        expect(await logOf('rolled-back')).toEqual([]);
        const [stored] = await store.aggregatesById([measureId]);
        expect(stored!.alerts.map((alert) => alert.id)).toEqual(['raised']);
      });

    it.each([
      ['rejects', new RejectingPublisher(), 'the bus is down'],
      ['throws at once', new ThrowingPublisher(), 'the bus is broken'],
    ])('§3: a publisher that %s leaves the change standing and logs an '
      + 'error', async (_, publisher, reason) => {
      const logs = recordLogs();
      const service = serviceWith(publisher, logs.logger);
      const alertId = `despite-${randomUUID().slice(0, 8)}`;

      const answered = await service.change(APP112, measureId,
        ALERT_RAISERS, raise(alertId));

      expect(answered.alerts.map((alert) => alert.id)).toContain(alertId);
      const [event] = await logOf(alertId);
      expect(event.kind).toBe('RAISED');
      const failures = () => logs.lines()
        .filter((line) => line.msg === 'alert notices were not published');
      await waitFor('the failure to be logged',
        () => failures().length > 0);
      expect(failures()).toEqual([expect.objectContaining({
        level: 'error',
        sequences: [event.sequence],
        err: expect.objectContaining({ message: reason }),
      })]);
    });
  });

describe('checkPermission', () => {
  it('refuses the gateway\'s own identity every change, even one that '
    + 'would list its role', () => {
    const { measure } = antwerpenMeasure('gateway-1', 'SA/1999/0101');
    const permission: Permission = { roles: ['gateway', 'app112'] };
    expect(() => checkPermission(GATEWAY, measure, permission, TERRITORY))
      .toThrow(expect.objectContaining({
        message: 'Role gateway may not change a measure.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }));
    expect(() => checkPermission(APP112, measure, permission, TERRITORY))
      .not.toThrow();
  });
});
