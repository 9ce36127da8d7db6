/**
 * What the subscriber's tool (scripts/alerts.ts) asks of the live alert
 * stream, and how it shows an event: the first event of an alert as a
 * short block with the briefing a dispatcher sends the team out with
 * (§3, §7.11.2: who is in danger, where, the suspect's weapons and
 * antecedents, the devices); each later event of that alert as one line
 * saying what changed. The console's live board
 * (gateway/console/app/board.ts) asks the same documents.
 *
 * The view types follow ALERT_EVENTS_SUBSCRIPTION field for field; the
 * test validates the documents against schema/supergraph.graphql.
 */

/**
 * What the board and the terminal client select of one event, in full:
 * the view types below mirror it. The subscription and the query that
 * reads one event now (ALERT_EVENT_QUERY) share it, so the two cannot
 * drift apart.
 */
const ALERT_EVENT_FIELDS = /* GraphQL */ `
  fragment AlertEventFields on AlertEvent {
    sequence
    kind
    at
    outsideCoverage
    interventionZone { ...Zone }
    alert {
      id
      raisedAt
      classification
      policeArrivedAt
      callEndedAt
      location {
        latitude longitude accuracyMeters method fixedAt
      }
    }
    measure {
      id
      reference
      relationship
      managingZone { ...Zone }
      protectedPersons {
        role
        person { nationalNumber firstName lastName }
      }
      suspect {
        nationalNumber firstName lastName
        bng {
          knownForViolence holdsWeapons wanted wantedReason
          weapons { category description }
          noContactOrders { measureId validUntil }
        }
        antecedentReview {
          indicators {
            intraFamilyViolence drugs weapons sexualOffences suicide
          }
        }
      }
      devices {
        serial kind
        lastReport { batteryPercent lastContactAt }
      }
    }
  }

  fragment Zone on PoliceZone {
    code name
    contact { phone }
  }
`;

/** The live alert stream, each event selected in full. */
export const ALERT_EVENTS_SUBSCRIPTION = /* GraphQL */ `
  subscription AlertEvents($since: ID) {
    alertEvents(since: $since) { ...AlertEventFields }
  }
${ALERT_EVENT_FIELDS}`;

/**
 * One event of the log as the caller may read it now, selected as the
 * subscription selects it: the query the gateway runs for each event it
 * streams (gateway/alerts/operation.ts), asked over HTTP. Null when the
 * caller may not read it (any more).
 */
export const ALERT_EVENT_QUERY = /* GraphQL */ `
  query AlertEvent($sequence: ID!) {
    alertEvent(sequence: $sequence) { ...AlertEventFields }
  }
${ALERT_EVENT_FIELDS}`;

/** How many of the caller's latest events a board opens with: 200. */
export const RECENT_EVENTS_LIMIT = 200;

/**
 * The caller's latest RECENT_EVENTS_LIMIT events, oldest first, each
 * with its alert and what it records but nothing more: what a board
 * opening mid-shift rebuilds its alerts in progress from. Their
 * briefing is read once an alert in progress, by ALERT_EVENT_QUERY:
 * selected in full, that many events would cost the gateway as much as
 * the briefings of 190 alerts, and would fetch a briefing for every
 * event of an alert. The limit is written in the document, so that the
 * gateway's cost estimate counts it.
 */
export const RECENT_ALERT_EVENTS_QUERY = /* GraphQL */ `
  query RecentAlertEvents {
    alertEvents(limit: ${RECENT_EVENTS_LIMIT}) {
      sequence kind at
      alert { id }
    }
  }
`;

/**
 * The caller's latest event, over HTTP: where a tool started without
 * `since` resumes from, so that a drop before its first event loses
 * nothing (Query.alertEvents without `after`: the latest `limit`).
 */
export const LATEST_SEQUENCE_QUERY = /* GraphQL */ `
  query LatestAlertEvent {
    alertEvents(limit: 1) { sequence }
  }
`;

export type AlertEventKind =
  | 'RAISED'
  | 'LOCATION_UPDATED'
  | 'CLASSIFIED'
  | 'POLICE_ARRIVED'
  | 'CLOSED';

export interface ZoneView {
  readonly code: string;
  readonly name: string;
  readonly contact: { readonly phone: string } | null;
}

