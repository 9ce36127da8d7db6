/**
 * The demo MaCH: the parquets' files naming each suspect (application
 * 145). §7.4.2 and §7.6 single out intra-family files and indices 60, 36,
 * 37 and 32 in the 3 years before the decision; the demo mixes those with
 * other indices, dismissed and judged files, and files older than 3 years.
 */
import type { JudicialFileRecord } from '../../adapters/mach/types';
import { addDays } from '../dates';
import type { Prng } from '../prng';
import type { DemoCase } from './cases';
import { compareText, pad } from './text';

export interface FileIndexEntry {
  code: string;
  label: string;
}

/** The four indices the circular names, then illustrative others. */
export const DEMO_FILE_INDICES: readonly FileIndexEntry[] = [
  { code: '60', label: 'Stupéfiants' },
  { code: '36', label: 'Armes' },
  { code: '37', label: 'Infractions sexuelles' },
  { code: '32', label: 'Suicide ou tentative de suicide' },
  { code: '43', label: 'Coups et blessures volontaires' },
  { code: '38', label: 'Harcèlement' },
  { code: '55', label: 'Menaces' },
  { code: '51', label: 'Vol' },
  { code: '49', label: 'Dégradations' },
];

const LABELS = new Map(DEMO_FILE_INDICES.map((i) => [i.code, i.label]));

const INDEX_WEIGHTS: readonly (readonly [string, number])[] = [
  ['60', 14], ['36', 10], ['37', 8], ['32', 5], ['43', 20], ['38', 15],
  ['55', 15], ['51', 8], ['49', 5],
];

/** Indices where a file is usually intra-family violence. */
const FAMILY_PRONE = new Set(['43', '38', '55']);

const DISMISSAL_REASONS = [
  'Charges insuffisantes',
  'Opportunité',
  'Médiation pénale réussie',
  'Pas d’infraction',
];

/** The short arrondissement prefix of a file number. */
const FILE_PREFIXES: Readonly<Record<string, string>> = {
  BRU: 'BR', ANT: 'AN', OVL: 'OV', LIE: 'LI', NAM: 'NA',
};

type FileSketch = Pick<JudicialFileRecord, 'index' | 'status'> & {
  daysBefore: number;
  intraFamily: boolean;
};

/** The heavy profile: every index that weighs, one file past 3 years. */
const HEAVY_FILES: readonly FileSketch[] = [
  { index: '43', status: 'OPEN', daysBefore: 40, intraFamily: true },
  { index: '60', status: 'OPEN', daysBefore: 300, intraFamily: false },
  { index: '32', status: 'DISMISSED', daysBefore: 480, intraFamily: true },
  { index: '36', status: 'JUDGED', daysBefore: 700, intraFamily: false },
  { index: '37', status: 'DISMISSED', daysBefore: 900, intraFamily: true },
  { index: '51', status: 'JUDGED', daysBefore: 1600, intraFamily: false },
];

/** Each suspect's files, newest first (the adapter's order). */
export function demoJudicialFiles(
  cases: readonly DemoCase[],
  prng: Prng,
): JudicialFileRecord[] {
  const files: JudicialFileRecord[] = [];
  const seen = new Set<string>();
  for (const demoCase of cases) {
    const suspect = demoCase.suspect.nationalNumber;
    if (seen.has(suspect)) continue;
    seen.add(suspect);
    const own = sketchFiles(demoCase, prng).map((sketch, i) =>
      fileFrom(sketch, demoCase, files.length + i + 1, prng));
    files.push(...own.sort(newestFirst));
  }
  return files;
}

function sketchFiles(demoCase: DemoCase, prng: Prng): FileSketch[] {
  switch (demoCase.plan.suspect ?? 'DRAWN') {
    case 'HEAVY':
      return [...HEAVY_FILES];
    case 'CLEAN':
      return [];
    case 'DRAWN':
      return Array.from({ length: prng.int(0, 4) }, () => {
        const index = prng.weighted(INDEX_WEIGHTS);
        return {
          index,
          status: prng.weighted([['OPEN', 40], ['DISMISSED', 35],
            ['JUDGED', 25]] as const),
          daysBefore: prng.int(20, 2200),
          intraFamily: prng.chance(FAMILY_PRONE.has(index) ? 0.6 : 0.15),
        };
      });
  }
}

function fileFrom(
  sketch: FileSketch,
  demoCase: DemoCase,
  sequence: number,
  prng: Prng,
): JudicialFileRecord {
  const { measure } = demoCase;
  const openedOn = addDays(measure.decidedOn ?? measure.requestedOn,
    -sketch.daysBefore);
  // Most files sit with the parquet of the measure; some elsewhere.
  const arrondissementCode = prng.chance(0.8)
    ? measure.arrondissementCode
    : prng.pick(Object.keys(FILE_PREFIXES));
  // Arrondissements outside the demo (the national history's) take the
  // first two letters of their code.
  const prefix = FILE_PREFIXES[arrondissementCode]
    ?? arrondissementCode.slice(0, 2);
  const year = openedOn.slice(2, 4);
  return {
    number: `${prefix}.${sketch.index}.L1.${pad(sequence, 6)}/${year}`,
    nationalNumber: demoCase.suspect.nationalNumber,
    index: sketch.index,
    indexLabel: LABELS.get(sketch.index) ?? sketch.index,
    openedOn,
    status: sketch.status,
    dismissalReason: sketch.status === 'DISMISSED'
      ? prng.pick(DISMISSAL_REASONS)
      : null,
    intraFamily: sketch.intraFamily,
    arrondissementCode,
  };
}

function newestFirst(a: JudicialFileRecord, b: JudicialFileRecord): number {
  return compareText(b.openedOn, a.openedOn)
    || compareText(b.number, a.number);
}
