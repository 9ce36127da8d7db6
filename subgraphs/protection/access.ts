/**
 * How the protection subgraph judges the relations of its `@access`
 * rules (schema/protection.graphql). Every object of the graph here
 * belongs to measures: a measure to itself, an evaluation or a person
 * to the measure it was reached through, a person asked for by number
 * to the measures that protect it. A relation holds when it holds for
 * one of those measures.
 */
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import type { AccessModel, Reached, Relation } from '../../runtime/access/model';
import type { Identity } from '../../runtime/identity';
import type { AlertEventView } from './alert-feed';
import type { ProtectionContext } from './context';
import { alertRecipients } from './domain/entitlement';
import { provinceOfZone } from './domain/territory';
import { entitledZonesOn } from './domain/views';
import type { WorkListItem } from './work-list';

/** One measure an object belongs to, and how the caller reached it. */
export interface MeasureGrant {
  readonly aggregate: MeasureAggregate;
  /** Reached through an alert event delivered to the caller (§3). */
  readonly briefing: boolean;
  /** The answer of the change the caller has just made. */
  readonly ownChange: boolean;
}

export type ProtectionSubject = readonly MeasureGrant[];

/**
 * §7.11.2: how long an alert's briefing stays open to the zone and the
 * CIC where the person was, counted from its raising: the team goes out,
 * then writes the alert's PV.
 */
export const ALERT_BRIEFING_HOURS = 24;

type Judge = (
  identity: Identity,
  grant: MeasureGrant,
  context: ProtectionContext,
) => boolean;

function relation(
  description: string,
  judge: Judge,
): Relation<ProtectionContext, ProtectionSubject> {
  return {
    description,
    admits: (identity, subject, context) =>
      subject.some((grant) => judge(identity, grant, context)),
  };
}

/** §7.2.2, §7.2.3: the managing zone, and the zone the file moves to. */
function managingZone(identity: Identity, { aggregate }: MeasureGrant) {
  const { managingZoneCode, pendingTransfer } = aggregate.measure;
  return (
    identity.zone === managingZoneCode ||
    identity.zone === pendingTransfer?.toZoneCode
  );
}

/** §7.2.1, §7.2.3: the residence's parquet, and the one the file moves to. */
function parquet(identity: Identity, { aggregate }: MeasureGrant) {
  const { arrondissementCode, pendingTransfer } = aggregate.measure;
  return (
    identity.arrondissement === arrondissementCode ||
    identity.arrondissement === pendingTransfer?.toArrondissementCode
  );
}

/** §3: the CIC of the managing zone's province. */
function province(
  identity: Identity,
  { aggregate }: MeasureGrant,
  { territory }: ProtectionContext,
) {
  const home = provinceOfZone(territory, aggregate.measure.managingZoneCode);
  return home !== null && identity.province === home.code;
}

/**
 * §7.11.1, §7.11.2: the zones and CICs an alert or a journey concerns,
 * while it lasts: the recipients of an alert raised in the last
 * ALERT_BRIEFING_HOURS, judged now, and the destinations of the trips and
 * usual places whose window is open today.
 */
function concerned(
  { aggregate }: MeasureGrant,
  { territory, boundaries, clock }: ProtectionContext,
): { zones: Set<string>; provinces: Set<string> } {
  const now = clock.now();
  const since = Date.parse(now) - ALERT_BRIEFING_HOURS * 3_600_000;
  const zones = new Set(entitledZonesOn(aggregate, now));
  const provinces = new Set<string>();
  for (const zone of zones) {
    const code = provinceOfZone(territory, zone)?.code;
    if (code) provinces.add(code);
  }
  for (const alert of aggregate.alerts) {
    if (Date.parse(alert.raisedAt) < since) continue;
    const recipients = alertRecipients({
      aggregate, alert, territory, boundaries, instant: now,
    });
    recipients.zones.forEach((zone) => zones.add(zone));
    recipients.cicProvinces.forEach((code) => provinces.add(code));
  }
  return { zones, provinces };
}