export interface LocationView {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyMeters: number;
  readonly method: string;
  readonly fixedAt: string;
}

export interface PersonView {
  readonly nationalNumber: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface PoliceRecordView {
  readonly knownForViolence: boolean;
  readonly holdsWeapons: boolean;
  readonly wanted: boolean;
  readonly wantedReason: string | null;
  readonly weapons: readonly {
    readonly category: string;
    readonly description: string;
  }[];
  readonly noContactOrders: readonly {
    readonly measureId: string;
    readonly validUntil: string;
  }[];
}

export interface AntecedentIndicatorsView {
  readonly intraFamilyViolence: boolean;
  readonly drugs: boolean;
  readonly weapons: boolean;
  readonly sexualOffences: boolean;
  readonly suicide: boolean;
}

export interface DeviceView {
  readonly serial: string;
  readonly kind: string;
  readonly lastReport: {
    readonly batteryPercent: number;
    readonly lastContactAt: string;
  } | null;
}

/** One event as the subscription selects it; null where a part failed. */
export interface AlertEventView {
  readonly sequence: string;
  readonly kind: AlertEventKind;
  readonly at: string;
  readonly outsideCoverage: boolean;
  readonly interventionZone: ZoneView | null;
  readonly alert: {
    readonly id: string;
    readonly raisedAt: string;
    readonly classification: string | null;
    readonly policeArrivedAt: string | null;
    readonly callEndedAt: string | null;
    readonly location: LocationView | null;
  };
  readonly measure: {
    readonly id: string;
    readonly reference: string;
    readonly relationship: string;
    readonly managingZone: ZoneView;
    readonly protectedPersons: readonly {
      readonly role: string;
      readonly person: PersonView;
    }[];
    readonly suspect: PersonView & {
      readonly bng: PoliceRecordView | null;
      readonly antecedentReview: {
        readonly indicators: AntecedentIndicatorsView;
      } | null;
    };
    readonly devices: readonly DeviceView[] | null;
  };
}

/** The data of one result of the subscription. */
export interface AlertEventsData {
  readonly alertEvents: AlertEventView;
}

/** The data of ALERT_EVENT_QUERY. */
export interface AlertEventData {
  readonly alertEvent: AlertEventView | null;
}

/** One event as RECENT_ALERT_EVENTS_QUERY selects it. */
export interface RecentAlertEventView {
  readonly sequence: string;
  readonly kind: AlertEventKind;
  readonly at: string;
  readonly alert: { readonly id: string };
}

/** The data of RECENT_ALERT_EVENTS_QUERY. */
export interface RecentAlertEventsData {
  readonly alertEvents: readonly RecentAlertEventView[];
}

/** An error beside the data: a part of the event that did not resolve. */
export interface PartialError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: unknown };
}

/**
 * The event as text, ending with a line break: a block for the first
 * event of an alert this run has shown, one line for the later ones.
 */
export function formatAlertEvent(
  event: AlertEventView,
  firstOfAlert: boolean,
): string {
  const { measure } = event;
  const { suspect } = measure;
  const head = `#${event.sequence} ${event.kind} ${event.at}`;
  if (!firstOfAlert) {
    return `${head} ${measure.reference}: ${changeOf(event)}\n`;
  }
  const rows: [string, string][] = [
    ['alert', alertState(event)],
    ['position', position(event)],
    ['managing', zone(measure.managingZone)],
    ...measure.protectedPersons.map(
      ({ role, person }): [string, string] => [
        'protected',
        `${role} ${personName(person)}`,
      ],
    ),
    ['suspect', `${personName(suspect)}; ${measure.relationship}`],
    ['record', policeRecord(suspect.bng, measure.id)],
    ['antecedents', antecedents(suspect.antecedentReview)],
    ['devices', devices(measure.devices)],
  ];
  const title = `${head} measure ${measure.reference}, alert ${event.alert.id}`;
  const body = rows.map(([label, text]) => `  ${label.padEnd(12)}${text}`);
  return `${[title, ...body].join('\n')}\n`;
}

/** The errors that came with an event, one indented line each. */
export function formatPartialErrors(errors: readonly PartialError[]): string {
  return errors
    .map((error) => {
      const where = error.path?.join('.') ?? 'event';
      const code = error.extensions?.code;
      const label = typeof code === 'string' ? code : error.message;
      return `  ! ${where}: ${label}\n`;
    })
    .join('');
}

