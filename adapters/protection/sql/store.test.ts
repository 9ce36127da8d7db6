import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import {
  StatementRecorder,
  describeEachDatabase,
} from '../../../test/support/databases';
import {
  fullAggregate,
  requestedAggregate,
  testPerson,
} from '../../../test/support/protection';
import type {
  JournalEntry,
  MeasureAggregate,
  NewEffect,
} from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import { ConcurrentChangeError } from '../types';

const T0 = '2026-12-01T08:00:00.000Z';

let counter = 0;
/** A fresh measure id and reference, never used before in this file. */
function nextIds(): { id: string; reference: string } {
  counter += 1;
  return {
    id: `test-measure-${String(counter).padStart(3, '0')}`,
    reference: `SA/1999/${String(counter).padStart(4, '0')}`,
  };
}

function entry(
  measureId: string,
  n: number,
  at: string,
  action = 'REQUEST',
): JournalEntry {
  return {
    id: `${measureId}-j${n}`,
    measureId,
    at,
    action,
    actor: { subject: 'officer-1', role: 'police', organisation: '5339' },
    pvReference: null,
  };
}

function effects(...kinds: NewEffect['kind'][]): NewEffect[] {
  return kinds.map((kind) => {
    counter += 1;
    return { id: `effect-${counter}`, kind, payload: { n: counter } };
  });
}

