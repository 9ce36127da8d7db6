/**
 * Carries out the changes to a measure: checks who asks, loads the
 * aggregate in a transaction, lets the domain decide, then saves the new
 * aggregate with its journal entry, its effects on the other agency
 * systems and its facts of an alert, all in that one transaction. A
 * refused change writes nothing. Once a change with facts of an alert
 * has committed, their notices go to the gateways (runtime/alerts).
 */
import { GraphQLError } from 'graphql';
import { forbidden } from '../../runtime/errors';
import type {
  Actor,
  MeasureAggregate,
  PersonState,
} from '../../adapters/protection/aggregate';
import type {
  ProtectionStore,
  ProtectionTransaction,
} from '../../adapters/protection/types';
import type { AlertPublisher } from '../../runtime/alerts/bus';
import type { AlertNotice } from '../../runtime/alerts/notice';
import type { Identity, Role } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import {
  alertEventOf,
  alertNoticeOf,
  audienceOf,
} from './domain/alert-events';
import type { Clock } from './domain/clock';
import type { ZoneLocator } from './domain/entitlement';
import { DomainError } from './domain/errors';
import { isNoOp } from './domain/lifecycle';
import { expire } from './domain/commands';
import {
  recordConfidentialContact,
  type ConfidentialContactInput,
} from './domain/confidential';
import { expiryDue } from './domain/views';
import type { RulesConfig } from './domain/rules';
import type { Territory } from './domain/territory';
import type { Change, CommandContext } from './domain/commands';

export interface MeasureServiceOptions {
  readonly store: ProtectionStore;
  readonly territory: Territory;
  /** Where a position fix lies, for the recipients of alert notices. */
  readonly boundaries: ZoneLocator;
  readonly clock: Clock;
  readonly rules: RulesConfig;
  readonly newId: () => string;
  /** Receives the notices of committed alert facts; never awaited. */
  readonly alertPublisher: AlertPublisher;
  /** Where a publisher's failure is reported. */
  readonly logger: Logger;
}

/** A change saved in a transaction, with the notices of its alert facts. */
interface Recorded {
  readonly aggregate: MeasureAggregate;
  /** To publish once the transaction has committed, never before. */
  readonly notices: readonly AlertNotice[];
}

/**
 * A domain command bound to its input. The grant also needs the victim's
 * record (for the age rules), read in the same transaction.
 */
export type Command = (
  aggregate: MeasureAggregate,
  context: CommandContext,
  victim: PersonState,
) => Change;

/** Who may make a change, and over which measures. */
export interface Permission {
  readonly roles: readonly Role[];
  /**
   * The parquet responsible is the one the file is moving to (§7.2.3),
   * not the one that holds it.
   */
  readonly newParquet?: boolean;
}

/** The journal's view of a caller: role and organisation, never a name. */
export function actorOf(identity: Identity): Actor {
  return {
    subject: identity.subject,
    role: identity.role,
    organisation:
      identity.zone ?? identity.arrondissement ?? identity.province ?? null,
  };
}

/** Turns the domain's refusal into the client's error, same code. */
export function toClientError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.details },
  });
}

/**
 * A caller may change a measure when its role is allowed and its
 * organisation is responsible for the measure: the managing zone for the
 * police (§7.2.2), the arrondissement's parquet for a magistrate (§7.2.1),
 * the province's CIC for alerts (§3).
 */