/** Private: what a later event of an alert changed, in a few words. */
function changeOf(event: AlertEventView): string {
  const { alert } = event;
  switch (event.kind) {
    case 'RAISED':
      return `raised ${alert.raisedAt}`;
    case 'LOCATION_UPDATED':
      return position(event);
    case 'CLASSIFIED':
      return `classified ${alert.classification ?? 'unknown'}`;
    case 'POLICE_ARRIVED':
      return `police on site at ${alert.policeArrivedAt ?? 'unknown'}`;
    case 'CLOSED':
      return `call ended at ${alert.callEndedAt ?? 'unknown'}`;
    default: {
      const impossible: never = event.kind;
      throw new Error(`Unknown alert event kind ${String(impossible)}`);
    }
  }
}

function alertState({ alert }: AlertEventView): string {
  return [
    `raised ${alert.raisedAt}`,
    alert.classification ?? 'not classified',
    alert.policeArrivedAt
      ? `police on site at ${alert.policeArrivedAt}`
      : 'police not on site',
    alert.callEndedAt ? `call ended at ${alert.callEndedAt}` : 'call ongoing',
  ].join('; ');
}

function position(event: AlertEventView): string {
  const { location } = event.alert;
  if (location === null) return 'no position fix yet';
  const { latitude, longitude, accuracyMeters, method, fixedAt } = location;
  const where = [
    `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`,
    `±${Math.round(accuracyMeters)} m ${method} at ${fixedAt}`,
  ].join(' ');
  // §5.1, §7.11.1: the alarm does not cover the person abroad.
  if (event.outsideCoverage) return `${where}; OUTSIDE BELGIUM`;
  const here = event.interventionZone;
  return here ? `${where}; ${zone(here)}` : `${where}; zone unknown`;
}

function zone(value: ZoneView): string {
  const phone = value.contact ? ` (${value.contact.phone})` : '';
  return `zone ${value.code} ${value.name}${phone}`;
}

function personName(person: PersonView): string {
  return `${person.lastName} ${person.firstName}, ${person.nationalNumber}`;
}

function policeRecord(
  record: PoliceRecordView | null,
  measureId: string,
): string {
  if (record === null) return 'unavailable';
  const facts = [weaponsOf(record)];
  if (record.knownForViolence) facts.push('known for violence');
  if (record.wanted) facts.push(`wanted ${record.wantedReason ?? ''}`.trim());
  // §7.8.4: the order of this measure, the one the team enforces.
  for (const order of record.noContactOrders) {
    if (order.measureId !== measureId) continue;
    facts.push(`no-contact order until ${order.validUntil}`);
  }
  return facts.join('; ');
}

function weaponsOf(record: PoliceRecordView): string {
  if (record.weapons.length === 0) {
    return record.holdsWeapons ? 'holds weapons' : 'no weapons known';
  }
  const held = record.weapons.map(
    ({ category, description }) => `${category} (${description})`,
  );
  return `weapons ${held.join(', ')}`;
}

type Indicator = keyof AntecedentIndicatorsView;

const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  intraFamilyViolence: 'intra-family violence',
  drugs: 'drugs (60)',
  weapons: 'weapons (36)',
  sexualOffences: 'sexual offences (37)',
  suicide: 'suicide or attempt (32)',
};

function antecedents(
  review: { readonly indicators: AntecedentIndicatorsView } | null,
): string {
  if (review === null) return 'unavailable';
  const found = Object.entries(INDICATOR_LABELS)
    .filter(([key]) => review.indicators[key as Indicator])
    .map(([, label]) => label);
  // §7.4.2: the look-back covers the 3 years up to today.
  return found.length > 0 ? found.join(', ') : 'none flagged in 3 years';
}

function devices(list: readonly DeviceView[] | null): string {
  if (list === null) return 'unavailable';
  if (list.length === 0) return 'none assigned';
  return list
    .map(({ serial, kind, lastReport }) => {
      const report = lastReport
        ? `battery ${lastReport.batteryPercent}% at ${lastReport.lastContactAt}`
        : 'no daily report';
      return `${kind} ${serial} ${report}`;
    })
    .join('; ');
}
