/**
 * Who the alert bench subscribes, which measures it raises alerts on, and
 * which subscribers must receive each alert.
 *
 * The expectation is worked out here from the circular, not asked of the
 * domain's entitlement code, so that the bench checks the gateway rather
 * than repeats it. It stays simple because the bench raises alerts only
 * where the audience is plain: a running measure with no move pending and
 * no trip or usual place announced, and an alert without a location. For
 * such an alert §3 and §7.2.2 name the managing zone, the CIC of that
 * zone's province (the person's whereabouts being unknown), and §7.11.2
 * the magistrate of the measure's arrondissement (an alert not yet
 * classified is not a false one).
 */
import type {
  MeasureState,
  TravelNoticeState,
} from '../../adapters/protection/aggregate';
import type {
  ArrondissementRecord,
  ZoneRecord,
} from '../../adapters/protection/types';

/** What the plan needs of the demo data set's protection part. */
export interface PlanInput {
  readonly zones: readonly Pick<ZoneRecord, 'code' | 'arrondissementCode'>[];
  readonly arrondissements: readonly Pick<
    ArrondissementRecord,
    'code' | 'provinceCode'
  >[];
  readonly aggregates: readonly PlanMeasure[];
}

/** What the plan needs of one measure. */
export interface PlanMeasure {
  readonly measure: Pick<
    MeasureState,
    | 'id'
    | 'status'
    | 'managingZoneCode'
    | 'arrondissementCode'
    | 'pendingTransfer'
  >;
  readonly travelNotices: readonly Pick<TravelNoticeState, 'zoneCode'>[];
}

/** A measure the bench raises alerts on, with the codes of its audience. */
export interface AlertTarget {
  readonly measureId: string;
  /** The managing zone. */
  readonly zone: string;
  /** The measure's arrondissement, whose magistrate is told. */
  readonly arrondissement: string;
  /** The managing zone's province, whose CIC is told. */
  readonly province: string;
}

/** Whom one subscriber's token names, as the gateway's identities do. */
export type Audience =
  | { readonly role: 'police'; readonly zone: string }
  | { readonly role: 'cic'; readonly province: string }
  | { readonly role: 'magistrate'; readonly arrondissement: string };

export type AudienceGroupName =
  | 'managing zones'
  | 'CICs'
  | 'magistrates'
  | 'quiet zones';

/** Audiences of one kind and the share of the subscribers they get. */
export interface AudienceGroup {
  readonly name: AudienceGroupName;
  readonly share: number;
  readonly audiences: readonly Audience[];
}

/**
 * Of every twenty subscribers: ten police officers of a zone that
 * manages a measure alerts are raised on, five CIC dispatchers, three
 * magistrates, and two officers of a zone that must receive nothing.
 */
export const AUDIENCE_SHARES: Readonly<Record<AudienceGroupName, number>> = {
  'managing zones': 0.5,
  CICs: 0.25,
  magistrates: 0.15,
  'quiet zones': 0.1,
};

/** How many subscribers a group got. */
export interface GroupCount {
  readonly name: AudienceGroupName;
  readonly count: number;
}

/** What the bench does: its targets, and one audience per subscriber. */
export interface BenchPlan {
  readonly targets: readonly AlertTarget[];
  readonly subscribers: readonly Audience[];
  /** In the groups' order; a group without audiences is left out. */
  readonly groups: readonly GroupCount[];
}

/** The plan for `subscribers` subscribers over the demo data set. */
export function planBench(input: PlanInput, subscribers: number): BenchPlan {
  const targets = alertTargetsOf(input);
  if (targets.length === 0) {
    throw new Error('The demo data set holds no measure to raise alerts on');
  }
  const groups = audienceGroupsOf(targets, quietZonesOf(input));
  const spread = spreadSubscribers(subscribers, groups);
  return {
    targets,
    subscribers: spread.audiences,
    groups: spread.counts,
  };
}

/**
 * The running measures whose alerts reach only their managing zone, its
 * province's CIC and their magistrate: no move pending (§7.2.3), no trip
 * or usual place (§7.11.1). By measure id.
 */
export function alertTargetsOf(input: PlanInput): AlertTarget[] {
  const provinceOfZone = provincesByZone(input);
  const targets: AlertTarget[] = [];
  for (const { measure, travelNotices } of input.aggregates) {
    if (measure.status !== 'ACTIVE') continue;
    if (measure.pendingTransfer !== null || travelNotices.length > 0) {
      continue;
    }
    const province = provinceOfZone.get(measure.managingZoneCode);
    if (province === undefined) {
      throw new Error(
        `Measure ${measure.id} is managed by zone ${measure.managingZoneCode}, which no province holds`,
      );
    }
    targets.push({
      measureId: measure.id,
      zone: measure.managingZoneCode,
      arrondissement: measure.arrondissementCode,
      province,
    });
  }
  return targets.sort((a, b) => a.measureId.localeCompare(b.measureId));
}