const relations: AccessModel<ProtectionContext, ProtectionSubject>['relations'] = {
  'police:managing-zone': relation(
    'the police zone that manages the measure (§7.2.2), or the one its file is moving to (§7.2.3)',
    managingZone,
  ),
  'magistrate:parquet': relation(
    "the magistrates of the measure's parquet (§7.2.1), or of the one its file is moving to (§7.2.3)",
    parquet,
  ),
  'cic:province': relation(
    "the CIC of the managing zone's province (§3)",
    province,
  ),
  'police:briefed': relation(
    `a police zone an alert of the measure concerns, for ${ALERT_BRIEFING_HOURS} hours from its raising, or a trip's or usual place's destination while its window is open (§7.11.1, §7.11.2); and whoever reads the measure through an alert event delivered to it`,
    (identity, grant, context) =>
      grant.briefing ||
      (identity.zone !== undefined &&
        concerned(grant, context).zones.has(identity.zone)),
  ),
  'cic:briefed': relation(
    `the CIC of a province an alert of the measure concerns, for ${ALERT_BRIEFING_HOURS} hours from its raising, or of a destination while its window is open (§3, §7.11.1); and whoever reads the measure through an alert event delivered to it`,
    (identity, grant, context) =>
      grant.briefing ||
      (identity.province !== undefined &&
        concerned(grant, context).provinces.has(identity.province)),
  ),
  'victim-support:arrondissement': relation(
    "the victim support service of the measure's arrondissement (§7.8.3)",
    (identity, { aggregate }) =>
      identity.arrondissement === aggregate.measure.arrondissementCode,
  ),
  ...ownChange('police', 'magistrate', 'cic', 'app112'),
};

/** `role:own-change`: the answer of the change the caller just made. */
function ownChange(...roles: Identity['role'][]) {
  return Object.fromEntries(
    roles.map((role) => [
      `${role}:own-change`,
      relation(
        'the caller, reading the answer of the change it has just made',
        (_, grant) => grant.ownChange,
      ),
    ]),
  );
}

function grantOf(
  aggregate: MeasureAggregate,
  overrides: Partial<MeasureGrant> = {},
): MeasureGrant {
  return { aggregate, briefing: false, ownChange: false, ...overrides };
}

/** A measure reached through an alert event keeps that event's briefing. */
function measureSubject(
  reached: Reached<ProtectionSubject>,
): ProtectionSubject {
  const aggregate = reached.value as MeasureAggregate;
  const { id } = aggregate.measure;
  const briefing =
    reached.inherited?.some(
      (grant) => grant.briefing && grant.aggregate.measure.id === id,
    ) ?? false;
  return [grantOf(aggregate, {
    briefing,
    ownChange: reached.parentType === 'Mutation',
  })];
}

/**
 * A person asked for by number: the measures protecting the person and
 * those naming the person the suspect, so that the zone managing a
 * measure finds its suspect too.
 */
async function personSubject(
  nationalNumber: string,
  { loaders }: ProtectionContext,
): Promise<ProtectionSubject> {
  const [protecting, suspected] = await Promise.all([
    loaders.measureIdsOfPerson.load(nationalNumber),
    loaders.measureIdsOfSuspect.load(nationalNumber),
  ]);
  const ids = [...new Set([...protecting, ...suspected])];
  const measures = await loaders.measure.loadMany(ids);
  return measures
    .filter((measure): measure is MeasureAggregate =>
      measure !== null && !(measure instanceof Error))
    .map((aggregate) => grantOf(aggregate));
}

export const protectionAccess: AccessModel<
  ProtectionContext,
  ProtectionSubject
> = {
  relations,
  subjectOf(reached, context) {
    switch (reached.typeName) {
      case 'ProtectionMeasure':
        return measureSubject(reached);
      case 'AlertEvent':
        // alertEventOf answers only the events delivered to the caller.
        return [grantOf((reached.value as AlertEventView).aggregate, {
          briefing: true,
        })];
      case 'WorkItem':
        return [grantOf((reached.value as WorkListItem).aggregate)];
      case 'Person': {
        if (reached.inherited) return undefined;
        const { nationalNumber } = reached.value as { nationalNumber: string };
        return personSubject(nationalNumber, context);
      }
      default:
        return undefined;
    }
  },
};
