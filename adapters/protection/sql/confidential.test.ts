import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import {
  StatementRecorder,
  describeEachDatabase,
  hasTable,
  undoMigrationsThrough,
} from '../../../test/support/databases';
import {
  requestedAggregate,
  testPerson,
} from '../../../test/support/protection';
import { openDataSource } from '../../../storage/data-source';
import type { MeasureAggregate } from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import type { ConfidentialContactRecord } from '../types';
import { protectionSchema } from './schema';

const TABLE = 'protection_confidential_contact';
const AT = '2026-12-01T08:00:00.000Z';

let counter = 0;

function contactOf(
  aggregate: MeasureAggregate,
  overrides: Partial<ConfidentialContactRecord> = {},
): ConfidentialContactRecord {
  return {
    measureId: aggregate.measure.id,
    nationalNumber: aggregate.protectedPersons[0]!.nationalNumber,
    address: {
      street: 'Rue Secrète', number: '12', box: 'B3', postalCode: '1050',
      municipality: 'Ixelles', country: 'BE',
    },
    phone: '+32470123456',
    email: 'person@example.be',
    knownToSuspect: false,
    recordedAt: AT,
    ...overrides,
  };
}

describeEachDatabase('§7.8.5 confidential contacts in the store',
  (getOptions) => {
    const recorder = new StatementRecorder();
    let store: SqlProtectionAdapter;

    beforeAll(async () => {
      store = await openSqlProtectionAdapter(getOptions(), {
        territory: SHIPPED_TERRITORY,
        logger: recorder,
      });
    });

    afterAll(() => store.close());

    async function insertRequest(): Promise<MeasureAggregate> {
      counter += 1;
      const id = `confidential-${counter}`;
      const victim = testPerson('1992-02-02', `Victim${counter}`);
      const suspect = testPerson('1980-08-08', `Suspect${counter}`);
      const aggregate = requestedAggregate(id,
        `SA/1998/${String(counter).padStart(4, '0')}`, suspect, victim);
      await store.transaction(async (tx) => {
        await tx.upsertPersons([victim, suspect]);
        await tx.insert(aggregate);
      });
      return aggregate;
    }

    it('reads back what was recorded, one list per measure', async () => {
      const first = await insertRequest();
      const second = await insertRequest();
      const contact = contactOf(first);
      await store.transaction((tx) => tx.replaceConfidentialContact(contact));
      const answers = await recorder.during(async () => {
        expect(await store.confidentialContactsByMeasureId(
          [first.measure.id, second.measure.id, 'nope']))
          .toEqual([[contact], [], []]);
      });
      expect(answers.filter((sql) => sql.includes(TABLE))).toHaveLength(1);
    });

    it('replaces every field of what was recorded before', async () => {
      const aggregate = await insertRequest();
      await store.transaction((tx) =>
        tx.replaceConfidentialContact(contactOf(aggregate)));
      const replaced = contactOf(aggregate, {
        address: null, email: null, knownToSuspect: true,
        recordedAt: '2026-12-02T10:00:00+01:00',
      });
      await store.transaction((tx) => tx.replaceConfidentialContact(replaced));
      const [[record]] = await store.confidentialContactsByMeasureId(
        [aggregate.measure.id]);
      expect(record).toEqual({ ...replaced,
        recordedAt: '2026-12-02T09:00:00.000Z' });
    });

    it('is never read with an aggregate, nor lost when one is saved',
      async () => {
        const aggregate = await insertRequest();
        await store.transaction((tx) =>
          tx.replaceConfidentialContact(contactOf(aggregate)));
        const statements = await recorder.during(async () => {
          await store.aggregatesById([aggregate.measure.id]);
          await store.journalByMeasureId([aggregate.measure.id]);
          await store.effectsByMeasureId([aggregate.measure.id]);
          await store.transaction(async (tx) => {
            const loaded = await tx.load(aggregate.measure.id);
            // Every part rewritten, the protected persons among them.
            await tx.save({ ...loaded!, protectedPersons: [
              { ...loaded!.protectedPersons[0]!, agreementSigned: true }] });
          });
        });
        expect(statements.join('\n')).not.toContain(TABLE);
        const [found] = await store.confidentialContactsByMeasureId(
          [aggregate.measure.id]);
        expect(found).toHaveLength(1);
      });

    it('refuses a malformed record without showing its values',
      async () => {
        const aggregate = await insertRequest();
        const bad = contactOf(aggregate, { phone: '0470 12 34 56' });
        const failure = store.transaction((tx) =>
          tx.replaceConfidentialContact(bad));
        await expect(failure).rejects.toThrow(TypeError);
        await expect(failure).rejects.not.toThrow(/0470/);
        const long = contactOf(aggregate, { address: {
          ...contactOf(aggregate).address!, street: 'S'.repeat(101) } });
        await expect(store.transaction((tx) =>
          tx.replaceConfidentialContact(long))).rejects.toThrow(
          'street must have at most 100 characters, not 101');
        const empty = contactOf(aggregate,
          { address: null, phone: null, email: null });
        await expect(store.transaction((tx) =>
          tx.replaceConfidentialContact(empty))).rejects.toThrow(TypeError);
        expect(await store.confidentialContactsByMeasureId(
          [aggregate.measure.id])).toEqual([[]]);
      });

    it('comes with its own migration, which can be undone', async () => {
      const source = await openDataSource('protection', getOptions(),
        protectionSchema);
      try {
        expect(await hasTable(source, TABLE)).toBe(true);
        await undoMigrationsThrough(source,
          'ProtectionConfidentialContact1765420000000');
        expect(await hasTable(source, TABLE)).toBe(false);
        await source.runMigrations();
        expect(await hasTable(source, TABLE)).toBe(true);
      } finally {
        await source.destroy();
      }
    });
  });
