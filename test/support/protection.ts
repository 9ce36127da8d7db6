/**
 * Measure aggregates for the protection store's tests: one with every
 * part filled, in the shipped territory (zone 5339, Bruxelles), with
 * persons whose national numbers are valid but made up.
 */
import type {
  AmlLocation,
  MeasureAggregate,
  PersonState,
} from '../../adapters/protection/aggregate';
import { makeNationalNumber } from '../../runtime/national-number';

let serial = 1;

/**
 * A made-up person born on `birthDate`; the national number changes on
 * each call (for about 500 calls per birth date).
 */
export function testPerson(birthDate: string, lastName: string): PersonState {
  serial = serial >= 995 ? 3 : serial + 2;
  return {
    nationalNumber: makeNationalNumber(birthDate, serial),
    firstName: 'Test',
    lastName: `TEST-${lastName}`,
    birthDate,
    gender: 'FEMALE',
  };
}

/**
 * Three fixes of the 112 app in Ixelles, oldest first: a cell fix from
 * before the press, then Wi-Fi and GNSS. Degrees to the full precision
 * of a double, so that a store that cuts digits shows.
 */
export function ixellesTrack(): AmlLocation[] {
  return [
    { latitude: 50.8336771234567, longitude: 4.3669987654321,
      accuracyMeters: 850, confidencePercent: 68, method: 'CELL',
      fixedAt: '2026-06-10T19:41:50.000Z' },
    { latitude: 50.833412, longitude: 4.367123, accuracyMeters: 35.5,
      confidencePercent: 68, method: 'WIFI',
      fixedAt: '2026-06-10T19:42:20.000Z' },
    { latitude: 50.8331, longitude: 4.3675, accuracyMeters: 4.2,
      confidencePercent: 95, method: 'GNSS',
      fixedAt: '2026-06-10T19:42:50.000Z' },
  ];
}

export interface AggregateFixture {
  aggregate: MeasureAggregate;
  /** Victim, child, then suspect: upsert them before inserting. */
  persons: PersonState[];
}