describeEachDatabase('ProtectionStore', (getOptions) => {
  const recorder = new StatementRecorder();
  let store: SqlProtectionAdapter;

  beforeAll(async () => {
    store = await openSqlProtectionAdapter(getOptions(), {
      territory: SHIPPED_TERRITORY,
      logger: recorder,
    });
  });

  afterAll(() => store.close());

  /** Inserts a full aggregate with its persons and first journal entry. */
  async function insertFull(): Promise<MeasureAggregate> {
    const { id, reference } = nextIds();
    const { aggregate, persons } = fullAggregate(id, reference);
    await store.transaction(async (tx) => {
      await tx.upsertPersons(persons);
      await tx.insert(aggregate);
      await tx.appendJournal(entry(id, 1, T0));
    });
    return aggregate;
  }

  /** Inserts a request in `zone`, with its victim and suspect. */
  async function insertRequest(
    zone?: { code: string; arrondissementCode: string },
  ): Promise<MeasureAggregate> {
    const { id, reference } = nextIds();
    const victim = testPerson('1992-02-02', 'Victim');
    const suspect = testPerson('1980-08-08', 'Suspect');
    const aggregate = requestedAggregate(id, reference, suspect, victim,
      zone);
    await store.transaction(async (tx) => {
      await tx.upsertPersons([victim, suspect]);
      await tx.insert(aggregate);
    });
    return aggregate;
  }

  describe('insert and load', () => {
    it('reads back every part of a full aggregate as inserted', async () => {
      const aggregate = await insertFull();
      const loaded = await store.transaction((tx) =>
        tx.load(aggregate.measure.id));
      expect(loaded).toEqual(aggregate);
      expect(await store.aggregatesById([aggregate.measure.id, 'nope']))
        .toEqual([aggregate, null]);
    });

    it('answers null for a measure that is not there', async () => {
      expect(await store.transaction((tx) => tx.load('nope'))).toBeNull();
    });

    it('shows the new columns through the read port', async () => {
      const aggregate = await insertFull();
      const [record] = await store.measuresById([aggregate.measure.id]);
      expect(record).toMatchObject({
        version: 3,
        pvReference: 'PV/5339/2026/000101',
        requestOrigin: 'OTHER_POLICE_ZONE',
        requesterZoneCode: '5340',
        underInvestigation: true,
        transferToZoneCode: '5345',
        refusalDecidedOn: null,
      });
      const persons = await store.protectedPersonsByMeasureId(
        [aggregate.measure.id]);
      expect(persons[0]!.map((p) => [p.role, p.agreementSigned]))
        .toEqual([['VICTIM', true], ['CHILD', false]]);
    });

    it('keeps instants in UTC, whatever offset they came with', async () => {
      const { id, reference } = nextIds();
      const { aggregate, persons } = fullAggregate(id, reference);
      aggregate.alerts[0]!.raisedAt = '2026-06-10T21:42:05+02:00';
      await store.transaction(async (tx) => {
        await tx.upsertPersons(persons);
        await tx.insert(aggregate);
      });
      const [loaded] = await store.aggregatesById([id]);
      expect(loaded!.alerts[0]!.raisedAt).toBe('2026-06-10T19:42:05.000Z');
    });

    it('refuses an instant without offset, showing it', async () => {
      const { id, reference } = nextIds();
      const { aggregate, persons } = fullAggregate(id, reference);
      aggregate.alerts[0]!.raisedAt = '2026-06-10 19:42';
      const inserting = store.transaction(async (tx) => {
        await tx.upsertPersons(persons);
        await tx.insert(aggregate);
      });
      await expect(inserting).rejects.toThrow(TypeError);
      await expect(inserting).rejects.toThrow('"2026-06-10 19:42"');
      expect(await store.aggregatesById([id])).toEqual([null]);
    });

    it('reads a batch of aggregates in as many statements for 1 id as '
      + 'for 20', async () => {
      const one = await recorder.during(() => store.aggregatesById(['a']));
      const ids = Array.from({ length: 20 }, (_, i) => `x-${i}`);
      const inserted = await insertFull();
      ids[0] = inserted.measure.id;
      const many = await recorder.during(() => store.aggregatesById(ids));
      expect(one).toHaveLength(1); // nothing found: no part is read
      // The measure, its nine parts and the alerts' tracks.
      expect(many).toHaveLength(11);
    });
  });

  describe('save', () => {
    it('writes every part and moves the version one up', async () => {
      const aggregate = await insertFull();
      const changed: MeasureAggregate = {
        ...aggregate,
        measure: { ...aggregate.measure, status: 'ENDED',
          endedOn: '2026-12-01', endReason: 'PERSON_REQUEST',
          pendingTransfer: null,
          refusal: { decidedOn: '2026-12-01', reasons: 'None',
            thirdPartyInformed: null, pvReference: 'PV/1' } },
        protectedPersons: aggregate.protectedPersons.slice(0, 1),
        evaluations: [],
        conditions: null,
        prolongations: aggregate.prolongations.slice(1),
        reEvaluationDecisions: [],
        revisits: [{ ...aggregate.revisits[1]!, doneOn: '2026-07-06',
          pvReference: 'PV/2' }],
        travelNotices: [],
        alerts: [{ ...aggregate.alerts[1]!, classification: 'TEST' }],
        newFacts: aggregate.newFacts.slice(0, 1),
      };
      await store.transaction(async (tx) => {
        await tx.load(aggregate.measure.id);
        await tx.save(changed);
      });
      const [stored] = await store.aggregatesById([aggregate.measure.id]);
      expect(stored).toEqual({
        ...changed,
        measure: { ...changed.measure, version: 4 },
      });
    });

    it('rewrites only the parts that changed since the load', async () => {
      const aggregate = await insertFull();
      const statements = await recorder.during(() =>
        store.transaction(async (tx) => {
          const loaded = (await tx.load(aggregate.measure.id))!;
          await tx.save({ ...loaded, alerts: loaded.alerts.slice(1) });
        }));
      const touched = statements.filter((s) => /^(DELETE|INSERT)/i.test(s))
        .map((s) => /protection_[a-z_]+/.exec(s)?.[0]);
      // The alert dropped takes its track along; alert-2 has none.
      expect(touched).toEqual(['protection_alert',
        'protection_alert_location', 'protection_alert']);
      expect(statements.filter((s) => /^UPDATE/i.test(s))).toHaveLength(1);
    });

    it('saves twice in one transaction, each time from the last version',
      async () => {
        const aggregate = await insertFull();
        await store.transaction(async (tx) => {
          const loaded = (await tx.load(aggregate.measure.id))!;
          await tx.save(loaded);
          await tx.save({ ...loaded,
            measure: { ...loaded.measure, version: loaded.measure.version + 1 },
            newFacts: [] });
        });
        const [stored] = await store.aggregatesById([aggregate.measure.id]);
        expect(stored!.measure.version).toBe(aggregate.measure.version + 2);
        expect(stored!.newFacts).toEqual([]);
      });

    it('fails with CONCURRENT_CHANGE on a stale version and changes '
      + 'nothing', async () => {
      const aggregate = await insertFull();
      const id = aggregate.measure.id;
      const stale = { ...aggregate,
        measure: { ...aggregate.measure, version: 2 }, alerts: [] };
      const saving = store.transaction(async (tx) => {
        await tx.appendJournal(entry(id, 2, T0, 'ALERT'));
        await tx.enqueueEffects(id, effects('BNG_ALARM_MENTION'), T0);
        await tx.save(stale);
      });
      await expect(saving).rejects.toBeInstanceOf(ConcurrentChangeError);
      await expect(saving).rejects.toMatchObject({
        code: 'CONCURRENT_CHANGE', measureId: id, expectedVersion: 2 });
      expect(await store.aggregatesById([id])).toEqual([aggregate]);
      expect((await store.journalByMeasureId([id]))[0]).toHaveLength(1);
      expect(await store.effectsByMeasureId([id])).toEqual([[]]);
    });

    it('lets one of two concurrent changes win, the other fail', async () => {
      const aggregate = await insertFull();
      const change = () => store.transaction(async (tx) => {
        await tx.save({ ...aggregate, newFacts: [] });
      });
      const outcomes = await Promise.allSettled([change(), change()]);
      expect(outcomes.map((o) => o.status).sort())
        .toEqual(['fulfilled', 'rejected']);
      const failure = outcomes.find((o) => o.status === 'rejected');
      expect((failure as PromiseRejectedResult).reason)
        .toBeInstanceOf(ConcurrentChangeError);
    });

    it('refuses to save a measure never inserted', async () => {
      const { aggregate } = fullAggregate('never-inserted', 'SA/1999/9999');
      await expect(store.transaction((tx) => tx.save(aggregate)))
        .rejects.toThrow('Measure never-inserted cannot be saved');
    });
  });

  describe('transaction', () => {
    it('leaves nothing behind when the work fails: measure, persons, '
      + 'journal, effects', async () => {
      const { id, reference } = nextIds();
      const { aggregate, persons } = fullAggregate(id, reference);
      const failure = new Error('the domain refused');
      const work = store.transaction(async (tx) => {
        await tx.upsertPersons(persons);
        await tx.insert(aggregate);
        await tx.appendJournal(entry(id, 1, T0));
        await tx.enqueueEffects(id, effects('BNG_ALARM_MENTION',
          'DEVICES_ASSIGNMENT'), T0);
        throw failure;
      });
      await expect(work).rejects.toBe(failure);
      expect(await store.aggregatesById([id])).toEqual([null]);
      expect(await store.journalByMeasureId([id])).toEqual([[]]);
      expect(await store.effectsByMeasureId([id])).toEqual([[]]);
      expect(await store.personsByNationalNumber(
        persons.map((p) => p.nationalNumber))).toEqual([null, null, null]);
    });

    it('answers what the work answers', async () => {
      await expect(store.transaction(async () => 42)).resolves.toBe(42);
    });

    it('refuses a call to the store itself inside the work', async () => {
      const nested = store.transaction(() => store.findMeasureIds({}));
      await expect(nested).rejects.toThrow(
        'findMeasureIds was called inside transaction()');
    });

    it('refuses the transaction once the work is over', async () => {
      const kept = await store.transaction(async (tx) => tx);
      await expect(kept.load('x')).rejects.toThrow(
        'load was called after its transaction ended');
    });
  });

  describe('nextReference', () => {
    it('hands out 10 distinct references to 10 concurrent transactions',
      async () => {
        const references = await Promise.all(Array.from({ length: 10 },
          () => store.transaction((tx) => tx.nextReference(2031))));
        expect([...references].sort()).toEqual(Array.from({ length: 10 },
          (_, i) => `SA/2031/${String(i + 1).padStart(4, '0')}`));
      });

    it('gives a rolled-back number out again', async () => {
      const taken = store.transaction(async (tx) => {
        await tx.nextReference(2032);
        throw new Error('refused');
      });
      await expect(taken).rejects.toThrow('refused');
      expect(await store.transaction((tx) => tx.nextReference(2032)))
        .toBe('SA/2032/0001');
    });

    it('refuses a year that is not four digits', async () => {
      await expect(store.transaction((tx) => tx.nextReference(26)))
        .rejects.toThrow('four digits, not 26');
    });
  });

  describe('findMeasureIds', () => {
    let bru: MeasureAggregate;
    let ant: MeasureAggregate;
    let active: MeasureAggregate;

    beforeAll(async () => {
      bru = await insertRequest();
      ant = await insertRequest({ code: '5347', arrondissementCode: 'ANT' });
      active = await insertFull();
    });

    const mine = (ids: string[]) => ids.filter((id) =>
      [bru, ant, active].some((a) => a.measure.id === id));

    it('matches statuses, zones and arrondissements', async () => {
      expect(mine(await store.findMeasureIds({ statuses: ['REQUESTED'] })))
        .toEqual([bru.measure.id, ant.measure.id]);
      expect(mine(await store.findMeasureIds({
        managingZoneCodes: ['5339'], statuses: ['ACTIVE', 'REQUESTED'] })))
        .toEqual([bru.measure.id, active.measure.id]);
      expect(mine(await store.findMeasureIds({
        arrondissementCodes: ['ANT'] }))).toEqual([ant.measure.id]);
    });

    it('matches an end date strictly before a day', async () => {
      const before = (day: string) =>
        store.findMeasureIds({ endDateBefore: day }).then(mine);
      expect(await before('2027-04-20')).toEqual([]);
      expect(await before('2027-04-21')).toEqual([active.measure.id]);
    });

    it('matches nothing for an empty list, everything for no filter',
      async () => {
        expect(await store.findMeasureIds({ statuses: [] })).toEqual([]);
        expect(mine(await store.findMeasureIds({}))).toHaveLength(3);
      });

    it('refuses a malformed date, showing it', async () => {
      await expect(store.findMeasureIds({ endDateBefore: '1/1/2027' }))
        .rejects.toThrow('"1/1/2027"');
    });
  });

  describe('effects outbox', () => {
    const at = (seconds: number) =>
      new Date(Date.parse(T0) + seconds * 1000).toISOString();

    /** Due effects of the measures of this test only. */
    async function due(now: string, ids: string[], limit = 100) {
      const found = await store.dueEffects(now, limit);
      return found.filter((e) => ids.includes(e.measureId));
    }

    it('numbers the effects after the measure\'s last one, pending',
      async () => {
        const { measure } = await insertRequest();
        await store.transaction((tx) => tx.enqueueEffects(measure.id,
          effects('BNG_ALARM_MENTION', 'BNG_NO_CONTACT_ORDER'), at(0)));
        await store.transaction((tx) => tx.enqueueEffects(measure.id,
          effects('VICTIM_SUPPORT_REFERRAL'), at(5)));
        const [list] = await store.effectsByMeasureId([measure.id]);
        expect(list!.map((e) => [e.sequence, e.kind, e.status, e.attempts,
          e.nextAttemptAt])).toEqual([
          [1, 'BNG_ALARM_MENTION', 'PENDING', 0, at(0)],
          [2, 'BNG_NO_CONTACT_ORDER', 'PENDING', 0, at(0)],
          [3, 'VICTIM_SUPPORT_REFERRAL', 'PENDING', 0, at(5)],
        ]);
        expect(JSON.parse(list![0]!.payload)).toEqual({ n: expect.any(Number) });
        expect(list![2]!.createdAt).toBe(at(5));
      });

    it('gives only the first pending effect of each measure, oldest first',
      async () => {
        const a = (await insertRequest()).measure.id;
        const b = (await insertRequest()).measure.id;
        await store.transaction(async (tx) => {
          await tx.enqueueEffects(b, effects('MACH_REGISTRATION_COMMENT',
            'DEVICES_RETURN'), at(10));
          await tx.enqueueEffects(a, effects('BNG_ALARM_MENTION',
            'DEVICES_ASSIGNMENT'), at(20));
        });
        const first = await due(at(30), [a, b]);
        expect(first.map((e) => [e.measureId, e.sequence]))
          .toEqual([[b, 1], [a, 1]]);
        expect(await due(at(15), [a, b])).toHaveLength(1);

        await store.markEffectDone(first[0]!.id, at(31));
        const next = await due(at(32), [a, b]);
        expect(next.map((e) => [e.measureId, e.sequence]))
          .toEqual([[b, 2], [a, 1]]);
      });

    it('holds a failed effect, and the later ones of its measure, until '
      + 'its next attempt', async () => {
      const id = (await insertRequest()).measure.id;
      await store.transaction((tx) => tx.enqueueEffects(id,
        effects('BNG_ALARM_MENTION', 'DEVICES_ASSIGNMENT'), at(0)));
      const [first] = await due(at(1), [id]);
      await store.markEffectFailed(first!.id, 'BNG down', at(60));

      expect(await due(at(59), [id])).toEqual([]);
      const again = await due(at(60), [id]);
      expect(again).toEqual([expect.objectContaining({ id: first!.id,
        attempts: 1, lastError: 'BNG down', status: 'PENDING' })]);

      await store.markEffectDone(first!.id, at(61));
      const [list] = await store.effectsByMeasureId([id]);
      expect(list![0]).toMatchObject({ status: 'DONE', attempts: 2,
        doneAt: at(61), lastError: 'BNG down' });
      expect((await due(at(61), [id])).map((e) => e.sequence)).toEqual([2]);
    });

    it('counts the pending effects, due or not, for the outbox backlog',
      async () => {
        const before = await store.pendingEffects();
        const id = (await insertRequest()).measure.id;
        await store.transaction((tx) => tx.enqueueEffects(id,
          effects('BNG_ALARM_MENTION', 'DEVICES_ASSIGNMENT'), at(3600)));
        expect(await store.pendingEffects()).toBe(before + 2);
        const [[first]] = await store.effectsByMeasureId([id]);
        await store.markEffectFailed(first!.id, 'BNG down', at(7200));
        expect(await store.pendingEffects()).toBe(before + 2);
        await store.markEffectDone(first!.id, at(7300));
        expect(await store.pendingEffects()).toBe(before + 1);
      });

    it('answers at most `limit` effects', async () => {
      const ids = [(await insertRequest()).measure.id,
        (await insertRequest()).measure.id];
      for (const id of ids) {
        await store.transaction((tx) => tx.enqueueEffects(id,
          effects('BNG_ALARM_MENTION'), '1990-01-01T00:00:00.000Z'));
      }
      const found = await store.dueEffects(at(0), 1);
      expect(found).toHaveLength(1);
      // The oldest effects of all: these two, created in 1990.
      expect(ids).toContain(found[0]!.measureId);
    });

    it('ignores a second report on an effect done, refuses an unknown id',
      async () => {
        const id = (await insertRequest()).measure.id;
        await store.transaction((tx) => tx.enqueueEffects(id,
          effects('DEVICES_RETURN'), at(0)));
        const [[effect]] = await store.effectsByMeasureId([id]);
        await store.markEffectDone(effect!.id, at(1));
        await store.markEffectFailed(effect!.id, 'late', at(2));
        const [[after]] = await store.effectsByMeasureId([id]);
        expect(after).toMatchObject({ status: 'DONE', attempts: 1,
          lastError: null });
        await expect(store.markEffectDone('nope', at(3)))
          .rejects.toThrow('There is no effect "nope"');
      });

    it('refuses an unknown kind and a bad instant', async () => {
      const id = (await insertRequest()).measure.id;
      const unknown = [{ id: 'e-x', kind: 'FAX', payload: {} }] as never;
      await expect(store.transaction((tx) =>
        tx.enqueueEffects(id, unknown, at(0))))
        .rejects.toThrow('Unknown effect kind "FAX"');
      await expect(store.dueEffects('yesterday', 5))
        .rejects.toThrow('"yesterday"');
      await expect(store.dueEffects(at(0), 0)).rejects.toThrow('not 0');
    });
  });

  describe('journal', () => {
    it('appends, oldest first, across transactions', async () => {
      const aggregate = await insertFull();
      const id = aggregate.measure.id;
      await store.transaction(async (tx) => {
        await tx.appendJournal(entry(id, 2, '2026-12-01T10:00:00+01:00',
          'ALERT'));
        await tx.appendJournal(entry(id, 3, '2026-12-01T09:30:00.000Z',
          'ALERT_CLASSIFICATION'));
      });
      const [journal] = await store.journalByMeasureId([id]);
      expect(journal!.map((e) => [e.action, e.at])).toEqual([
        ['REQUEST', T0],
        ['ALERT', '2026-12-01T09:00:00.000Z'],
        ['ALERT_CLASSIFICATION', '2026-12-01T09:30:00.000Z'],
      ]);
      expect(journal![0]).toEqual(entry(id, 1, T0));
    });

    it('is never updated nor deleted by a change, however many saves',
      async () => {
        const aggregate = await insertFull();
        const id = aggregate.measure.id;
        const statements = await recorder.during(async () => {
          for (let n = 2; n <= 4; n += 1) {
            await store.transaction(async (tx) => {
              const loaded = (await tx.load(id))!;
              await tx.save({ ...loaded, alerts: [], travelNotices: [],
                revisits: loaded.revisits.slice(n - 2) });
              await tx.appendJournal(entry(id, n, T0, 'CHANGE'));
            });
          }
        });
        expect(statements.filter((s) =>
          /^(UPDATE|DELETE)\b[^]*protection_journal/i.test(s))).toEqual([]);
        const [journal] = await store.journalByMeasureId([id]);
        expect(journal!.map((e) => e.id)).toEqual(
          [1, 2, 3, 4].map((n) => `${id}-j${n}`));
      });

    it('refuses an entry id used before', async () => {
      const aggregate = await insertFull();
      const again = store.transaction((tx) =>
        tx.appendJournal(entry(aggregate.measure.id, 1, T0)));
      await expect(again).rejects.toThrow(
        'The protection storage failed during appendJournal');
    });
  });

  describe('territory', () => {
    it('writes the territory file over the tables, idempotently',
      async () => {
        await store.syncTerritory(SHIPPED_TERRITORY);
        const codes = SHIPPED_TERRITORY.zones.map((z) => z.code);
        // The desk contacts stay in the file.
        expect(await store.zonesByCode(codes)).toEqual(
          SHIPPED_TERRITORY.zones.map(({ contact: _contact, ...zone }) =>
            zone));
      });
  });
});
