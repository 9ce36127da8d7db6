import type {
  AlertClass,
  AlertState,
  MeasureAggregate,
} from '../../../adapters/protection/aggregate';
import {
  SHIPPED_ZONE_BOUNDARIES_FILE,
  loadZoneBoundaries,
} from '../../../reference/geo';
import { loadTerritory } from '../../../reference/load';
import type { Identity, Role } from '../../../runtime/identity';
import { recordMove } from './commands/move';
import { announceTravel } from './commands/travel';
import {
  alertRecipients,
  isEntitled,
  type AlertRecipients,
} from './entitlement';
import { contextOn, deepFreeze, granted } from './testing';

const territory = loadTerritory();
const boundaries = loadZoneBoundaries(SHIPPED_ZONE_BOUNDARIES_FILE, territory);

/** Positions in the shipped demo boundaries, [latitude, longitude]. */
const GENT: Place = [51.054, 3.717]; // 5415, BE-VOV: the managing zone
const AALST: Place = [50.937, 4.04]; // 5416, BE-VOV
const IXELLES: Place = [50.833, 4.367]; // 5339, BE-BRU
const LIEGE: Place = [50.633, 5.567]; // 5277, BE-WLG
const BRUGES: Place = [51.209, 3.225]; // Belgium, no demo zone
const LILLE: Place = [50.63, 3.06]; // France
type Place = readonly [number, number];

/** During the trip to Ixelles (window 8 to 13 July) and after it. */
const IN_TRIP = '2026-07-10T08:00:00Z';
const AFTER_TRIP = '2026-07-20T08:00:00Z';

/** Granted in Gent (5415, OVL); a trip to Ixelles, 8 to 12 July 2026. */
const TRAVELLING: MeasureAggregate = deepFreeze(announceTravel(granted(), {
  kind: 'TRIP',
  zoneCode: '5339',
  announcedOn: '2026-07-01',
  fromDate: '2026-07-08',
  toDate: '2026-07-12',
}, contextOn('2026-07-01')).aggregate);

/** Granted in Gent, moving to Ixelles, not acknowledged yet. */
const MOVING: MeasureAggregate = deepFreeze(recordMove(granted(), {
  movedOn: '2026-06-10',
  pvReference: 'PV-M',
  newZoneCode: '5339',
}, contextOn('2026-06-10')).aggregate);

function alertAt(
  place: Place | null,
  instant: string,
  classification: AlertClass | null = null,
): AlertState {
  const location = place && {
    latitude: place[0],
    longitude: place[1],
    accuracyMeters: 12,
    confidencePercent: 68,
    method: 'GNSS' as const,
    fixedAt: instant,
  };
  return {
    id: 'alert-1',
    raisedAt: instant,
    pvReference: null,
    classification,
    classifiedAt: classification && instant,
    policeArrivedAt: null,
    magistrateInformed: false,
    callEndedAt: null,
    location,
    track: location ? [location] : [],
  };
}

function recipients(
  place: Place | null,
  {
    aggregate = TRAVELLING,
    instant = AFTER_TRIP,
    classification = null as AlertClass | null,
  } = {},
): AlertRecipients {
  return alertRecipients({
    aggregate,
    alert: alertAt(place, instant, classification),
    territory,
    boundaries,
    instant,
  });
}