/** An active measure with two of every list and every optional part. */
export function fullAggregate(id: string, reference: string): AggregateFixture {
  const victim = testPerson('1990-04-12', 'Victim');
  const child = testPerson('2015-06-01', 'Child');
  const suspect = testPerson('1985-01-30', 'Suspect');
  const aggregate: MeasureAggregate = {
    measure: {
      id,
      reference,
      status: 'ACTIVE',
      version: 3,
      relationship: 'EX_PARTNER',
      arrondissementCode: 'BRU',
      managingZoneCode: '5339',
      requester: {
        origin: 'OTHER_POLICE_ZONE',
        zoneCode: '5340',
        arrondissementCode: null,
        description: null,
      },
      pvReference: 'PV/5339/2026/000101',
      requestedOn: '2026-03-02',
      decidedOn: '2026-03-05',
      startDate: '2026-03-05',
      endDate: '2027-04-20',
      endedOn: null,
      endReason: null,
      suspectNationalNumber: suspect.nationalNumber,
      underInvestigation: true,
      investigatingJudgeInformedOn: '2026-03-06',
      deviceActivatedOn: '2026-03-05',
      devicesReturnedOn: null,
      refusal: null,
      pendingTransfer: {
        toZoneCode: '5345',
        toArrondissementCode: 'ANT',
        requestedOn: '2026-11-20',
      },
    },
    protectedPersons: [
      { nationalNumber: victim.nationalNumber, role: 'VICTIM',
        discernmentRecorded: false, agreementSigned: true },
      { nationalNumber: child.nationalNumber, role: 'CHILD',
        discernmentRecorded: true, agreementSigned: false },
    ],
    evaluations: [
      {
        heardOn: '2026-03-03',
        pvReference: 'PV/5339/2026/000102',
        relationship: 'EX_PARTNER',
        answers: {
          fearForLife: true, rejectedBreakUp: true,
          threatsToKillOrSuicide: false, pastViolence: true,
          weaponAffinity: false, heavyStalkingInvestment: true,
          uncontrolledAnger: false, destroyedBelongings: true,
        },
        bombFactors: ['STRANGULATION', 'THREATS_TO_KILL'],
        breakUpIntentionsDiverge: true,
        inShelter: false,
        reEvaluation: false,
      },
      {
        heardOn: '2026-11-25',
        pvReference: 'PV/5339/2026/000190',
        relationship: 'EX_PARTNER',
        answers: {
          fearForLife: false, rejectedBreakUp: false,
          threatsToKillOrSuicide: false, pastViolence: false,
          weaponAffinity: false, heavyStalkingInvestment: false,
          uncontrolledAnger: false, destroyedBelongings: false,
        },
        bombFactors: [],
        breakUpIntentionsDiverge: false,
        inShelter: true,
        reEvaluation: true,
      },
    ],
    conditions: {
      recordedOn: '2026-03-03',
      livesInDeployedZone: true,
      withinMaterialScope: true,
      wantsAlarm: true,
      noVoluntaryContact: true,
      filesComplaints: true,
      acceptsUserAgreement: true,
    },
    prolongations: [
      { cause: 'REAL_ALERT', incidentOn: '2026-06-10',
        previousEndDate: '2026-12-05', newEndDate: '2027-03-10',
        decidedOn: '2026-06-10' },
      { cause: 'NEW_FACTS', incidentOn: '2026-07-20',
        previousEndDate: '2027-03-10', newEndDate: '2027-04-20',
        decidedOn: '2026-07-22' },
    ],
    reEvaluationDecisions: [
      { decidedOn: '2026-11-26', outcome: 'LET_END',
        pvReference: 'PV/5339/2026/000191' },
    ],
    revisits: [
      { dueOn: '2026-04-05', doneOn: '2026-04-07',
        pvReference: 'PV/5339/2026/000120' },
      { dueOn: '2026-07-05', doneOn: null, pvReference: null },
    ],
    travelNotices: [
      { id: 'travel-1', kind: 'USUAL_PLACE', zoneCode: '5340',
        fromDate: '2026-03-16', toDate: null, announcedOn: '2026-03-15',
        forwardedOn: '2026-03-16' },
      { id: 'travel-2', kind: 'TRIP', zoneCode: '5415',
        fromDate: '2026-12-20', toDate: '2026-12-27',
        announcedOn: '2026-12-01', forwardedOn: null },
    ],
    alerts: [
      { id: 'alert-1', raisedAt: '2026-06-10T19:42:05.000Z',
        pvReference: 'PV/5339/2026/000150', classification: 'REAL',
        classifiedAt: '2026-06-10T21:00:00.000Z',
        policeArrivedAt: '2026-06-10T19:50:30.000Z',
        magistrateInformed: true,
        callEndedAt: '2026-06-10T19:58:00.000Z',
        location: ixellesTrack()[2]!, track: ixellesTrack() },
      { id: 'alert-2', raisedAt: '2026-08-01T08:00:00.000Z',
        pvReference: null, classification: null, classifiedAt: null,
        policeArrivedAt: null, magistrateInformed: false,
        callEndedAt: null, location: null, track: [] },
    ],
    newFacts: [
      { reportedOn: '2026-07-22', factOn: '2026-07-20',
        pvReference: 'PV/5339/2026/000160', magistrateInformed: true },
      { reportedOn: '2026-09-01', factOn: '2026-08-30',
        pvReference: 'PV/5339/2026/000170', magistrateInformed: true },
    ],
  };
  return { aggregate, persons: [victim, child, suspect] };
}

/** A request just made: the victim only, no other part yet. */
export function requestedAggregate(
  id: string,
  reference: string,
  suspect: PersonState,
  victim: PersonState,
  zone: { code: string; arrondissementCode: string } =
  { code: '5339', arrondissementCode: 'BRU' },
): MeasureAggregate {
  return {
    measure: {
      id,
      reference,
      status: 'REQUESTED',
      version: 0,
      relationship: 'SIBLING',
      arrondissementCode: zone.arrondissementCode,
      managingZoneCode: zone.code,
      requester: { origin: 'PERSON', zoneCode: null,
        arrondissementCode: null, description: null },
      pvReference: `PV/${zone.code}/2026/000001`,
      requestedOn: '2026-11-30',
      decidedOn: null,
      startDate: null,
      endDate: null,
      endedOn: null,
      endReason: null,
      suspectNationalNumber: suspect.nationalNumber,
      underInvestigation: false,
      investigatingJudgeInformedOn: null,
      deviceActivatedOn: null,
      devicesReturnedOn: null,
      refusal: null,
      pendingTransfer: null,
    },
    protectedPersons: [{ nationalNumber: victim.nationalNumber,
      role: 'VICTIM', discernmentRecorded: false, agreementSigned: false }],
    evaluations: [],
    conditions: null,
    prolongations: [],
    reEvaluationDecisions: [],
    revisits: [],
    travelNotices: [],
    alerts: [],
    newFacts: [],
  };
}
