/**
 * §7.3: a request for the alarm, routed to the residence's zone and
 * parquet (§7.2.1, §7.2.2) whoever made it.
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
  type Requester,
} from '../../../../adapters/protection/aggregate';
import type {
  Relationship,
  RequestOrigin,
} from '../../../../adapters/protection/types';
import { invalidInput, unknownZone, unreachable } from '../errors';
import { changeOf, type Change, type CommandContext } from '../lifecycle';
import type { ZoneInfo } from '../territory';
import {
  personFrom,
  requireNotFuture,
  requireText,
  type PersonInput,
} from '../validate';

export interface RequestProtectionInput {
  origin: RequestOrigin;
  pvReference: string;
  requestedOn: string;
  residenceZoneCode: string;
  victim: PersonInput;
  suspect: PersonInput;
  relationship: Relationship;
  requesterZoneCode?: string | null;
  requesterArrondissementCode?: string | null;
  requesterDescription?: string | null;
}

/** The store's ids for the new measure. */
export interface NewMeasureIds {
  measureId: string;
  /** Human-readable, e.g. SA/2026/0007. */
  reference: string;
}

/**
 * Creates the measure, REQUESTED. The residence zone becomes the managing
 * zone and its arrondissement's parquet the deciding one; who asked is
 * kept in `requester`. The residence need not be deployed yet: that is
 * condition 1 of §7.5, checked at the decision.
 */
