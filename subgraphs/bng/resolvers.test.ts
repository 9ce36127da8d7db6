import { openSqlBngAdapter } from '../../adapters/bng';
import type { BngAdapter } from '../../adapters/bng/types';
import type { Identity } from '../../runtime/identity';
import { addDays } from '../../storage/dates';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import { describeEachDatabase } from '../../test/support/databases';
import {
  personEntities,
  personKeys,
  subgraphClient,
  type SubgraphClient,
} from '../../test/support/subgraph';
import { bngSubgraph } from './index';

const demo = generateDemoData();
const measureOf = (id: string) =>
  demo.protection.measures.find((m) => m.id === id)!;
const everything = measureOf(DEMO.measureIds.activeWithEverything);
const wantedSuspect = measureOf(DEMO.measureIds.activeWantedSuspect)
  .suspectNationalNumber;

const police: Identity = { subject: 'pol-1', role: 'police', zone: '5345' };

interface RecordAnswer {
  _entities: {
    nationalNumber: string;
    bng: null | {
      wanted: boolean;
      wantedReason: string | null;
      alarmMention: { measureId: string } | null;
      interventions: {
        occurredOn: string;
        nature: string;
        zone: { code: string };
      }[];
      noContactOrders: {
        measureId: string;
        validUntil: string;
        onLastDay: boolean;
        dayAfter: boolean;
      }[];
    };
  }[];
}

describeEachDatabase('the BNG subgraph', (getOptions) => {
  let adapter: BngAdapter;
  let bng: SubgraphClient;

  beforeAll(async () => {
    adapter = await openSqlBngAdapter(getOptions(), { seedDemo: demo });
    bng = subgraphClient(bngSubgraph(adapter));
  });

  afterAll(async () => {
    await bng.stop();
    await adapter.close();
  });

  async function recordsOf(numbers: string[]) {
    const query = personEntities(`bng {
      wanted wantedReason
      alarmMention { measureId }
      interventions { occurredOn nature zone { code } }
      noContactOrders {
        measureId validUntil
        onLastDay: coversUntil(date: $end)
        dayAfter: coversUntil(date: $dayAfter)
      }
    }`, '$end: Date!, $dayAfter: Date!');
    const result = await bng.run<RecordAnswer>(police, query, {
      ...personKeys(numbers),
      end: everything.endDate,
      dayAfter: addDays(everything.endDate!, 1),
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map((entity) => entity.bng);
  }

  it('lists the interventions at the address, the zone as a reference',
    async () => {
      const [suspect] = await recordsOf([everything.suspectNationalNumber]);
      expect(suspect?.interventions.map((i) => i.nature))
        .toEqual(['DOMESTIC_VIOLENCE', 'THREATS', 'DISTURBANCE']);
      expect(suspect?.interventions[0]?.zone)
        .toEqual({ code: everything.managingZoneCode });
    });

  it('says whether the order covers a day: its last day yes, after no',
    async () => {
      const [suspect] = await recordsOf([everything.suspectNationalNumber]);
      expect(suspect?.noContactOrders).toEqual([{
        measureId: everything.id,
        validUntil: everything.endDate,
        onLastDay: true,
        dayAfter: false,
      }]);
    });

  it('never shows the alarm on the suspect\'s side, only the victim\'s',
    async () => {
      const [suspect, victim] = await recordsOf([
        everything.suspectNationalNumber,
        DEMO.nationalNumbers.victimOfActiveWithEverything,
      ]);
      expect(suspect?.alarmMention).toBeNull();
      expect(victim?.alarmMention).toEqual({ measureId: everything.id });
    });

  it('refuses to put the alarm on the suspect\'s record, which stays bare',
    async () => {
      // §7.8.4: the order says who the suspect is; a mention of the same
      // measure for that person is a caller's mistake.
      const other = measureOf(DEMO.measureIds.activeWithoutAntecedents);
      await expect(adapter.upsertAlarmMention({
        nationalNumber: other.suspectNationalNumber,
        measureId: other.id,
        registeredOn: other.decidedOn!,
        validUntil: other.endDate!,
      })).rejects.toMatchObject({ code: 'MENTION_ON_SUSPECT' });
      const [suspect] = await recordsOf([other.suspectNationalNumber]);
      expect(suspect?.alarmMention).toBeNull();
    });

  it('says why a wanted suspect is wanted, as a category only', async () => {
    const [sought, notSought] = await recordsOf(
      [wantedSuspect, everything.suspectNationalNumber]);
    expect(sought).toMatchObject({ wanted: true, wantedReason: 'TO_BE_HEARD' });
    expect(notSought).toMatchObject({ wanted: false, wantedReason: null });
  });
});