describe('Entitlement: who receives an alert', () => {
  it.each<[string, () => AlertRecipients, AlertRecipients]>([
    ['§7.2.2: the managing zone and its CIC, with no fix yet',
      () => recipients(null),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: null }],
    ['§7.2.2: the managing zone intervenes when the person is at home',
      () => recipients(GENT),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: '5415' }],
    ['§7.2.2: the zone where the person is intervenes, beside the managing one',
      () => recipients(AALST),
      { zones: ['5415', '5416'], cicProvinces: ['BE-VOV'],
        arrondissements: ['OVL'], outsideCoverage: false,
        interventionZone: '5416' }],
    ['§3: the CIC of the province where the person is, not the managing one',
      () => recipients(LIEGE),
      { zones: ['5415', '5277'], cicProvinces: ['BE-WLG'],
        arrondissements: ['OVL'], outsideCoverage: false,
        interventionZone: '5277' }],
    ['§7.11.1: the travel zone and its CIC while the window is open',
      () => recipients(GENT, { instant: IN_TRIP }),
      { zones: ['5415', '5339'], cicProvinces: ['BE-VOV', 'BE-BRU'],
        arrondissements: ['OVL'], outsideCoverage: false,
        interventionZone: '5415' }],
    ['§7.11.1: the travel zone intervenes when the person is there',
      () => recipients(IXELLES, { instant: IN_TRIP }),
      { zones: ['5415', '5339'], cicProvinces: ['BE-BRU'],
        arrondissements: ['OVL'], outsideCoverage: false,
        interventionZone: '5339' }],
    ['§7.11.1: nothing for the travel zone once the window has closed',
      () => recipients(GENT, { instant: AFTER_TRIP }),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: '5415' }],
    ['§7.2.3: the zone of a move awaiting acknowledgement',
      () => recipients(GENT, { aggregate: MOVING }),
      { zones: ['5415', '5339'], cicProvinces: ['BE-VOV'],
        arrondissements: ['OVL'], outsideCoverage: false,
        interventionZone: '5415' }],
    ['§7.11.2: no magistrate for a false alert',
      () => recipients(GENT, { classification: 'FALSE' }),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: [],
        outsideCoverage: false, interventionZone: '5415' }],
    ['§7.11.2: the magistrate for a real alert',
      () => recipients(GENT, { classification: 'REAL' }),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: '5415' }],
    ['§7.11.2: the magistrate for a test, which is not a false alert',
      () => recipients(GENT, { classification: 'TEST' }),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: '5415' }],
    ['§7.11.1: outside coverage abroad; the managing zone and CIC keep it',
      () => recipients(LILLE),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: true, interventionZone: null }],
    ['§3: a fix in Belgium but in no drawn zone falls back to the managing CIC',
      () => recipients(BRUGES),
      { zones: ['5415'], cicProvinces: ['BE-VOV'], arrondissements: ['OVL'],
        outsideCoverage: false, interventionZone: null }],
  ])('%s', (_case, compute, expected) => {
    expect(compute()).toEqual(expected);
  });

  it('§7.2.2: follows the latest fix, not the first', () => {
    const alert = alertAt(GENT, IN_TRIP);
    const [later] = alertAt(LIEGE, '2026-07-10T08:00:30Z').track;
    const moved = { ...alert, location: later,
      track: [...alert.track, later] };
    expect(alertRecipients({ aggregate: TRAVELLING, alert: moved,
      territory, boundaries, instant: later.fixedAt }).interventionZone)
      .toBe('5277');
  });
});

function identity(role: Role, scope: Partial<Identity> = {}): Identity {
  return { subject: `sub-${role}`, role, ...scope };
}

describe('Entitlement: isEntitled for every role', () => {
  // Person in Liège during the trip to Ixelles; managed from Gent (OVL).
  const during = recipients(LIEGE, { instant: IN_TRIP });
  const after = recipients(LIEGE, { instant: AFTER_TRIP });
  const falseAlarm = recipients(LIEGE, { instant: IN_TRIP,
    classification: 'FALSE' });
  const realAlarm = recipients(LIEGE, { instant: IN_TRIP,
    classification: 'REAL' });

  it.each<[string, Identity, AlertRecipients, boolean]>([
    ['§7.2.2: the managing zone', identity('police', { zone: '5415' }),
      during, true],
    ['§7.2.2: the intervention zone', identity('police', { zone: '5277' }),
      during, true],
    ['§7.11.1: the travel zone during its window',
      identity('police', { zone: '5339' }), during, true],
    ['§7.11.1: not the travel zone after its window',
      identity('police', { zone: '5339' }), after, false],
    ['§7.2.2: not an unrelated zone, even of the same province',
      identity('police', { zone: '5416' }), during, false],
    ['§3: the CIC of the province where the person is',
      identity('cic', { province: 'BE-WLG' }), during, true],
    ['§7.11.1: the CIC of the travel zone during its window',
      identity('cic', { province: 'BE-BRU' }), during, true],
    ['§7.11.1: not the CIC of the travel zone after its window',
      identity('cic', { province: 'BE-BRU' }), after, false],
    ['§3: not the CIC of the managing zone while the person is elsewhere',
      identity('cic', { province: 'BE-VOV' }), during, false],
    ['§3: not an unrelated CIC', identity('cic', { province: 'BE-WNA' }),
      during, false],
    ['§7.11.2: the magistrate of the parquet for an unclassified alert',
      identity('magistrate', { arrondissement: 'OVL' }), during, true],
    ['§7.11.2: the magistrate of the parquet for a real alert',
      identity('magistrate', { arrondissement: 'OVL' }), realAlarm, true],
    ['§7.11.2: not the magistrate for a false alert',
      identity('magistrate', { arrondissement: 'OVL' }), falseAlarm, false],
    ['§7.11.2: not the magistrate of another parquet',
      identity('magistrate', { arrondissement: 'LIE' }), during, false],
    ['not an analyst', identity('analyst'), during, false],
    ['not victim support, even of the parquet',
      identity('victim-support', { arrondissement: 'OVL' }), during, false],
    ['not the 112 system', identity('app112'), during, false],
    ['not a police identity without a zone', identity('police'), during,
      false],
  ])('%s', (_case, who, to, expected) => {
    expect(isEntitled(who, to)).toBe(expected);
  });
});