export function requestProtection(
  input: RequestProtectionInput,
  context: CommandContext,
  ids: NewMeasureIds,
): Change {
  requireNotFuture('requestedOn', input.requestedOn, context);
  const residence = context.territory.zone(input.residenceZoneCode);
  if (!residence) throw unknownZone(input.residenceZoneCode, 'residence zone');

  const victim = personFrom('victim', input.victim, input.requestedOn);
  const suspect = personFrom('suspect', input.suspect, input.requestedOn);
  if (victim.nationalNumber === suspect.nationalNumber) {
    throw invalidInput('The victim and the suspect are the same person.');
  }

  const aggregate: MeasureAggregate = {
    measure: {
      id: ids.measureId,
      reference: ids.reference,
      status: 'REQUESTED',
      version: 1, // the store inserts a new measure at version 1
      relationship: input.relationship,
      arrondissementCode: residence.arrondissementCode,
      managingZoneCode: residence.code,
      requester: requesterOf(input, residence, context),
      pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
      requestedOn: input.requestedOn,
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
    protectedPersons: [
      {
        nationalNumber: victim.nationalNumber,
        role: 'VICTIM',
        discernmentRecorded: false,
        agreementSigned: false,
      },
    ],
    evaluations: [],
    conditions: null,
    prolongations: [],
    reEvaluationDecisions: [],
    revisits: [],
    travelNotices: [],
    alerts: [],
    newFacts: [],
  };
  return changeOf('requestProtection', aggregate, {
    pvReference: aggregate.measure.pvReference,
    persons: [victim, suspect],
  });
}

/**
 * §7.3: each origin names its requester in one way only. The residence's
 * own police and parquet are filled in; another zone or parquet must be
 * named and known; a third party or the judge is described as in the PV.
 */
function requesterOf(
  input: RequestProtectionInput,
  residence: ZoneInfo,
  context: CommandContext,
): Requester {
  const { origin } = input;
  switch (origin) {
    case 'PERSON':
      onlyFields(input, []);
      return requester(origin, {});
    case 'RESIDENCE_POLICE':
      onlyFields(input, ['requesterZoneCode']);
      sameAs(
        input.requesterZoneCode,
        residence.code,
        'requesterZoneCode',
        'the residence zone',
        'OTHER_POLICE_ZONE',
      );
      return requester(origin, { zoneCode: residence.code });
    case 'OTHER_POLICE_ZONE':
      onlyFields(input, ['requesterZoneCode']);
      return requester(origin, {
        zoneCode: otherZone(input.requesterZoneCode, residence, context),
      });
    case 'PARQUET':
      onlyFields(input, ['requesterArrondissementCode']);
      sameAs(
        input.requesterArrondissementCode,
        residence.arrondissementCode,
        'requesterArrondissementCode',
        "the residence's arrondissement",
        'OTHER_PARQUET',
      );
      return requester(origin, {
        arrondissementCode: residence.arrondissementCode,
      });
    case 'OTHER_PARQUET':
      onlyFields(input, ['requesterArrondissementCode']);
      return requester(origin, {
        arrondissementCode: otherParquet(
          input.requesterArrondissementCode,
          residence,
          context,
        ),
      });
    case 'TRUSTED_THIRD_PARTY':
    case 'OTHER_THIRD_PARTY':
    case 'INVESTIGATING_JUDGE':
      onlyFields(input, ['requesterDescription']);
      return requester(origin, {
        description: described(input.requesterDescription, origin),
      });
    default:
      return unreachable(origin);
  }
}

const REQUESTER_FIELDS = [
  'requesterZoneCode',
  'requesterArrondissementCode',
  'requesterDescription',
] as const;
type RequesterField = (typeof REQUESTER_FIELDS)[number];

function onlyFields(
  input: RequestProtectionInput,
  allowed: readonly RequesterField[],
): void {
  const extra = REQUESTER_FIELDS.filter(
    (field) => !allowed.includes(field) && (input[field] ?? null) !== null,
  );
  if (extra.length > 0) {
    throw invalidInput(
      `A request from ${input.origin} does not take ${extra.join(', ')} (§7.3).`,
      { fields: extra },
    );
  }
}

function requester(
  origin: RequestOrigin,
  fields: Partial<Omit<Requester, 'origin'>>,
): Requester {
  return {
    origin,
    zoneCode: fields.zoneCode ?? null,
    arrondissementCode: fields.arrondissementCode ?? null,
    description: fields.description ?? null,
  };
}

function sameAs(
  given: string | null | undefined,
  expected: string,
  field: string,
  what: string,
  otherOrigin: RequestOrigin,
): void {
  if (given != null && given !== expected) {
    throw invalidInput(
      `${field} ${given} is not ${what} (${expected}): use origin ${otherOrigin} (§7.3).`,
      { field },
    );
  }
}

/** §7.3.2: another zone sends its request to the residence's zone. */
function otherZone(
  code: string | null | undefined,
  residence: ZoneInfo,
  context: CommandContext,
): string {
  if (code == null) {
    throw invalidInput(
      'A request from OTHER_POLICE_ZONE needs requesterZoneCode (§7.3.2).',
      { field: 'requesterZoneCode' },
    );
  }
  if (!context.territory.zone(code)) throw unknownZone(code, 'requesting zone');
  if (code === residence.code) {
    throw invalidInput(
      `requesterZoneCode ${code} is the residence zone: use origin RESIDENCE_POLICE (§7.3.2).`,
      { field: 'requesterZoneCode' },
    );
  }
  return code;
}

/** §7.3.3: another parquet passes the file to the residence's parquet. */
function otherParquet(
  code: string | null | undefined,
  residence: ZoneInfo,
  context: CommandContext,
): string {
  if (code == null) {
    throw invalidInput(
      'A request from OTHER_PARQUET needs requesterArrondissementCode (§7.3.3).',
      { field: 'requesterArrondissementCode' },
    );
  }
  if (!context.territory.arrondissement(code)) {
    throw invalidInput(
      `requesterArrondissementCode ${code} is not a known arrondissement (§7.3.3).`,
      { field: 'requesterArrondissementCode' },
    );
  }
  if (code === residence.arrondissementCode) {
    throw invalidInput(
      `requesterArrondissementCode ${code} is the residence's arrondissement: use origin PARQUET (§7.3.3).`,
      { field: 'requesterArrondissementCode' },
    );
  }
  return code;
}

/** §7.3.4, §7.8.2: a third party or the judge, as named in the PV. */
function described(
  description: string | null | undefined,
  origin: RequestOrigin,
): string {
  if (description == null || description.trim() === '') {
    throw invalidInput(
      `A request from ${origin} needs requesterDescription (§7.3.4, §7.8.2).`,
      { field: 'requesterDescription' },
    );
  }
  return requireText(
    'requesterDescription',
    description,
    TEXT_LIMITS.description,
  );
}