export function checkPermission(
  identity: Identity,
  aggregate: MeasureAggregate,
  permission: Permission,
  territory: Territory,
): void {
  if (!permission.roles.includes(identity.role)) {
    const allowed = permission.roles.join(', ');
    throw forbidden(`Role ${identity.role} may not do this; allowed: ${allowed}.`);
  }
  const { managingZoneCode, pendingTransfer } = aggregate.measure;
  const arrondissementCode = permission.newParquet
    ? pendingTransfer?.toArrondissementCode
    : aggregate.measure.arrondissementCode;
  switch (identity.role) {
    case 'police':
      if (identity.zone !== managingZoneCode) {
        throw forbidden('Only the managing police zone may do this (§7.2.2).');
      }
      return;
    case 'magistrate':
      if (identity.arrondissement !== arrondissementCode) {
        throw forbidden(
          'Only the parquet of the residence may do this (§7.2.1).',
        );
      }
      return;
    case 'cic': {
      const zone = territory.zone(managingZoneCode);
      const arrondissement = zone && territory.arrondissement(zone.arrondissementCode);
      if (identity.province !== arrondissement?.provinceCode) {
        throw forbidden('Only the CIC of the province may do this (§3).');
      }
      return;
    }
    case 'app112':
      // §3: the 112 system takes the alarm call for every measure and
      // speaks for no organisation, so no zone or province is checked.
      // Only the alert mutations list the role (mutations.ts): raising
      // an alert, its position fixes and the end of its call; every
      // other change refuses it at the role check above.
      return;
    case 'victim-support':
    case 'analyst':
    case 'auditor':
    case 'gateway':
      throw forbidden(`Role ${identity.role} may not change a measure.`);
    default: {
      const impossible: never = identity.role;
      throw new Error(`Unknown role ${String(impossible)}`);
    }
  }
}

/** The actor of changes the rules make by themselves, such as expiry. */
const SYSTEM_ACTOR: Actor = {
  subject: 'system:protection',
  role: 'system',
  organisation: null,
};

export class MeasureService {
  constructor(private readonly options: MeasureServiceOptions) {}

  private context(): CommandContext {
    const { clock, territory, rules, newId } = this.options;
    return { clock, territory, rules, newId };
  }

  /** The victim's record, which every measure has from its request. */
  private async victimOf(
    tx: ProtectionTransaction,
    aggregate: MeasureAggregate,
  ): Promise<PersonState> {
    const link = aggregate.protectedPersons.find(
      (person) => person.role === 'VICTIM',
    );
    const [victim] = link ? await tx.loadPersons([link.nationalNumber]) : [];
    if (!victim) {
      throw new Error(`Measure ${aggregate.measure.id} has no victim record`);
    }
    return victim;
  }

  /**
   * Saves a change with its journal entry, its effects and, when it
   * records a fact of an alert, its event in the alert log (§3), whose
   * notice it answers for publishing after the commit.
   */
  private async record(
    tx: ProtectionTransaction,
    change: Change,
    actor: Actor,
    isNew: boolean,
  ): Promise<Recorded> {
    const { clock, newId } = this.options;
    const now = clock.now();
    const measureId = change.aggregate.measure.id;
    await tx.upsertPersons(change.persons);
    if (isNew) await tx.insert(change.aggregate);
    else await tx.save(change.aggregate);
    await tx.appendJournal({
      id: newId(),
      measureId,
      at: now,
      action: change.action,
      actor,
      pvReference: change.pvReference,
    });
    const notices = await this.appendAlertEvents(tx, change, now);
    await tx.enqueueEffects(measureId, change.effects, now);
    const version = change.aggregate.measure.version + (isNew ? 0 : 1);
    const aggregate = {
      ...change.aggregate,
      measure: { ...change.aggregate.measure, version },
    };
    return { aggregate, notices };
  }

  /**
   * Private: appends the change's fact of an alert, if any, to the log;
   * answers its notice, its recipients judged on the changed measure.
   */
  private async appendAlertEvents(
    tx: ProtectionTransaction,
    change: Change,
    now: string,
  ): Promise<AlertNotice[]> {
    const event = alertEventOf(change, now);
    if (event === null) return [];
    const sequence = await tx.appendAlertEvent(event);
    const { recipients } = audienceOf(event, change.aggregate, this.options);
    return [alertNoticeOf({ ...event, sequence }, recipients)];
  }

