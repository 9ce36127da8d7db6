import { checkNationalNumber } from '../runtime/national-number';
import { addDays, addMonths } from './dates';
import { DEMO, generateDemoData } from './demo-data';

const data = generateDemoData();
const { measures, persons, protectedPersons, zones } = data.protection;
const granted = measures.filter(
  (m) => m.status === 'ACTIVE' || m.status === 'ENDED');
const active = measures.filter((m) => m.status === 'ACTIVE');

function measure(id: string) {
  const found = measures.find((m) => m.id === id);
  if (!found) throw new Error(`No demo measure ${id}`);
  return found;
}

function aggregate(id: string) {
  const found = data.protection.aggregates.find((a) => a.measure.id === id);
  if (!found) throw new Error(`No demo aggregate ${id}`);
  return found;
}

function recordOf(nationalNumber: string) {
  return data.bng.records.find((r) => r.nationalNumber === nationalNumber);
}

describe('Demo data: determinism', () => {
  it('is the same on every generation', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('defaults to the reference date 2026-12-01', () => {
    expect(data.referenceDate).toBe('2026-12-01');
    expect(generateDemoData({ referenceDate: '2026-12-01' })).toEqual(data);
  });

  it('draws another data set from another seed', () => {
    const other = generateDemoData({ seed: 1 });
    expect(other.protection.persons).not.toEqual(persons);
  });

  it('rejects a malformed reference date', () => {
    expect(() => generateDemoData({ referenceDate: '01/12/2026' }))
      .toThrow('"01/12/2026"');
  });
});

describe('Demo data: persons', () => {
  it('gives everyone a valid national number, never twice the same', () => {
    const numbers = persons.map((p) => p.nationalNumber);
    for (const number of numbers) {
      expect(checkNationalNumber(number)).toMatchObject({ valid: true });
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('marks every last name as synthetic', () => {
    for (const person of persons) {
      expect(person.lastName).toMatch(/^DEMO-/);
    }
  });

  it('follows the serial parity of the national register for men', () => {
    for (const person of persons.filter((p) => p.gender === 'MALE')) {
      expect(Number(person.nationalNumber.slice(6, 9)) % 2).toBe(1);
    }
  });
});

describe('Demo data: territory and measures', () => {
  it('spans 5 arrondissements with 2 or 3 zones, one not deployed', () => {
    const { arrondissements } = data.protection;
    expect(arrondissements).toHaveLength(5);
    for (const { code } of arrondissements) {
      const own = zones.filter((z) => z.arrondissementCode === code);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.filter((z) => z.deployedOn === null)).toHaveLength(1);
    }
  });

  it('has 36 measures in every state, mostly active', () => {
    const count = (status: string) =>
      measures.filter((m) => m.status === status).length;
    expect(measures).toHaveLength(36);
    expect(count('ACTIVE')).toBe(20);
    expect(count('ENDED')).toBe(8);
    expect(count('REFUSED')).toBe(4);
    expect(count('REQUESTED')).toBe(4);
    const reasons = new Set(measures.map((m) => m.endReason));
    expect(reasons.size).toBe(7); // the six reasons and null
  });

  it('ends each granted measure 9 calendar months after the decision, '
    + 'or as its last prolongation says (§7.10)', () => {
    for (const m of granted) {
      const last = aggregate(m.id).prolongations.at(-1);
      expect(m.startDate).toBe(m.decidedOn);
      expect(m.endDate).toBe(last?.newEndDate ?? addMonths(m.decidedOn!, 9));
    }
    expect(measure(DEMO.measureIds.activeMonthEnd)).toMatchObject({
      decidedOn: '2026-07-31',
      endDate: '2027-04-30',
    });
  });

  it('keeps each status consistent with its dates', () => {
    const today = data.referenceDate;
    for (const m of measures) {
      expect(m.requestedOn <= today).toBe(true);
      expect(m.decidedOn === null).toBe(m.status === 'REQUESTED');
      expect(m.endReason === null).toBe(m.status !== 'ENDED');
      if (m.status === 'ACTIVE') expect(m.endDate! > today).toBe(true);
      if (m.status === 'ENDED') {
        expect(m.endedOn! <= today).toBe(true);
        // An expired measure protects through its end date (§7.12.2).
        const last = m.endReason === 'EXPIRED'
          ? addDays(m.endDate!, 1)
          : m.endDate!;
        expect(m.endedOn! <= last).toBe(true);
      }
    }
  });

  it('manages every measure from a zone of its arrondissement deployed '
    + 'before the decision', () => {
    for (const m of measures) {
      const zone = zones.find((z) => z.code === m.managingZoneCode);
      expect(zone?.arrondissementCode).toBe(m.arrondissementCode);
      expect(zone?.deployedOn).not.toBeNull();
      expect(zone!.deployedOn! <= (m.decidedOn ?? m.requestedOn))
        .toBe(true);
    }
  });

  it('lists the victim first among each measure\'s protected persons', () => {
    for (const m of measures) {
      const own = protectedPersons.filter((p) => p.measureId === m.id);
      expect(own[0]?.role).toBe('VICTIM');
      expect(own.filter((p) => p.role === 'VICTIM')).toHaveLength(1);
    }
  });
});

describe('Demo data: other systems', () => {
  it('gives each active measure an assigned device and a referral', () => {
    const { devices } = data.devices;
    const referrals = data['victim-support'].referrals;
    for (const m of active) {
      expect(devices.some((d) =>
        d.measureId === m.id && d.status === 'ASSIGNED')).toBe(true);
      expect(referrals.some((r) => r.measureId === m.id)).toBe(true);
    }
  });

  it('refers every granted measure and no other (§7.8.3)', () => {
    const referred = data['victim-support'].referrals.map((r) => r.measureId);
    expect(referred.sort()).toEqual(granted.map((m) => m.id).sort());
  });

  it('has no-contact orders covering each granted measure to its end '
    + '(§7.8.4)', () => {
    for (const m of granted) {
      const orders = recordOf(m.suspectNationalNumber)?.noContactOrders
        .filter((o) => o.measureId === m.id);
      expect(orders).toHaveLength(1);
      expect(orders![0]!.validUntil >= m.endDate!).toBe(true);
      expect(orders![0]!.validFrom >= m.decidedOn!).toBe(true);
    }
  });

  it('mentions the alarm on every person a granted measure protects '
    + '(§7.8.1)', () => {
    const grantedIds = new Set(granted.map((m) => m.id));
    for (const p of protectedPersons.filter((p) =>
      grantedIds.has(p.measureId))) {
      expect(recordOf(p.nationalNumber)?.alarmMention).not.toBeNull();
    }
  });

  it('answers each device\'s last report from its report history', () => {
    const { devices, dailyReports } = data.devices;
    for (const device of devices) {
      const own = dailyReports.filter((r) => r.serial === device.serial);
      const last = own[own.length - 1];
      expect(device.lastReport).toEqual(
        last ? { ...last, serial: undefined } : null);
    }
  });

  it('mixes the indices the magistrate weighs (§7.4.2) with others', () => {
    const indices = new Set(data.mach.files.map((f) => f.index));
    for (const index of ['60', '36', '37', '32', '43']) {
      expect(indices.has(index)).toBe(true);
    }
    const statuses = new Set(data.mach.files.map((f) => f.status));
    expect(statuses).toEqual(new Set(['OPEN', 'DISMISSED', 'JUDGED']));
    for (const file of data.mach.files) {
      expect(file.dismissalReason === null).toBe(file.status !== 'DISMISSED');
    }
  });

  it('refers only to measures, persons and zones that exist', () => {
    const measureIds = new Set(measures.map((m) => m.id));
    const numbers = new Set(persons.map((p) => p.nationalNumber));
    const zoneCodes = new Set(zones.map((z) => z.code));
    const referred = [
      ...data.bng.records.map((r) => numbers.has(r.nationalNumber)),
      ...data.mach.files.map((f) => numbers.has(f.nationalNumber)),
      ...data.devices.devices.flatMap((d) => [
        d.measureId === null || measureIds.has(d.measureId),
        d.assignedTo === null || numbers.has(d.assignedTo),
        d.zoneCode === null || zoneCodes.has(d.zoneCode),
      ]),
      ...data['victim-support'].referrals.map((r) =>
        measureIds.has(r.measureId)),
    ];
    expect(referred).not.toContain(false);
  });
});

describe('Demo data: well-known ids (DEMO)', () => {
  const ids = DEMO.measureIds;
  const numbers = DEMO.nationalNumbers;

  it('names an active measure with everything around it', () => {
    const m = measure(ids.activeWithEverything);
    expect(m.status).toBe('ACTIVE');
    expect(m.suspectNationalNumber).toBe(numbers.suspectOfActiveWithEverything);
    const suspect = recordOf(m.suspectNationalNumber)!;
    expect(suspect.weapons.length).toBeGreaterThan(0);
    expect(suspect.noContactOrders.map((o) => o.measureId)).toContain(m.id);
    expect(data.mach.files.filter((f) =>
      f.nationalNumber === m.suspectNationalNumber).length).toBeGreaterThan(3);
    expect(protectedPersons.filter((p) => p.measureId === m.id)).toEqual([
      { measureId: m.id, nationalNumber: numbers.victimOfActiveWithEverything,
        role: 'VICTIM', discernmentRecorded: false, agreementSigned: true },
      // §7.9: a child of 9 with discernment, too young to sign.
      { measureId: m.id, nationalNumber: numbers.childOfActiveWithEverything,
        role: 'CHILD', discernmentRecorded: true, agreementSigned: false },
    ]);
    const serials = data.devices.devices
      .filter((d) => d.measureId === m.id).map((d) => d.serial);
    expect(serials).toEqual([
      DEMO.serials.buttonOfActiveWithEverything,
      DEMO.serials.phoneOfActiveWithEverything,
    ]);
    expect(data['victim-support'].referrals.find((r) =>
      r.measureId === m.id)?.id).toBe(DEMO.referralIds.activeWithEverything);
  });

  it('names a suspect without antecedents or weapons', () => {
    const m = measure(ids.activeWithoutAntecedents);
    expect(data.mach.files.some((f) =>
      f.nationalNumber === m.suspectNationalNumber)).toBe(false);
    expect(recordOf(m.suspectNationalNumber)?.weapons).toEqual([]);
  });

  it('names a victim protected by an ended then an active measure', () => {
    const own = protectedPersons
      .filter((p) => p.nationalNumber === numbers.victimOfTwoMeasures)
      .map((p) => p.measureId);
    expect(own).toEqual([ids.endedExpired, ids.activeAfterEarlierMeasure]);
    expect(measure(ids.endedExpired).endReason).toBe('EXPIRED');
    expect(recordOf(numbers.victimOfTwoMeasures)?.alarmMention?.measureId)
      .toBe(ids.activeAfterEarlierMeasure);
  });

  it('names a measure ending soon whose button went quiet', () => {
    const m = measure(ids.activeEndingSoon);
    expect(m.endDate).toBe('2026-12-13');
    const device = data.devices.devices.find((d) =>
      d.serial === DEMO.serials.staleReport);
    expect(device?.measureId).toBe(m.id);
    expect(device?.lastReport?.receivedAt.slice(0, 10)).toBe('2026-11-25');
  });

  it('names the other states and an arrondissement out of stock', () => {
    expect(measure(ids.requested).status).toBe('REQUESTED');
    expect(recordOf(measure(ids.requested).suspectNationalNumber))
      .toBeUndefined();
    expect(measure(ids.refused).status).toBe('REFUSED');
    expect(measure(ids.endedOnRequest).endReason).toBe('PERSON_REQUEST');
    expect(recordOf(measure(ids.activeWantedSuspect).suspectNationalNumber)
      ?.wanted).toBe(true);
    expect(data.devices.devices.filter((d) =>
      d.arrondissementCode === DEMO.arrondissementWithoutStock
      && d.status === 'AVAILABLE')).toEqual([]);
  });
});
