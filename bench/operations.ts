/**
 * The three operations the gateway benchmarks load, each with the caller
 * who asks it and its variables: the intervention briefing a CIC reads
 * when an alert comes in (§3, §7.11.2), a zone's list of its active
 * measures with each suspect's indicators and the devices (§7.2.2), and
 * the magistrate's evaluation view of a request (§7.4.2, §7.6). The
 * documents are those the agencies' front-ends send; the callers are
 * entitled to every field, so every gateway must answer them whole.
 */
import type { MintOptions } from '../runtime/keys';
import { DEMO, type DemoData } from '../storage/demo-data';
import { BENCH_ARRONDISSEMENT, BENCH_ZONE } from './fixture';

/** Who asks: the claims of the caller's token. */
export type BenchCaller = Omit<
  MintOptions,
  'issuer' | 'audience' | 'expiresIn'
>;

export interface BenchOperation {
  /** Short name, as the tables print it. */
  readonly name: 'briefing' | 'zone-list' | 'evaluation';
  readonly operationName: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly caller: BenchCaller;
}

/** Every risk indicator of a suspect's antecedents (§7.4.2). */
const INDICATOR_FIELDS =
  'intraFamilyViolence drugs weapons sexualOffences suicide';

export const BRIEFING_QUERY = /* GraphQL */ `
  query InterventionBriefing($id: ID!) {
    protectionMeasure(id: $id) {
      reference
      alerts {
        id
        raisedAt
        location { latitude longitude accuracyMeters method fixedAt }
      }
      protectedPersons { role person { firstName lastName } }
      suspect {
        firstName
        lastName
        nationalNumber
        antecedentReview { indicators { weapons intraFamilyViolence } }
        bng {
          wanted
          holdsWeapons
          weapons { category }
          noContactOrders { validUntil }
        }
      }
      managingZone { code name contact { phone email } }
    }
  }
`;

/** `$first` measures; the benchmarks of list length vary it. */
export const ZONE_LIST_QUERY = /* GraphQL */ `
  query ZoneActiveMeasures($zoneCode: ID!, $first: Int!) {
    protectionMeasures(zoneCode: $zoneCode, first: $first) {
      id
      reference
      endDate
      protectedPersons { role person { lastName } }
      suspect {
        lastName
        antecedentReview {
          indicators { ${INDICATOR_FIELDS} }
        }
        bng {
          holdsWeapons
          wanted
          noContactOrders { validUntil }
        }
      }
      devices { serial kind status }
    }
  }
`;

export const EVALUATION_QUERY = /* GraphQL */ `
  query EvaluationView($id: ID!, $decidedOn: Date) {
    protectionMeasure(id: $id) {
      reference
      status
      requestedOn
      pvReference
      requester { origin }
      relationship
      evaluations {
        heardOn
        yesCount
        bombFactors
        magistrateToBeToldAtOnce
        answers { fearForLife threatsToKillOrSuicide weaponAffinity }
      }
      conditions { missing }
      decidedOn
      suspect {
        lastName
        antecedentReview(referenceDate: $decidedOn) {
          windowFrom
          windowTo
          files { number index intraFamily openedOn }
          indicators { ${INDICATOR_FIELDS} }
        }
        bng {
          holdsWeapons
          weapons { category permitReference }
          noContactOrders { measureId validUntil }
        }
      }
      arrondissement {
        code
        deviceStock { total { available assigned } }
      }
    }
  }
`;

/** A zone's list as long as `first`, asked by the zone's police. */
export function zoneListOperation(first: number): BenchOperation {
  return {
    name: 'zone-list',
    operationName: 'ZoneActiveMeasures',
    query: ZONE_LIST_QUERY,
    variables: { zoneCode: BENCH_ZONE, first },
    caller: { role: 'police', zone: BENCH_ZONE },
  };
}

/** The three operations over `data` (bench/fixture.ts), in table order. */
export function benchOperations(data: DemoData): readonly BenchOperation[] {
  const evaluated = data.protection.aggregates.find(
    ({ measure }) => measure.id === DEMO.measureIds.activeWithEverything);
  if (evaluated?.measure.decidedOn == null) {
    throw new Error('The bench data lacks the decided demo measure');
  }
  return [
    {
      name: 'briefing',
      operationName: 'InterventionBriefing',
      query: BRIEFING_QUERY,
      variables: { id: DEMO.measureIds.activeWithFalseAlert },
      caller: { role: 'cic', province: 'BE-VAN' },
    },
    zoneListOperation(50),
    {
      name: 'evaluation',
      operationName: 'EvaluationView',
      query: EVALUATION_QUERY,
      variables: {
        id: DEMO.measureIds.activeWithEverything,
        decidedOn: evaluated.measure.decidedOn,
      },
      caller: { role: 'magistrate', arrondissement: BENCH_ARRONDISSEMENT },
    },
  ];
}
