import { openSqlBngAdapter } from '../../adapters/bng';
import { openSqlDevicesAdapter } from '../../adapters/devices';
import { openSqlMachAdapter } from '../../adapters/mach';
import { openSqlProtectionAdapter } from '../../adapters/protection';
import { openSqlVictimSupportAdapter } from '../../adapters/victim-support';
import { checkNationalNumber } from '../../runtime/national-number';
import { describeEachDatabase } from '../../test/support/databases';
import { addMonths, daysBetween } from '../dates';
import { MEASURE_MONTHS } from '../demo/cases';
import {
  generateNationalData,
  nationalOptions,
  type NationalData,
} from './generate';
import { loadNationalData, StoreNotEmptyError } from './load';
import { nationalSummary } from './summary';

/** A small history: one year, a tenth of the national volume. */
const SMALL = { years: 1, scale: 0.1, endDate: '2026-12-01' } as const;

describe('National history: generation', () => {
  let data: NationalData;
  beforeAll(() => {
    data = generateNationalData({ years: 4, endDate: '2026-12-01' });
  });

  it('draws the same history from the same seed, another otherwise', () => {
    const again = generateNationalData({ years: 4, endDate: '2026-12-01' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateNationalData({ years: 4, endDate: '2026-12-01',
      seed: 7 });
    expect(other.protection.measures).not.toEqual(data.protection.measures);
  });

  it('has 12 arrondissements, ~180 zones, the shipped ones unchanged', () => {
    const { arrondissements, zones } = data.protection;
    expect(arrondissements).toHaveLength(12);
    expect(zones.length).toBeGreaterThanOrEqual(175);
    expect(zones.length).toBeLessThanOrEqual(185);
    expect(zones.every((z) => /^5\d{3}$/.test(z.code))).toBe(true);
    expect(new Set(zones.map((z) => z.code)).size).toBe(zones.length);
    expect(zones).toContainEqual({ code: '5345', name: 'Antwerpen',
      arrondissementCode: 'ANT', deployedOn: '2023-12-01' });
  });

  it('takes requests only in zones deployed by then', () => {
    const deployed = new Map(data.protection.zones.map((z) =>
      [z.code, z.deployedOn] as const));
    const requests = data.protection.journal.filter((entry) =>
      entry.action === 'REQUEST');
    expect(requests).toHaveLength(data.protection.measures.length);
    for (const request of requests) {
      const zone = request.actor.organisation!;
      expect(deployed.get(zone)! <= request.at.slice(0, 10)).toBe(true);
    }
  });

  it('revisits a month after the grant, then quarterly, some late', () => {
    const done = data.protection.aggregates.flatMap((a) =>
      a.revisits.filter((r) => r.doneOn !== null));
    for (const { measure, revisits } of data.protection.aggregates) {
      if (revisits.length === 0) continue;
      expect(revisits[0]!.dueOn).toBe(addMonths(measure.startDate!, 1));
    }
    const late = done.filter((r) => daysBetween(r.dueOn, r.doneOn!) > 10);
    expect(late.length / done.length).toBeGreaterThan(0.03);
    expect(late.length / done.length).toBeLessThan(0.15);
  });

  it('sends travel notices to zones deployed by the trip', () => {
    const deployed = new Map(data.protection.zones.map((z) =>
      [z.code, z.deployedOn] as const));
    const notices = data.protection.aggregates.flatMap((a) =>
      a.travelNotices);
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(deployed.get(notice.zoneCode)! <= notice.fromDate).toBe(true);
      expect(notice.announcedOn <= notice.fromDate).toBe(true);
    }
    const late = notices.filter((n) =>
      daysBetween(n.announcedOn, n.fromDate) < 7);
    expect(late.length / notices.length).toBeGreaterThan(0.05);
    expect(late.length / notices.length).toBeLessThan(0.3);
  });

  it('grants after the request, journals in time order', () => {
    const byMeasure = new Map<string, string[]>();
    let previous = { measureId: '', at: '' };
    for (const entry of data.protection.journal) {
      if (entry.measureId === previous.measureId) {
        expect(entry.at >= previous.at).toBe(true);
      }
      previous = entry;
      const actions = byMeasure.get(entry.measureId) ?? [];
      byMeasure.set(entry.measureId, [...actions, entry.action]);
    }
    for (const { measure } of data.protection.aggregates) {
      const actions = byMeasure.get(measure.id)!;
      expect(actions[0]).toBe('REQUEST');
      expect(actions.includes('GRANT')).toBe(measure.startDate !== null);
      expect(measure.version).toBe(actions.length - 1);
    }
  });

  it('draws more requests around the holidays than in spring', () => {
    const inMonths = (months: string[]) => data.protection.measures
      .filter((m) => months.includes(m.requestedOn.slice(5, 7))).length
      / months.length;
    expect(inMonths(['12', '01'])).toBeGreaterThan(
      1.1 * inMonths(['03', '04', '05', '06']));
  });

  it('dates each measure in order, ending by the 9-month rule', () => {
    for (const { measure, prolongations } of data.protection.aggregates) {
      if (measure.decidedOn) {
        expect(measure.decidedOn >= measure.requestedOn).toBe(true);
      }
      if (!measure.startDate) continue;
      let end = addMonths(measure.decidedOn!, MEASURE_MONTHS);
      for (const p of prolongations) {
        expect(p.previousEndDate).toBe(end);
        const later = addMonths(p.incidentOn, MEASURE_MONTHS);
        end = later > end ? later : end;
        expect(p.newEndDate).toBe(end);
      }
      expect(measure.endDate).toBe(end);
      if (measure.endedOn) {
        expect(measure.endedOn > measure.startDate).toBe(true);
        expect(measure.endedOn <= data.referenceDate).toBe(true);
      }
      if (measure.endReason === 'EXPIRED') {
        expect(measure.endedOn! > measure.endDate!).toBe(true);
      }
    }
  });

  it('classes 2 to 6% of alerts as real, each prolonging its measure', () => {
    const alerts = data.protection.aggregates.flatMap((a) => a.alerts);
    const real = alerts.filter((a) => a.classification === 'REAL');
    expect(real.length / alerts.length).toBeGreaterThan(0.02);
    expect(real.length / alerts.length).toBeLessThan(0.06);
    const realProlongations = data.protection.aggregates.flatMap((a) =>
      a.prolongations.filter((p) => p.cause === 'REAL_ALERT'));
    expect(realProlongations).toHaveLength(real.length);
  });

  it('raises alerts only once the device is activated', () => {
    for (const { measure, alerts } of data.protection.aggregates) {
      for (const alert of alerts) {
        expect(alert.raisedAt.slice(0, 10) > measure.deviceActivatedOn!)
          .toBe(true);
      }
    }
  });

  it('activates at the grant, or the day the shortage it met ends', () => {
    const { shortages } = data.devices;
    expect(shortages.length).toBeGreaterThan(0);
    const shortageOf = new Map(shortages.map((s) => [s.measureId, s]));
    let delayed = 0;
    for (const { measure } of data.protection.aggregates) {
      const shortage = shortageOf.get(measure.id);
      if (shortage) expect(shortage.reportedOn).toBe(measure.decidedOn);
      const { startDate, deviceActivatedOn, decidedOn } = measure;
      if (!startDate || deviceActivatedOn === decidedOn) continue;
      // The victim waited for a button (§7.8.7).
      delayed += 1;
      expect(measure.deviceActivatedOn).toBe(shortage!.resolvedOn);
    }
    expect(delayed).toBeGreaterThan(0);
  });

  it('hands a button to each person an active measure protects', () => {
    const held = new Map<string, Set<string>>();
    for (const device of data.devices.devices) {
      if (device.status !== 'ASSIGNED' || device.kind !== 'BUTTON') continue;
      const persons = held.get(device.measureId!) ?? new Set<string>();
      held.set(device.measureId!, persons.add(device.assignedTo!));
    }
    for (const { measure, protectedPersons } of data.protection.aggregates) {
      if (measure.status !== 'ACTIVE' || !measure.deviceActivatedOn) continue;
      expect([...held.get(measure.id)!].sort()).toEqual(
        protectedPersons.map((p) => p.nationalNumber).sort());
    }
  });

  it('leaves one current MaCH comment per granted measure', () => {
    const current = data.mach.comments.filter((c) => c.currentFor);
    const granted = data.protection.measures.filter((m) => m.startDate);
    expect(current).toHaveLength(granted.length);
    const ended = new Set(granted.filter((m) => m.endedOn)
      .map((m) => m.id));
    for (const comment of current) {
      expect(comment.text.startsWith('stalking alarm ayant pris fin'))
        .toBe(ended.has(comment.measureId));
    }
  });

  it('moves the referral with the file, telling victim support', () => {
    const referrals = new Map(data['victim-support'].referrals.map((r) =>
      [r.measureId, r] as const));
    const transfers = data['victim-support'].notices
      .filter((n) => n.kind === 'TRANSFER');
    expect(transfers.length).toBeGreaterThan(0);
    for (const transfer of transfers) {
      const referral = referrals.get(transfer.measureId)!;
      expect(referral.arrondissementCode).not.toBe(transfer.details);
      const measure = data.protection.measures.find((m) =>
        m.id === transfer.measureId)!;
      expect(referral.arrondissementCode).toBe(measure.arrondissementCode);
    }
  });

  it('brings the police in about 10 minutes on average', () => {
    const minutes = data.protection.aggregates.flatMap((a) => a.alerts)
      .filter((a) => a.policeArrivedAt)
      .map((a) => (Date.parse(a.policeArrivedAt!) - Date.parse(a.raisedAt))
        / 60_000);
    const mean = minutes.reduce((s, m) => s + m, 0) / minutes.length;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(12);
    expect(Math.max(...minutes)).toBeGreaterThan(25);
  });

  it('gives every person a valid and unique national number', () => {
    const numbers = data.protection.persons.map((p) => p.nationalNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => checkNationalNumber(n).valid)).toBe(true);
    expect(data.protection.persons.every((p) =>
      p.lastName.startsWith('NAT-'))).toBe(true);
  });

  it('grows as zones deploy', () => {
    const byYear = (year: string) => data.protection.measures
      .filter((m) => m.requestedOn.startsWith(year)).length;
    expect(byYear('2023')).toBeLessThan(byYear('2025'));
  });
});