  /**
   * Private: hands the notices of a committed change to the publisher
   * without waiting for it. The change stands whatever becomes of its
   * news: a publisher must never reject, and if one does, or throws, the
   * failure is logged and the gateways fill the gap from the log.
   */
  private publish(notices: readonly AlertNotice[]): void {
    if (notices.length === 0) return;
    const { alertPublisher, logger } = this.options;
    const failed = (error: unknown) => {
      const sequences = notices.map((notice) => notice.sequence);
      logger.error({ err: error, sequences },
        'alert notices were not published');
    };
    try {
      alertPublisher.publish(notices).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /**
   * Private: runs `work` in one transaction and, once it has committed,
   * publishes the notices of what it recorded (null: nothing recorded).
   * A rollback throws before anything is published.
   */
  private async committed<R extends Recorded | null>(
    work: (tx: ProtectionTransaction) => Promise<R>,
  ): Promise<R> {
    const recorded = await this.options.store.transaction(work);
    if (recorded !== null) this.publish(recorded.notices);
    return recorded;
  }

  /** Creates a measure from a request (§7.3). */
  async create(
    identity: Identity,
    permission: Permission,
    build: (context: CommandContext, ids: { measureId: string; reference: string }) => Change,
  ): Promise<MeasureAggregate> {
    if (!permission.roles.includes(identity.role)) {
      throw forbidden(`Role ${identity.role} may not request an alarm.`);
    }
    const { clock, newId } = this.options;
    try {
      const recorded = await this.committed(async (tx) => {
        const year = Number(clock.today().slice(0, 4));
        const ids = { measureId: newId(), reference: await tx.nextReference(year) };
        const change = build(this.context(), ids);
        return this.record(tx, change, actorOf(identity), true);
      });
      return recorded.aggregate;
    } catch (error) {
      throw toClientError(error);
    }
  }

  /**
   * §7.12.2: ends every running measure past its end date that no
   * decision prolonged. The system makes this change, not a person.
   */
  async expireDue(): Promise<string[]> {
    const { store, clock } = this.options;
    const today = clock.today();
    const candidates = await store.findMeasureIds({
      statuses: ['ACTIVE'],
      endDateBefore: today,
    });
    const expired: string[] = [];
    for (const measureId of candidates) {
      const ended = await this.committed(async (tx) => {
        const aggregate = await tx.load(measureId);
        if (!aggregate || !expiryDue(aggregate, today)) return null;
        const change = expire(aggregate, {}, this.context());
        return this.record(tx, change, SYSTEM_ACTOR, false);
      });
      if (ended) expired.push(measureId);
    }
    return expired;
  }

  /**
   * Applies a command to one measure. A command that changes nothing (an
   * alert recorded twice) writes nothing, not even a journal entry.
   */
  async change(
    identity: Identity,
    measureId: string,
    permission: Permission,
    command: Command,
  ): Promise<MeasureAggregate> {
    try {
      const recorded = await this.committed(async (tx) => {
        const aggregate = await this.loadPermitted(tx, identity, measureId,
          permission);
        const victim = await this.victimOf(tx, aggregate);
        const change = command(aggregate, this.context(), victim);
        if (isNoOp(aggregate, change)) return { aggregate, notices: [] };
        return this.record(tx, change, actorOf(identity), false);
      });
      return recorded.aggregate;
    } catch (error) {
      throw toClientError(error);
    }
  }

  /**
   * §7.8.5: records a protected person's confidential contact, apart
   * from the aggregate, which stays as it was (no version, no effect, no
   * alert event). The journal gets the action alone, no PV: the contact
   * is never in a PV when the suspect does not know it.
   */
  async recordConfidentialContact(
    identity: Identity,
    measureId: string,
    permission: Permission,
    input: ConfidentialContactInput,
  ): Promise<MeasureAggregate> {
    const { clock, newId } = this.options;
    try {
      const recorded = await this.committed(async (tx) => {
        const aggregate = await this.loadPermitted(tx, identity, measureId,
          permission);
        const now = clock.now();
        const change = recordConfidentialContact(aggregate, input, now);
        await tx.replaceConfidentialContact(change.record);
        await tx.appendJournal({ id: newId(), measureId, at: now,
          action: change.action, actor: actorOf(identity),
          pvReference: null });
        return { aggregate, notices: [] };
      });
      return recorded.aggregate;
    } catch (error) {
      throw toClientError(error);
    }
  }

  /**
   * Private: the measure, locked for the transaction, once the caller
   * may change it; NOT_FOUND or FORBIDDEN otherwise.
   */
  private async loadPermitted(
    tx: ProtectionTransaction,
    identity: Identity,
    measureId: string,
    permission: Permission,
  ): Promise<MeasureAggregate> {
    const aggregate = await tx.load(measureId);
    if (!aggregate) {
      throw new GraphQLError(`There is no measure ${measureId}.`, {
        extensions: { code: 'NOT_FOUND' },
      });
    }
    checkPermission(identity, aggregate, permission, this.options.territory);
    return aggregate;
  }
}
