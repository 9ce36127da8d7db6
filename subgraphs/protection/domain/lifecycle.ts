/**
 * The life of a measure (COL 03/2023 §7) as a discriminated union of its
 * four states, the table of which command each state accepts, and the
 * shape every command returns.
 *
 *   REQUESTED ──grant──▶ ACTIVE ──end early / expire / move──▶ ENDED
 *       │  ▲
 *   refuse  reconsider
 *       ▼  │
 *     REFUSED
 */
import type {
  MeasureAggregate,
  MeasureState,
  PersonState,
  Refusal,
} from '../../../adapters/protection/aggregate';
import type {
  EndReason,
  MeasureStatus,
} from '../../../adapters/protection/types';
import type { Clock } from './clock';
import type { TypedEffect } from './effects';
import { DomainError, unreachable } from './errors';
import type { RulesConfig } from './rules';
import type { Territory } from './territory';

/** What every command may read besides the aggregate and its input. */
export interface CommandContext {
  clock: Clock;
  territory: Territory;
  rules: RulesConfig;
  /** A fresh unique id (effects, notices, travel notices). */
  newId(): string;
}

/**
 * The outcome of a command, saved by the store in one transaction. A
 * command that changes nothing (a repeated alert, the same class given
 * twice) returns the very aggregate it was given: see `isNoOp`.
 */
export interface Change {
  aggregate: MeasureAggregate;
  /** Persons to insert or update (request, grant). */
  persons: PersonState[];
  action: JournalAction;
  pvReference: string | null;
  /** In the order the other systems must apply them. */
  effects: TypedEffect[];
  /** The alert the change records a fact of (§7.11.2); else absent. */
  alertId?: string;
}

/** The dates every granted measure has. */
export interface GrantPeriod {
  decidedOn: string;
  startDate: string;
  /** The planned end, moved by prolongations (§7.10). */
  endDate: string;
}

export type MeasureLifecycle =
  | { status: 'REQUESTED'; measure: MeasureState }
  | { status: 'REFUSED'; measure: MeasureState; refusal: Refusal }
  | { status: 'ACTIVE'; measure: MeasureState; period: GrantPeriod }
  | {
      status: 'ENDED';
      measure: MeasureState;
      period: GrantPeriod;
      endedOn: string;
      endReason: EndReason;
    };

export type LifecycleIn<S extends MeasureStatus> = Extract<
  MeasureLifecycle,
  { status: S }
>;

/**
 * Reads the measure as its state. A stored measure that lacks what its
 * status implies (an ACTIVE one without end date) is corrupt: that is an
 * internal error, not the client's.
 */
export function lifecycleOf(measure: MeasureState): MeasureLifecycle {
  switch (measure.status) {
    case 'REQUESTED':
      return { status: 'REQUESTED', measure };
    case 'REFUSED':
      return {
        status: 'REFUSED',
        measure,
        refusal: stored(measure, 'refusal', measure.refusal),
      };
    case 'ACTIVE':
      return { status: 'ACTIVE', measure, period: periodOf(measure) };
    case 'ENDED':
      return {
        status: 'ENDED',
        measure,
        period: periodOf(measure),
        endedOn: stored(measure, 'endedOn', measure.endedOn),
        endReason: stored(measure, 'endReason', measure.endReason),
      };
    default:
      return unreachable(measure.status);
  }
}

function periodOf(measure: MeasureState): GrantPeriod {
  return {
    decidedOn: stored(measure, 'decidedOn', measure.decidedOn),
    startDate: stored(measure, 'startDate', measure.startDate),
    endDate: stored(measure, 'endDate', measure.endDate),
  };
}

function stored<T>(measure: MeasureState, field: string, value: T | null): T {
  if (value === null) {
    throw new Error(
      `Measure ${measure.id} is ${measure.status} but has no ${field}`,
    );
  }
  return value;
}

/**
 * Which status each command accepts, the journal action it writes and
 * the section it applies. An ENDED measure takes only the late paperwork
 * of its alerts raised while it ran (class, police arrival, position
 * fixes, end of the call) and the return of its devices.
 */
