import { openSqlBngAdapter } from '../../../adapters/bng';
import type { BngAdapter } from '../../../adapters/bng/types';
import { openSqlDevicesAdapter } from '../../../adapters/devices';
import type { DevicesAdapter } from '../../../adapters/devices/types';
import { openSqlMachAdapter } from '../../../adapters/mach';
import type { MachAdapter } from '../../../adapters/mach/types';
import type {
  EffectKind,
  MeasureAggregate,
  NewEffect,
} from '../../../adapters/protection/aggregate';
import {
  openSqlProtectionAdapter,
  type SqlProtectionAdapter,
} from '../../../adapters/protection';
import { openSqlVictimSupportAdapter } from '../../../adapters/victim-support';
import type { VictimSupportAdapter } from '../../../adapters/victim-support/types';
import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import { generateDemoData } from '../../../storage/demo-data';
import type { StorageOptions } from '../../../storage/options';
import { describeEachDatabase } from '../../../test/support/databases';
import { fullAggregate, testPerson } from '../../../test/support/protection';
import { recordLogs } from '../../../test/support/servers';
import {
  createEffectDispatcher,
  retryDelayMs,
  type EffectDispatcherOptions,
} from './dispatcher';
import type { EffectTargets } from './targets';

const demo = generateDemoData();
const T0 = Date.parse('2026-12-01T08:00:00.000Z');

/** A clock the test moves by hand. */
function testClock() {
  let now = T0;
  return {
    now: () => new Date(now).toISOString(),
    advance(ms: number) {
      now += ms;
    },
  };
}

interface Systems {
  bng: BngAdapter;
  mach: MachAdapter;
  devices: DevicesAdapter;
  victimSupport: VictimSupportAdapter;
}

async function openSystems(options: StorageOptions): Promise<Systems> {
  const seeded = { seedDemo: demo };
  return {
    bng: await openSqlBngAdapter(options, seeded),
    mach: await openSqlMachAdapter(options, seeded),
    devices: await openSqlDevicesAdapter(options, seeded),
    victimSupport: await openSqlVictimSupportAdapter(options, seeded),
  };
}

/**
 * The targets, through whichever adapter is current (a test replaces a
 * closed one to bring its system back), recording each call in order.
 */
function targetsOver(systems: Systems, calls: string[]): EffectTargets {
  const through = <A>(pick: () => A, name: string, method: keyof A) =>
    (input: unknown) => {
      calls.push(`${name}.${String(method)}`);
      const adapter = pick() as Record<keyof A, (i: unknown) => unknown>;
      return adapter[method](input) as Promise<never>;
    };
  return {
    bng: {
      upsertAlarmMention: through(() => systems.bng, 'bng',
        'upsertAlarmMention'),
      upsertNoContactOrder: through(() => systems.bng, 'bng',
        'upsertNoContactOrder'),
    },
    mach: {
      setRegistrationComment: through(() => systems.mach, 'mach',
        'setRegistrationComment'),
    },
    devices: {
      upsertGrantRegistration: through(() => systems.devices, 'devices',
        'upsertGrantRegistration'),
      assignDevice: through(() => systems.devices, 'devices',
        'assignDevice'),
      returnDevices: through(() => systems.devices, 'devices',
        'returnDevices'),
      reassignZone: through(() => systems.devices, 'devices',
        'reassignZone'),
    },
    victimSupport: {
      refer: through(() => systems.victimSupport, 'victimSupport', 'refer'),
      notify: through(() => systems.victimSupport, 'victimSupport',
        'notify'),
      transferReferral: through(() => systems.victimSupport,
        'victimSupport', 'transferReferral'),
    },
  };
}

let count = 0;