describe('National history: options', () => {
  it('refuses a bad option, naming its value', () => {
    expect(() => nationalOptions({ years: 0 })).toThrow('got 0');
    expect(() => nationalOptions({ endDate: '2026-13-01' }))
      .toThrow('got 2026-13-01');
    expect(() => nationalOptions({ scale: -1 })).toThrow('got -1');
  });
});

describeEachDatabase('National history: loading', (getOptions) => {
  const data = generateNationalData(SMALL);
  let counts: Record<string, number>;

  beforeAll(async () => {
    counts = await loadNationalData(data, getOptions());
  });

  it('writes the rows it counts; the adapters read them back', async () => {
    const summary = nationalSummary(data);
    expect(counts.protection_measure).toBe(summary.requests);
    expect(counts.devices_shortage).toBe(summary.shortages);
    expect(counts.vs_referral).toBe(summary.referrals);
    const ids = data.protection.measures.map((m) => m.id);
    const protection = await openSqlProtectionAdapter(getOptions());
    const devices = await openSqlDevicesAdapter(getOptions());
    const support = await openSqlVictimSupportAdapter(getOptions());
    const bng = await openSqlBngAdapter(getOptions());
    const mach = await openSqlMachAdapter(getOptions());
    try {
      const measures = await protection.measuresById(ids);
      expect(measures.filter((m) => m !== null)).toHaveLength(ids.length);
      const aggregates = await protection.aggregatesById(ids);
      expect(aggregates).toEqual(data.protection.aggregates);
      const registrations = await devices.grantRegistrationsByMeasureId(ids);
      expect(registrations.filter((r) => r !== null))
        .toHaveLength(counts.devices_grant_registration!);
      const referrals = await support.referralsByMeasureId(ids);
      expect(referrals.filter((r) => r !== null))
        .toHaveLength(counts.vs_referral!);
      const notices = await support.noticesByMeasureId(ids);
      expect(notices.flat()).toHaveLength(counts.vs_notice!);
      const comments = await mach.registrationCommentsByMeasureId(ids);
      expect(comments.flat())
        .toHaveLength(counts.mach_registration_comment!);
      const records = await bng.policeRecordsByNationalNumber(
        data.bng.records.map((r) => r.nationalNumber));
      expect(records.filter((r) => r !== null))
        .toHaveLength(counts.bng_person!);
    } finally {
      await Promise.all([protection, devices, support, bng, mach]
        .map((a) => a.close()));
    }
  });

  it('refuses a store that holds rows, unless told to replace', async () => {
    await expect(loadNationalData(data, getOptions()))
      .rejects.toThrow(StoreNotEmptyError);
    const again = await loadNationalData(data, getOptions(),
      { replace: true });
    expect(again).toEqual(counts);
  });
});
