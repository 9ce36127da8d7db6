import { generateDemoData } from '../storage/demo-data';
import { BENCH_ZONE, benchData } from './fixture';

describe('bench data', () => {
  const data = benchData(600);
  const zoneMeasures = data.protection.aggregates
    .map(({ measure }) => measure)
    .filter((measure) => measure.managingZoneCode === BENCH_ZONE
      && measure.status === 'ACTIVE');

  it('adds the measures to the zone, after the demo cases left as they are', () => {
    const demo = generateDemoData();
    expect(zoneMeasures).toHaveLength(601);
    expect(data.protection.aggregates.slice(0, 36))
      .toEqual(demo.protection.aggregates);
  });

  it('gives every measure its own suspect, known to BNG and MaCH', () => {
    const suspects = new Set(zoneMeasures.map((m) => m.suspectNationalNumber));
    const recorded = new Set(data.bng.records.map((r) => r.nationalNumber));
    const filed = new Set(data.mach.files.map((f) => f.nationalNumber));
    expect(suspects.size).toBe(zoneMeasures.length);
    for (const suspect of suspects) {
      expect(recorded.has(suspect)).toBe(true);
      expect(filed.has(suspect)).toBe(true);
    }
  });

  it('issues every national number once, past the serials of one day', () => {
    const numbers = data.protection.persons.map((p) => p.nationalNumber);
    expect(numbers.length).toBeGreaterThan(1000);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses a count it cannot hold', () => {
    expect(() => benchData(-1)).toThrow(RangeError);
    expect(() => benchData(1.5)).toThrow(RangeError);
  });
});