/** The effects a grant of `aggregate` sends, in the domain's order. */
function grantEffects(aggregate: MeasureAggregate): NewEffect[] {
  const { measure, protectedPersons } = aggregate;
  const victim = protectedPersons[0]!.nationalNumber;
  const effect = (kind: EffectKind, payload: object): NewEffect => {
    count += 1;
    return { id: `effect-${count}`, kind, payload };
  };
  return [
    effect('BNG_ALARM_MENTION', { nationalNumber: victim,
      measureId: measure.id, registeredOn: '2026-03-05',
      validUntil: '2027-04-20' }),
    effect('BNG_NO_CONTACT_ORDER', { measureId: measure.id,
      suspectNationalNumber: measure.suspectNationalNumber,
      validFrom: '2026-03-05', validUntil: '2027-04-20' }),
    effect('MACH_REGISTRATION_COMMENT', { measureId: measure.id,
      suspectNationalNumber: measure.suspectNationalNumber, kind: 'GRANT',
      date: '2026-03-05' }),
    effect('DEVICES_GRANT_REGISTRATION', { measureId: measure.id,
      arrondissementCode: measure.arrondissementCode,
      zoneCode: measure.managingZoneCode, decidedOn: '2026-03-05',
      startDate: '2026-03-05', endDate: '2027-04-20',
      relationship: measure.relationship, protectedPersonCount: 2,
      status: 'ACTIVE', endedOn: null, endReason: null,
      prolongationCount: 0 }),
    effect('DEVICES_ASSIGNMENT', { measureId: measure.id,
      nationalNumber: victim, arrondissementCode: measure.arrondissementCode,
      zoneCode: measure.managingZoneCode, assignedOn: '2026-03-05' }),
    effect('VICTIM_SUPPORT_REFERRAL', { measureId: measure.id,
      arrondissementCode: measure.arrondissementCode,
      referredOn: '2026-03-05', pvReference: measure.pvReference,
      plannedEndDate: '2027-04-20' }),
    effect('VICTIM_SUPPORT_NOTICE', { noticeId: `notice-${count}`,
      measureId: measure.id, kind: 'PROLONGATION', date: '2027-04-20',
      details: 'REAL_ALERT' }),
  ];
}

