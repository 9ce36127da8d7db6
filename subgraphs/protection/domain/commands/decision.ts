/**
 * §7.7: the magistrate's negative decision, and the reopening of a
 * refused request on new facts.
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
  type MeasureState,
} from '../../../../adapters/protection/aggregate';
import { invalidInput } from '../errors';
import {
  accept,
  changeOf,
  withMeasure,
  type Change,
  type CommandContext,
} from '../lifecycle';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';

/**
 * A decision on a request comes after the request and, once a refusal
 * was reconsidered (§7.7), after that refusal.
 */
export function decisionFloor(measure: MeasureState): {
  name: string;
  day: string;
} {
  return measure.refusal
    ? { name: 'the refusal of', day: measure.refusal.decidedOn }
    : { name: 'the request of', day: measure.requestedOn };
}

export interface RefuseProtectionInput {
  decidedOn: string;
  reasons: string;
  pvReference: string;
  thirdPartyInformed?: boolean | null;
}

const THIRD_PARTIES: readonly string[] = [
  'TRUSTED_THIRD_PARTY',
  'OTHER_THIRD_PARTY',
];

/**
 * Refuses a request. The refusal is provisional (§7.7). When a third
 * party asked, the magistrate decides whether it is told, and that
 * choice must be recorded; for any other requester there is none.
 */
export function refuseProtection(
  aggregate: MeasureAggregate,
  input: RefuseProtectionInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'refuseProtection');
  const { measure } = aggregate;
  requireNotFuture('decidedOn', input.decidedOn, context);
  requireOnOrAfter(
    'decidedOn',
    input.decidedOn,
    decisionFloor(measure),
    '§7.7',
  );
  const thirdPartyInformed = thirdPartyChoice(
    measure.requester.origin,
    input.thirdPartyInformed ?? null,
  );

  const refusal = {
    decidedOn: input.decidedOn,
    reasons: requireText('reasons', input.reasons, TEXT_LIMITS.reasons),
    thirdPartyInformed,
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
  };
  return changeOf(
    'refuseProtection',
    withMeasure(aggregate, { status: 'REFUSED', refusal }),
    { pvReference: refusal.pvReference },
  );
}

function thirdPartyChoice(
  origin: string,
  informed: boolean | null,
): boolean | null {
  const askedByThirdParty = THIRD_PARTIES.includes(origin);
  if (askedByThirdParty && informed === null) {
    throw invalidInput(
      `The request came from ${origin}: say whether the third party is told of the refusal (thirdPartyInformed, §7.7).`,
      { field: 'thirdPartyInformed' },
    );
  }
  if (!askedByThirdParty && informed !== null) {
    throw invalidInput(
      `thirdPartyInformed applies only to a request from a third party, not from ${origin} (§7.7).`,
      { field: 'thirdPartyInformed' },
    );
  }
  return informed;
}

export interface ReconsiderRequestInput {
  reportedOn: string;
  pvReference: string;
}

/**
 * §7.7: a refusal is provisional; new facts reopen the request. The last
 * refusal stays on record (the journal keeps the reopening), and a grant
 * then needs a hearing and conditions recorded since that refusal.
 */
export function reconsiderRequest(
  aggregate: MeasureAggregate,
  input: ReconsiderRequestInput,
  context: CommandContext,
): Change {
  const { refusal } = accept(aggregate, 'reconsiderRequest');
  requireNotFuture('reportedOn', input.reportedOn, context);
  requireOnOrAfter(
    'reportedOn',
    input.reportedOn,
    { name: 'the refusal of', day: refusal.decidedOn },
    '§7.7',
  );

  return changeOf(
    'reconsiderRequest',
    withMeasure(aggregate, { status: 'REQUESTED' }),
    { pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference) },
  );
}
