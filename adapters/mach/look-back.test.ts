import {
  indicatorsOf,
  lookBackWindow,
  reviewAntecedents,
} from './look-back';
import type { JudicialFileRecord } from './types';

let sequence = 0;

/** A file of suspect 95100200362; by default an index-36 file. */
function file(
  openedOn: string,
  changes: Partial<JudicialFileRecord> = {},
): JudicialFileRecord {
  sequence += 1;
  return {
    number: `AN.36.L1.${String(sequence).padStart(6, '0')}/24`,
    nationalNumber: '95100200362',
    index: '36',
    indexLabel: 'Armes',
    openedOn,
    status: 'OPEN',
    dismissalReason: null,
    intraFamily: false,
    arrondissementCode: 'ANT',
    ...changes,
  };
}

/** The opening days of the files the review keeps. */
function keptDays(
  listing: JudicialFileRecord[],
  referenceDate: string,
): string[] {
  return reviewAntecedents(listing, referenceDate).files
    .map((kept) => kept.openedOn);
}

describe('lookBackWindow (§7.4.2)', () => {
  it('runs from the same day three years before to the reference day', () => {
    expect(lookBackWindow('2026-10-02'))
      .toEqual({ from: '2023-10-02', to: '2026-10-02' });
  });

  it('starts on 28 February when the reference day is a 29 February', () => {
    expect(lookBackWindow('2028-02-29'))
      .toEqual({ from: '2025-02-28', to: '2028-02-29' });
  });

  it('refuses a malformed reference day, showing it', () => {
    expect(() => lookBackWindow('2026-02-30')).toThrow('"2026-02-30"');
  });
});

describe('reviewAntecedents: the window\'s edges', () => {
  const reference = '2026-10-02';

  it('keeps a file opened exactly three years before the reference day',
    () => {
      expect(keptDays([file('2023-10-02')], reference))
        .toEqual(['2023-10-02']);
    });

  it('leaves out a file opened one day earlier', () => {
    expect(keptDays([file('2023-10-01')], reference)).toEqual([]);
  });

  it('keeps a file opened on the reference day itself', () => {
    expect(keptDays([file('2026-10-02')], reference))
      .toEqual(['2026-10-02']);
  });

  it('leaves out a file opened after the reference day', () => {
    expect(keptDays([file('2026-10-03')], reference)).toEqual([]);
  });

  it('on a 29 February, keeps 28 February three years back, not the 27th',
    () => {
      const listing = [file('2025-02-28'), file('2025-02-27')];
      expect(keptDays(listing, '2028-02-29')).toEqual(['2025-02-28']);
    });

  it('on a 28 February, keeps the 29 February of a leap year after it',
    () => {
      const listing = [file('2024-02-29'), file('2024-02-28'),
        file('2024-02-27')];
      expect(keptDays(listing, '2027-02-28'))
        .toEqual(['2024-02-29', '2024-02-28']);
    });
});

describe('reviewAntecedents: which files count', () => {
  const reference = '2026-10-02';

  it('keeps a dismissed index-36 file: dismissal changes nothing', () => {
    const dismissed = file('2025-01-10', {
      status: 'DISMISSED',
      dismissalReason: 'Opportunité',
    });
    expect(reviewAntecedents([dismissed], reference).files)
      .toEqual([dismissed]);
  });

  it('keeps an intra-family file whatever its index, e.g. 43', () => {
    const beating = file('2025-01-10',
      { index: '43', indexLabel: 'Coups', intraFamily: true });
    expect(reviewAntecedents([beating], reference).files).toEqual([beating]);
  });

  it('leaves out a theft (index 51) outside the family', () => {
    const theft = file('2025-01-10', { index: '51', indexLabel: 'Vol' });
    expect(reviewAntecedents([theft], reference).files).toEqual([]);
  });

  it('keeps indices 60, 36, 37 and 32, and the listing\'s order', () => {
    const listing = ['60', '51', '36', '37', '43', '32'].map((index, i) =>
      file(`2026-0${9 - i}-01`, { index }));
    expect(reviewAntecedents(listing, reference).files.map((f) => f.index))
      .toEqual(['60', '36', '37', '32']);
  });
});

describe('reviewAntecedents: the indicators', () => {
  it('says which indicators are present and how many files raise each',
    () => {
      const listing = [
        file('2026-09-01', { index: '43', intraFamily: true }),
        // Intra-family and sexual offence: it raises both.
        file('2026-05-01', { index: '37', intraFamily: true }),
        file('2025-11-01', { index: '60' }),
        file('2025-10-01', { index: '60', status: 'JUDGED' }),
        file('2022-01-01', { index: '32' }),
        file('2025-03-01', { index: '51' }),
      ];
      const review = reviewAntecedents(listing, '2026-10-02');
      expect(review.windowFrom).toBe('2023-10-02');
      expect(review.windowTo).toBe('2026-10-02');
      expect(review.counts).toEqual({
        intraFamilyViolence: 2,
        drugs: 2,
        weapons: 0,
        sexualOffences: 1,
        suicide: 0,
      });
      expect(review.indicators).toEqual({
        intraFamilyViolence: true,
        drugs: true,
        weapons: false,
        sexualOffences: true,
        suicide: false,
      });
    });

  it('answers an empty review, every indicator absent, for no files', () => {
    const review = reviewAntecedents([], '2026-10-02');
    expect(review.files).toEqual([]);
    expect(Object.values(review.indicators)).not.toContain(true);
    expect(Object.values(review.counts)).toEqual([0, 0, 0, 0, 0]);
  });

  it('names no indicator for a file outside the five groups', () => {
    expect(indicatorsOf({ index: '51', intraFamily: false })).toEqual([]);
    expect(indicatorsOf({ index: '32', intraFamily: true }))
      .toEqual(['intraFamilyViolence', 'suicide']);
  });
});