describeEachDatabase('Effect dispatcher', (getOptions) => {
  let store: SqlProtectionAdapter;
  let systems: Systems;

  beforeAll(async () => {
    store = await openSqlProtectionAdapter(getOptions(),
      { territory: SHIPPED_TERRITORY });
    systems = await openSystems(getOptions());
  });

  afterAll(async () => {
    await store.close();
    await Promise.all(Object.values(systems).map((s) => s.close()));
  });

  function setUp(overrides: Partial<EffectDispatcherOptions> = {}) {
    const clock = testClock();
    const logs = recordLogs('effects');
    const calls: string[] = [];
    const dispatcher = createEffectDispatcher({
      store,
      targets: targetsOver(systems, calls),
      clock,
      logger: logs.logger,
      ...overrides,
    });
    return { dispatcher, clock, logs, calls };
  }

  /** Inserts a granted measure in `zone` and queues `effects` for it. */
  async function grantedMeasure(
    effectsOf: (aggregate: MeasureAggregate) => NewEffect[] = grantEffects,
    zone?: { code: string; arrondissementCode: string },
  ): Promise<MeasureAggregate> {
    count += 1;
    const id = `dispatch-${count}`;
    const { aggregate, persons } = fullAggregate(id, `SA/1998/${count}`);
    if (zone) {
      aggregate.measure.managingZoneCode = zone.code;
      aggregate.measure.arrondissementCode = zone.arrondissementCode;
    }
    await store.transaction(async (tx) => {
      await tx.upsertPersons(persons);
      await tx.insert(aggregate);
      await tx.enqueueEffects(id, effectsOf(aggregate),
        new Date(T0).toISOString());
    });
    return aggregate;
  }

  async function effectsOf(measureId: string) {
    const [list] = await store.effectsByMeasureId([measureId]);
    return list!;
  }

  it('applies a grant\'s effects in sequence order, each through its '
    + 'agency system', async () => {
    const { dispatcher, calls } = setUp();
    const { measure, protectedPersons } = await grantedMeasure();

    expect(await dispatcher.runOnce()).toEqual({ done: 7, failed: 0 });
    expect(calls).toEqual([
      'bng.upsertAlarmMention',
      'bng.upsertNoContactOrder',
      'mach.setRegistrationComment',
      'devices.upsertGrantRegistration',
      'devices.assignDevice',
      'victimSupport.refer',
      'victimSupport.notify',
    ]);
    for (const effect of await effectsOf(measure.id)) {
      expect(effect).toMatchObject({ status: 'DONE', attempts: 1,
        lastError: null, doneAt: '2026-12-01T08:00:00.000Z' });
    }

    const victim = protectedPersons[0]!.nationalNumber;
    const [record] = await systems.bng.policeRecordsByNationalNumber([victim]);
    expect(record?.alarmMention?.measureId).toBe(measure.id);
    const [[comment]] = await systems.mach.registrationCommentsByMeasureId(
      [measure.id]);
    expect(comment?.text).toBe('stalking alarm décidée le 05/03/2026');
    const [devices] = await systems.devices.devicesByMeasureId([measure.id]);
    expect(devices).toEqual([expect.objectContaining({ status: 'ASSIGNED',
      assignedTo: victim })]);
    const [referral] = await systems.victimSupport.referralsByMeasureId(
      [measure.id]);
    expect(referral?.pvReference).toBe(measure.pvReference);
  });

  it('keeps an effect whose system is down PENDING with its attempts and '
    + 'error, holds back the later ones of its measure only, and applies '
    + 'them once the system is back', async () => {
    const { dispatcher, clock, logs } = setUp();
    const two = (a: MeasureAggregate) => grantEffects(a).slice(0, 3);
    const blocked = await grantedMeasure(two);
    const other = await grantedMeasure((a) => grantEffects(a).slice(2, 3));
    const bng = systems.bng;
    await bng.close(); // its DataSource destroyed: the BNG is down

    try {
      expect(await dispatcher.runOnce()).toEqual({ done: 1, failed: 1 });
      const [first, ...later] = await effectsOf(blocked.measure.id);
      expect(first).toMatchObject({ status: 'PENDING', attempts: 1,
        lastError: 'StorageError: The bng storage failed during upsertAlarmMention',
        nextAttemptAt: '2026-12-01T08:00:01.000Z' });
      expect(later.map((e) => [e.status, e.attempts]))
        .toEqual([['PENDING', 0], ['PENDING', 0]]);
      expect((await effectsOf(other.measure.id))[0]!.status).toBe('DONE');

      // Not due before its pause is over; then the pause doubles.
      clock.advance(500);
      expect(await dispatcher.runOnce()).toEqual({ done: 0, failed: 0 });
      clock.advance(500);
      expect(await dispatcher.runOnce()).toEqual({ done: 0, failed: 1 });
      expect((await effectsOf(blocked.measure.id))[0]).toMatchObject({
        attempts: 2, nextAttemptAt: '2026-12-01T08:00:03.000Z' });

      systems.bng = await openSqlBngAdapter(getOptions());
      clock.advance(2000);
      expect(await dispatcher.runOnce()).toEqual({ done: 3, failed: 0 });
      expect((await effectsOf(blocked.measure.id)).map((e) =>
        [e.status, e.attempts])).toEqual([['DONE', 3], ['DONE', 1],
        ['DONE', 1]]);
    } finally {
      if (systems.bng === bng) systems.bng = await openSqlBngAdapter(getOptions());
    }

    const failures = logs.lines().filter((l) => l.msg === 'effect failed');
    expect(failures[0]).toMatchObject({ level: 'warn',
      kind: 'BNG_ALARM_MENTION', measureId: blocked.measure.id,
      attempts: 1, retryInMs: 1000,
      error: { name: 'StorageError' } });
    // Log events, not people: no national number, no payload.
    const text = logs.text().join('\n');
    for (const person of blocked.protectedPersons) {
      expect(text).not.toContain(person.nationalNumber);
    }
    expect(text).not.toContain(blocked.measure.suspectNationalNumber);
  });

  it('waits the longest pause after a refusal, and says so as an error',
    async () => {
      const { dispatcher, logs } = setUp();
      const refused = await grantedMeasure((a) => {
        const [, order] = grantEffects(a);
        // §7.8.4: an order ending before it starts is refused.
        (order!.payload as { validUntil: string }).validUntil = '2026-01-01';
        return [order!];
      });
      expect(await dispatcher.runOnce()).toEqual({ done: 0, failed: 1 });
      const [effect] = await effectsOf(refused.measure.id);
      expect(effect).toMatchObject({ status: 'PENDING', attempts: 1,
        nextAttemptAt: '2026-12-01T08:05:00.000Z' });
      expect(effect!.lastError).toMatch(
        /^BngRuleError \[ORDER_TOO_SHORT\]: The no-contact order/);
      expect(logs.lines()).toContainEqual(expect.objectContaining({
        level: 'error', msg: 'effect refused by its agency system',
        error: expect.objectContaining({ code: 'ORDER_TOO_SHORT' }) }));
    });

  it('counts a device shortage as done, and reports it (§7.8.7)',
    async () => {
      const { dispatcher, logs } = setUp();
      // Namur has no device left in the demo stock.
      const short = await grantedMeasure(
        (a) => grantEffects(a).slice(4, 5),
        { code: '5303', arrondissementCode: 'NAM' });
      expect(await dispatcher.runOnce()).toEqual({ done: 1, failed: 0 });
      expect((await effectsOf(short.measure.id))[0]!.status).toBe('DONE');
      expect(logs.lines()).toContainEqual(expect.objectContaining({
        level: 'warn', measureId: short.measure.id,
        msg: 'effect applied: device shortage recorded (§7.8.7)' }));
      const [shortages] = await systems.devices.shortagesByArrondissement(
        ['NAM']);
      expect(shortages!.map((s) => s.measureId)).toContain(short.measure.id);
    });

  it('applies at most `batchSize` effects in a round', async () => {
    const { dispatcher } = setUp({ batchSize: 2 });
    const measures = [await grantedMeasure(), await grantedMeasure()];
    expect(await dispatcher.runOnce()).toEqual({ done: 2, failed: 0 });
    expect(await dispatcher.runOnce()).toEqual({ done: 2, failed: 0 });
    const states = (await Promise.all(measures.map((m) =>
      effectsOf(m.measure.id)))).flat().map((e) => e.status);
    expect(states.filter((s) => s === 'DONE')).toHaveLength(4);
  });

  it('runs rounds once started, and none once stopped', async () => {
    const { dispatcher } = setUp({ intervalMs: 5 });
    dispatcher.start();
    dispatcher.start();
    const started = await grantedMeasure();
    await waitFor(async () => (await effectsOf(started.measure.id))
      .every((e) => e.status === 'DONE'));
    await dispatcher.stop();

    const later = await grantedMeasure();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await effectsOf(later.measure.id)).every((e) =>
      e.status === 'PENDING')).toBe(true);
    await dispatcher.runOnce(); // leaves the store clean for later tests
  });

  it('joins the round under way rather than starting another', async () => {
    const { dispatcher, calls } = setUp();
    await grantedMeasure();
    const [a, b] = await Promise.all([dispatcher.runOnce(),
      dispatcher.runOnce()]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(7);
  });
});