/**
 * Zones that no measure of the data set names, as managing zone, as the
 * zone of a move or as a destination: their police may see no alert.
 */
export function quietZonesOf(input: PlanInput): string[] {
  const named = new Set<string>();
  for (const { measure, travelNotices } of input.aggregates) {
    named.add(measure.managingZoneCode);
    if (measure.pendingTransfer !== null) {
      named.add(measure.pendingTransfer.toZoneCode);
    }
    for (const notice of travelNotices) named.add(notice.zoneCode);
  }
  return input.zones
    .map((zone) => zone.code)
    .filter((code) => !named.has(code))
    .sort();
}

/** The audiences of each group, each once, in a stable order. */
export function audienceGroupsOf(
  targets: readonly AlertTarget[],
  quietZones: readonly string[],
): AudienceGroup[] {
  const distinct = (codes: string[]) => [...new Set(codes)].sort();
  const zones = distinct(targets.map((target) => target.zone));
  const provinces = distinct(targets.map((target) => target.province));
  const arrondissements = distinct(
    targets.map((target) => target.arrondissement));
  const audiences: Record<AudienceGroupName, Audience[]> = {
    'managing zones': zones.map((zone) => ({ role: 'police', zone })),
    CICs: provinces.map((province) => ({ role: 'cic', province })),
    magistrates: arrondissements.map((arrondissement) => ({
      role: 'magistrate',
      arrondissement,
    })),
    'quiet zones': distinct([...quietZones]).map((zone) => ({
      role: 'police',
      zone,
    })),
  };
  return (Object.keys(AUDIENCE_SHARES) as AudienceGroupName[]).map(
    (name) => ({
      name,
      share: AUDIENCE_SHARES[name],
      audiences: audiences[name],
    }),
  );
}

/**
 * One audience per subscriber: the groups share the subscribers by
 * their shares (largest remainder, so the counts add up exactly), and
 * each group deals its subscribers round its audiences. A group without
 * audiences gets none, and the others' shares grow to make up for it.
 */
export function spreadSubscribers(
  count: number,
  groups: readonly AudienceGroup[],
): { audiences: Audience[]; counts: GroupCount[] } {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(
      `A subscriber count is a whole number, got ${count}`,
    );
  }
  const usable = groups.filter((group) => group.audiences.length > 0);
  const total = usable.reduce((sum, group) => sum + group.share, 0);
  if (total <= 0) {
    throw new Error('No audience group has both a share and an audience');
  }
  const exact = usable.map((group) => (count * group.share) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - counts[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = count - counts.reduce((sum, n) => sum + n, 0);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index] += 1;
    left -= 1;
  }

  const audiences = usable.flatMap((group, index) =>
    Array.from({ length: counts[index] }, (_, n) =>
      group.audiences[n % group.audiences.length]));
  return {
    audiences,
    counts: usable.map((group, index) => ({
      name: group.name,
      count: counts[index],
    })),
  };
}

/** The audience must receive an alert on the target (file comment). */
export function isExpected(audience: Audience, target: AlertTarget): boolean {
  switch (audience.role) {
    case 'police':
      return audience.zone === target.zone;
    case 'cic':
      return audience.province === target.province;
    case 'magistrate':
      return audience.arrondissement === target.arrondissement;
    default: {
      const impossible: never = audience;
      throw new Error(`Unknown audience ${JSON.stringify(impossible)}`);
    }
  }
}

/** The indices of the subscribers that must receive an alert on `target`. */
export function receiversOf(
  target: AlertTarget,
  subscribers: readonly Audience[],
): number[] {
  const receivers: number[] = [];
  subscribers.forEach((audience, index) => {
    if (isExpected(audience, target)) receivers.push(index);
  });
  return receivers;
}

/** A stable name for an audience: `police 5345`, `cic BE-BRU`. */
export function audienceKey(audience: Audience): string {
  switch (audience.role) {
    case 'police':
      return `police ${audience.zone}`;
    case 'cic':
      return `cic ${audience.province}`;
    case 'magistrate':
      return `magistrate ${audience.arrondissement}`;
    default: {
      const impossible: never = audience;
      throw new Error(`Unknown audience ${JSON.stringify(impossible)}`);
    }
  }
}

/** Private: each zone's province, through its arrondissement. */
function provincesByZone(input: PlanInput): Map<string, string> {
  const provinceOf = new Map(input.arrondissements.map(
    (arrondissement) => [arrondissement.code, arrondissement.provinceCode]));
  const byZone = new Map<string, string>();
  for (const zone of input.zones) {
    const province = provinceOf.get(zone.arrondissementCode);
    if (province !== undefined) byZone.set(zone.code, province);
  }
  return byZone;
}
