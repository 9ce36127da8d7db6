/**
 * Who may see an alert (§3, §7.2.2, §7.11.1, §7.11.2): the CIC of the
 * province where the person is, the zone where the person is, the
 * managing zone, the zones and CICs of a trip or usual place whose window
 * is open, the zone of a move awaiting acknowledgement, and the
 * magistrate unless the alert was false. Nobody else: analysts, victim
 * support, the 112 system, the gateway as a caller of its own and every
 * other zone get nothing.
 *
 * Pure: the caller passes the aggregate, the alert, the territory, the
 * zone boundaries and the instant of the event being delivered.
 */
import type {
  AlertState,
  MeasureAggregate,
} from '../../../adapters/protection/aggregate';
import type { Identity } from '../../../runtime/identity';
import { brusselsDateOf } from './clock';
import { unreachable } from './errors';
import { isWindowOpen, travelWindowOf } from './rules';
import { provinceOfZone, type Territory } from './territory';
import { entitledZonesOn } from './views';

/**
 * What entitlement needs of the zone boundaries; `ZoneBoundaries` of
 * `reference/geo.ts` provides it from the replaceable boundary file.
 */
export interface ZoneLocator {
  zoneAt(latitude: number, longitude: number): string | null;
  inBelgium(latitude: number, longitude: number): boolean;
}

export interface AlertRecipientsInput {
  aggregate: MeasureAggregate;
  alert: AlertState;
  territory: Territory;
  boundaries: ZoneLocator;
  /** The instant of the event delivered; ISO 8601 with offset. */
  instant: string;
}

/** Who receives an alert, by the codes identities carry. */
export interface RecipientCodes {
  readonly cicProvinces: readonly string[];
  readonly zones: readonly string[];
  readonly arrondissements: readonly string[];
}

export interface AlertRecipients {
  /** Province codes whose CIC is entitled, as `cic` identities carry. */
  cicProvinces: string[];
  /** Police zone codes entitled, as `police` identities carry. */
  zones: string[];
  /** Arrondissement codes whose magistrates are entitled. */
  arrondissements: string[];
  /** §5.1, §7.11.1: the latest fix lies outside Belgium. */
  outsideCoverage: boolean;
  /** §7.2.2: the zone where the person is; null when unknown. */
  interventionZone: string | null;
}

/** Where the latest fix puts the person. */
type Whereabouts =
  | { kind: 'UNKNOWN' }
  | { kind: 'ABROAD' }
  | { kind: 'IN_BELGIUM'; zoneCode: string | null };

/** The parties entitled to an alert at `instant`. */
export function alertRecipients(input: AlertRecipientsInput): AlertRecipients {
  const { aggregate, alert, territory, boundaries, instant } = input;
  const { measure } = aggregate;
  const where = whereabouts(alert, boundaries);
  const interventionZone =
    where.kind === 'IN_BELGIUM' ? where.zoneCode : null;

  // §7.2.2: managing zone, pending move, open travel windows, plus the
  // zone where the person is.
  const zones = unique([
    ...entitledZonesOn(aggregate, instant),
    ...(interventionZone === null ? [] : [interventionZone]),
  ]);

  // §3: the CIC of the province where the person is; when that is not
  // known (no fix, abroad, a gap in the boundaries), the managing zone's.
  // §7.11.1: the CICs of the destinations of open travel windows.
  const hereZone = interventionZone ?? measure.managingZoneCode;
  const cicProvinces = unique(
    [hereZone, ...openTravelZones(aggregate, instant)]
      .map((zone) => provinceOfZone(territory, zone)?.code ?? null)
      .filter((code): code is string => code !== null),
  );

  // §7.11.2: the magistrate is told of every alert but a false one.
  const arrondissements =
    alert.classification === 'FALSE' ? [] : [measure.arrondissementCode];

  return {
    cicProvinces,
    zones,
    arrondissements,
    outsideCoverage: where.kind === 'ABROAD',
    interventionZone,
  };
}

/**
 * The identity is one of the alert's recipients. The gateway judges the
 * notices of the alert log by it too (gateway/alerts), from the codes
 * alone.
 */
export function isEntitled(
  identity: Identity,
  recipients: RecipientCodes,
): boolean {
  switch (identity.role) {
    case 'police':
      return includes(recipients.zones, identity.zone);
    case 'cic':
      return includes(recipients.cicProvinces, identity.province);
    case 'magistrate':
      return includes(recipients.arrondissements, identity.arrondissement);
    case 'analyst':
    case 'victim-support':
    case 'app112':
    case 'auditor':
      // Issue 5: none of these follows live alerts, whatever its scope.
      return false;
    case 'gateway':
      // The gateway reads the whole log for its subscribers and hands
      // each one only what that subscriber is entitled to; as a caller
      // of its own it follows no alert.
      return false;
    default:
      return unreachable(identity.role);
  }
}

/**
 * The role may be entitled to some alert at all: readers of the alert
 * log skip the log for the others rather than read it to find nothing.
 */
export function followsAlerts(role: Identity['role']): boolean {
  switch (role) {
    case 'police':
    case 'cic':
    case 'magistrate':
      return true;
    case 'analyst':
    case 'victim-support':
    case 'app112':
    case 'auditor':
    case 'gateway':
      // As in isEntitled.
      return false;
    default:
      return unreachable(role);
  }
}

function whereabouts(
  alert: AlertState,
  boundaries: ZoneLocator,
): Whereabouts {
  if (alert.location === null) return { kind: 'UNKNOWN' };
  const { latitude, longitude } = alert.location;
  if (!boundaries.inBelgium(latitude, longitude)) return { kind: 'ABROAD' };
  return {
    kind: 'IN_BELGIUM',
    zoneCode: boundaries.zoneAt(latitude, longitude),
  };
}

/**
 * §7.11.1 (DOMAIN Decision): the destinations whose window is open on
 * the Brussels day of `instant`, for a running measure only, as
 * `entitledZonesOn` counts them.
 */
function openTravelZones(
  aggregate: MeasureAggregate,
  instant: string,
): string[] {
  if (aggregate.measure.status !== 'ACTIVE') return [];
  const day = brusselsDateOf(instant);
  return aggregate.travelNotices
    .filter((notice) => isWindowOpen(travelWindowOf(notice), day))
    .map((notice) => notice.zoneCode);
}

function includes(codes: readonly string[], code: string | undefined) {
  return code !== undefined && codes.includes(code);
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}