export const COMMANDS = {
  requestProtection: { statuses: [], action: 'REQUEST', section: '§7.3' },
  recordEvaluation: {
    statuses: ['REQUESTED', 'ACTIVE'],
    action: 'EVALUATION',
    section: '§7.4, §7.6',
  },
  recordConditions: {
    statuses: ['REQUESTED', 'ACTIVE'],
    action: 'CONDITIONS',
    section: '§7.5',
  },
  refuseProtection: {
    statuses: ['REQUESTED'],
    action: 'REFUSAL',
    section: '§7.7',
  },
  reconsiderRequest: {
    statuses: ['REFUSED'],
    action: 'RECONSIDERATION',
    section: '§7.7',
  },
  grantProtection: {
    statuses: ['REQUESTED'],
    action: 'GRANT',
    section: '§7.8',
  },
  recordDeviceActivation: {
    statuses: ['ACTIVE'],
    action: 'DEVICE_ACTIVATION',
    section: '§7.8.1',
  },
  recordRevisit: {
    statuses: ['ACTIVE'],
    action: 'REVISIT',
    section: '§7.11.3',
  },
  announceTravel: {
    statuses: ['ACTIVE'],
    action: 'TRAVEL_NOTICE',
    section: '§7.11.1',
  },
  forwardTravelNotice: {
    statuses: ['ACTIVE'],
    action: 'TRAVEL_NOTICE_FORWARDED',
    section: '§7.11.1',
  },
  recordAlert: { statuses: ['ACTIVE'], action: 'ALERT', section: '§7.11.2' },
  classifyAlert: {
    statuses: ['ACTIVE', 'ENDED'],
    action: 'ALERT_CLASSIFICATION',
    section: '§7.11.2, §7.10.2',
  },
  recordPoliceArrival: {
    statuses: ['ACTIVE', 'ENDED'],
    action: 'POLICE_ARRIVAL',
    section: '§7.11.2',
  },
  recordAlertLocation: {
    statuses: ['ACTIVE', 'ENDED'],
    action: 'ALERT_LOCATION',
    section: '§3, §7.11.2',
  },
  closeAlertCall: {
    statuses: ['ACTIVE', 'ENDED'],
    action: 'ALERT_CALL_END',
    section: '§3',
  },
  recordNewFacts: {
    statuses: ['ACTIVE'],
    action: 'NEW_FACTS',
    section: '§7.11.3, §7.10.2',
  },
  decideReEvaluation: {
    statuses: ['ACTIVE'],
    action: 'RE_EVALUATION_DECISION',
    section: '§7.12.1',
  },
  recordMove: { statuses: ['ACTIVE'], action: 'MOVE', section: '§7.2.3' },
  acknowledgeTransfer: {
    statuses: ['ACTIVE'],
    action: 'TRANSFER_ACKNOWLEDGED',
    section: '§7.2.3',
  },
  endProtectionEarly: {
    statuses: ['ACTIVE'],
    action: 'EARLY_END',
    section: '§7.12.3',
  },
  expire: { statuses: ['ACTIVE'], action: 'EXPIRY', section: '§7.12.2' },
  recordDeviceReturn: {
    statuses: ['ENDED'],
    action: 'DEVICE_RETURN',
    section: '§7.12.2',
  },
  requestRenewedOffer: {
    statuses: ['ACTIVE'],
    action: 'RENEWED_OFFER_REQUEST',
    section: '§7.8.3, §7.12.2',
  },
  recordConfidentialContact: {
    statuses: ['REQUESTED', 'ACTIVE'],
    action: 'CONFIDENTIAL_CONTACT',
    section: '§7.8.5',
  },
} as const satisfies Record<
  string,
  { statuses: readonly MeasureStatus[]; action: string; section: string }
>;

export type CommandName = keyof typeof COMMANDS;
export type JournalAction = (typeof COMMANDS)[CommandName]['action'];
type AcceptedStatus<C extends CommandName> =
  (typeof COMMANDS)[C]['statuses'][number];

/**
 * The measure's state when `command` applies to it; otherwise an
 * ILLEGAL_TRANSITION naming the command and the status.
 */
export function accept<C extends CommandName>(
  aggregate: MeasureAggregate,
  command: C,
): LifecycleIn<AcceptedStatus<C>> {
  const lifecycle = lifecycleOf(aggregate.measure);
  const statuses: readonly AcceptedStatus<C>[] = COMMANDS[command].statuses;
  if (isIn(lifecycle, statuses)) return lifecycle;

  const { reference, status } = aggregate.measure;
  throw new DomainError(
    'ILLEGAL_TRANSITION',
    `${command} does not apply to measure ${reference}, which is ${status}: it needs a measure that is ${statuses.join(' or ')} (${COMMANDS[command].section}).`,
    { command, status, accepted: statuses },
  );
}

function isIn<S extends MeasureStatus>(
  lifecycle: MeasureLifecycle,
  statuses: readonly S[],
): lifecycle is LifecycleIn<S> {
  const accepted: readonly MeasureStatus[] = statuses;
  return accepted.includes(lifecycle.status);
}

/** The change a command makes; its journal action comes from COMMANDS. */
export function changeOf(
  command: CommandName,
  aggregate: MeasureAggregate,
  parts: {
    pvReference: string | null;
    effects?: TypedEffect[];
    persons?: PersonState[];
    alertId?: string;
  },
): Change {
  const change: Change = {
    aggregate,
    persons: parts.persons ?? [],
    action: COMMANDS[command].action,
    pvReference: parts.pvReference,
    effects: parts.effects ?? [],
  };
  return parts.alertId === undefined
    ? change
    : { ...change, alertId: parts.alertId };
}

/** A repeated command: same aggregate, nothing to save or send. */
export function noChange(
  command: CommandName,
  aggregate: MeasureAggregate,
): Change {
  return changeOf(command, aggregate, { pvReference: null });
}

/** True when the store has nothing to save: no journal entry either. */
export function isNoOp(before: MeasureAggregate, change: Change): boolean {
  return (
    change.aggregate === before &&
    change.effects.length === 0 &&
    change.persons.length === 0
  );
}

/** The aggregate with some fields of its measure replaced. */
export function withMeasure(
  aggregate: MeasureAggregate,
  patch: Partial<MeasureState>,
): MeasureAggregate {
  return { ...aggregate, measure: { ...aggregate.measure, ...patch } };
}
