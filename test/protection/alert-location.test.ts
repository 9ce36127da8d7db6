/**
 * §3: where the protected person is while the alarm call lasts. The CIC
 * of the province records the alert with the 112 app's first position
 * fix, then each later fix as it arrives, possibly out of order; the
 * intervention briefing reads the managing zone's desk. Through the
 * gateway, on both databases.
 */
import { describeEachDatabase } from '../support/databases';
import {
  grantedMeasure,
  startProtectionGraph,
  type Caller,
  type MeasurePlace,
  type ProtectionGraph,
} from './support';

const TODAY = '2026-12-10';
/** Antwerpen (reference/territory.json): its CIC is the province's. */
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const PROVINCE = 'BE-VAN';

/** Pressed at 09:40 in Brussels; the clock reads 10:00 (09:00 UTC). */
const RAISED_AT = `${TODAY}T08:40:00Z`;

interface Fix {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  confidencePercent: number;
  method: 'GNSS' | 'WIFI' | 'CELL';
  fixedAt: string;
}

/** A fix near Antwerpen-Centraal, `seconds` after the press. */
function fix(seconds: number, method: Fix['method'] = 'GNSS'): Fix {
  const at = new Date(Date.parse(RAISED_AT) + seconds * 1000);
  return {
    latitude: 51.2172 + seconds / 1e6,
    longitude: 4.4211,
    accuracyMeters: method === 'CELL' ? 900 : 8.5,
    confidencePercent: 68,
    method,
    fixedAt: at.toISOString(),
  };
}

/** The call's briefing, which the CIC reads. */
const LOCATED_QUERY = /* GraphQL */ `
  query Located($id: ID!) {
    protectionMeasure(id: $id) {
      managingZone { code contact { phone email } }
      alerts { id location { ...Fix } track { ...Fix } }
    }
  }
  fragment Fix on AmlLocation {
    latitude longitude accuracyMeters confidencePercent method fixedAt
  }
`;

/** The file's journal, which only the managing zone and parquet read. */
const JOURNAL_QUERY = /* GraphQL */ `
  query Journal($id: ID!) {
    protectionMeasure(id: $id) { journal { action actorRole } }
  }
`;

interface Located {
  managingZone: {
    code: string;
    contact: { phone: string; email: string } | null;
  };
  alerts: { id: string; location: Fix | null; track: Fix[] }[];
}

interface JournalEntry {
  action: string;
  actorRole: string;
}

describeEachDatabase('§3 alert locations', (storage) => {
  let graph: ProtectionGraph;
  let cic: Caller;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(TODAY);
    cic = graph.cic(PROVINCE);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  async function located(): Promise<Located> {
    const data = await cic.data<{ protectionMeasure: Located }>(
      LOCATED_QUERY, { id: measureId });
    return data.protectionMeasure;
  }

  async function journal(): Promise<JournalEntry[]> {
    const data = await graph.police(ANTWERPEN.zone).data<{
      protectionMeasure: { journal: JournalEntry[] };
    }>(JOURNAL_QUERY, { id: measureId });
    return data.protectionMeasure.journal;
  }

  /** What the CIC reads of the call and what the zone reads of the file. */
  async function everything() {
    return { briefing: await located(), journal: await journal() };
  }

  async function alert(id: string) {
    const found = (await located()).alerts.find((a) => a.id === id);
    if (!found) throw new Error(`No alert ${id}`);
    return found;
  }

  function sendFix(alertId: string, location: Fix) {
    return cic.mutate('recordAlertLocation',
      { measureId, alertId, location });
  }

  it('§3: keeps the newest fix as the location when fixes come out of '
    + 'order, and every fix in the track', async () => {
    await cic.mutate('recordAlert', {
      measureId, alertId: 'located', raisedAt: RAISED_AT,
      location: fix(0, 'CELL'),
    });
    await sendFix('located', fix(60));
    await sendFix('located', fix(30, 'WIFI'));

    const { location, track } = await alert('located');
    expect(location).toEqual(fix(60));
    expect(track).toEqual([fix(0, 'CELL'), fix(30, 'WIFI'), fix(60)]);
    expect((await journal()).filter((entry) => entry.action.startsWith('ALERT')))
      .toEqual([
        { action: 'ALERT', actorRole: 'cic' },
        { action: 'ALERT_LOCATION', actorRole: 'cic' },
        { action: 'ALERT_LOCATION', actorRole: 'cic' },
      ]);
  });

  it('§3: answers the time of a fix in UTC, whatever its offset', async () => {
    await cic.mutate('recordAlert',
      { measureId, alertId: 'offset', raisedAt: RAISED_AT });
    await sendFix('offset', { ...fix(90), fixedAt: `${TODAY}T09:41:30+01:00` });

    const { location } = await alert('offset');
    expect(location?.fixedAt).toBe(`${TODAY}T08:41:30.000Z`);
  });

  it('§3: an invalid latitude is INVALID_INPUT and changes nothing',
    async () => {
      const before = await everything();

      const error = await cic.refused('recordAlertLocation', {
        measureId, alertId: 'located',
        location: { ...fix(120), latitude: 91 },
      });

      expect(error.code).toBe('INVALID_INPUT');
      expect(error.extensions.field).toBe('location.latitude');
      expect(await everything()).toEqual(before);
    });

  it('§3: a fix sent twice is recorded once', async () => {
    const before = await everything();
    await sendFix('located', fix(30, 'WIFI'));
    expect(await everything()).toEqual(before);
  });

  it('§3: an alert recorded before any fix has no location yet', async () => {
    await cic.mutate('recordAlert',
      { measureId, alertId: 'unlocated', raisedAt: RAISED_AT });
    expect(await alert('unlocated')).toEqual(
      { id: 'unlocated', location: null, track: [] });
  });

  it('§3: a fix of an alert the measure does not hold is NOT_FOUND',
    async () => {
      const error = await cic.refused('recordAlertLocation',
        { measureId, alertId: 'never-raised', location: fix(10) });
      expect(error.code).toBe('NOT_FOUND');
    });

  it('§3: the police of the managing zone record fixes too, another '
    + 'province\'s CIC may not', async () => {
    await graph.police(ANTWERPEN.zone).mutate('recordAlertLocation',
      { measureId, alertId: 'unlocated', location: fix(45) });
    expect((await alert('unlocated')).location).toEqual(fix(45));

    const error = await graph.cic('BE-BRU').refused('recordAlertLocation',
      { measureId, alertId: 'unlocated', location: fix(75) });
    expect(error.code).toBe('FORBIDDEN');
    expect((await alert('unlocated')).track).toEqual([fix(45)]);
  });

  it('§7.11.2: the briefing reads the managing zone\'s desk contact',
    async () => {
      const { managingZone } = await located();
      expect(managingZone).toEqual({
        code: '5345',
        contact: {
          phone: '+32 2 555 53 45',
          email: 'alarm.5345@police.example',
        },
      });
    });

  it('§3: the CIC reads the call\'s briefing, not the file\'s journal',
    async () => {
      const error = await cic.error(JOURNAL_QUERY, { id: measureId });
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'ProtectionMeasure.journal is for police:managing-zone, '
          + 'magistrate:parquet; this caller is cic of BE-VAN.',
      });
    });
});