describe('Effect dispatcher: without a database', () => {
  const victim = testPerson('1990-01-01', 'Victim');

  it('logs a failed round and goes on with the next', async () => {
    const logs = recordLogs('effects');
    let rounds = 0;
    const dispatcher = createEffectDispatcher({
      store: {
        dueEffects: async () => {
          rounds += 1;
          throw new Error('store down');
        },
        markEffectDone: async () => undefined,
        markEffectFailed: async () => undefined,
      },
      targets: {} as EffectTargets,
      clock: { now: () => '2026-12-01T08:00:00.000Z' },
      logger: logs.logger,
      intervalMs: 5,
    });
    dispatcher.start();
    await waitFor(async () => rounds >= 2);
    await dispatcher.stop();
    expect(logs.lines()).toContainEqual(expect.objectContaining({
      level: 'error', msg: 'effects round failed',
      error: { name: 'Error', message: 'store down' } }));
  });

  it('masks a national number a target quotes in its error', async () => {
    const logs = recordLogs('effects');
    const failures: string[] = [];
    const dispatcher = createEffectDispatcher({
      store: {
        dueEffects: async () => failures.length > 0 ? [] : [{
          id: 'e-1', measureId: 'm-1', sequence: 1,
          kind: 'BNG_ALARM_MENTION', payload: '{}', status: 'PENDING',
          attempts: 0, lastError: null, createdAt: '2026-12-01T08:00:00Z',
          nextAttemptAt: '2026-12-01T08:00:00Z', doneAt: null }],
        markEffectDone: async () => undefined,
        markEffectFailed: async (_id, error) => void failures.push(error),
      },
      targets: {
        bng: {
          upsertAlarmMention: async () => {
            throw new TypeError(
              `Person ${victim.nationalNumber} (85.07.30-033.28) unknown`);
          },
        },
      } as unknown as EffectTargets,
      clock: { now: () => '2026-12-01T08:00:00.000Z' },
      logger: logs.logger,
    });
    expect(await dispatcher.runOnce()).toEqual({ done: 0, failed: 1 });
    expect(failures).toEqual([
      'TypeError: Person [national number] ([national number]) unknown']);
    expect(logs.text().join('')).not.toContain(victim.nationalNumber);
  });

  it('refuses options that are not positive integers, naming them', () => {
    const options = {
      store: {} as never,
      targets: {} as EffectTargets,
      clock: { now: () => '' },
      logger: recordLogs().logger,
    };
    expect(() => createEffectDispatcher({ ...options, batchSize: 0 }))
      .toThrow("The effect dispatcher's batchSize must be a positive integer, not 0");
    expect(() => createEffectDispatcher({ ...options,
      backoff: { initialMs: 5000, maxMs: 1000 } }))
      .toThrow('backoff.maxMs (1000) is below backoff.initialMs (5000)');
  });
});

describe('retryDelayMs', () => {
  it('doubles from 1 s and stays at 5 min, forever', () => {
    expect([0, 1, 2, 3, 8, 9, 10, 1000].map((n) => retryDelayMs(n)))
      .toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000,
        300_000]);
  });

  it('follows the configured pauses', () => {
    expect(retryDelayMs(2, { initialMs: 10, maxMs: 35 })).toBe(35);
    expect(retryDelayMs(1, { initialMs: 10, maxMs: 35 })).toBe(20);
  });
});

/** Polls `condition` every 5 ms, for at most 5 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 5) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('The condition never held');
}
