/// <reference lib="dom" />
/**
 * One alert on the live board: the facts of the alert (class, police on
 * site, call), the time since the press, the position and its updates,
 * the briefing the team is sent out with (§3, §7.11.2: who is in danger,
 * the suspect's record and antecedents, the no-contact order, the
 * managing zone), the classification and arrival actions, and the
 * events received.
 *
 * The card is built once; each event refreshes its facts, position and
 * briefing, never the action forms, so a PV reference being typed stays.
 */
import type {
  AlertEventView,
  AntecedentIndicatorsView,
  LocationView,
  PartialError,
  PoliceRecordView,
  ZoneView,
} from '../../../scripts/alerts-view';
import { describeErrors, request } from './api';
import { formatElapsed, formatInstant, h, replaceChildren } from './dom';

/** What a card keeps of its alert between events. */
export interface AlertCard {
  readonly element: HTMLElement;
  /** Shows an event of the alert, with the errors that came with it. */
  update(event: AlertEventView, errors: readonly PartialError[]): void;
  /** Moves the elapsed time on to `nowMs`. */
  tick(nowMs: number): void;
}

/** The classes an alert takes (AlertClass). */
const CLASSES = [
  ['REAL', 'Real'],
  ['FALSE', 'False alarm'],
  ['TEST', 'Test press'],
] as const;

const INDICATOR_LABELS: Readonly<
  Record<keyof AntecedentIndicatorsView, string>
> = {
  intraFamilyViolence: 'intra-family violence',
  drugs: 'drugs (60)',
  weapons: 'weapons (36)',
  sexualOffences: 'sexual offences (37)',
  suicide: 'suicide or attempt (32)',
};

const CLASSIFY = /* GraphQL */ `
  mutation ConsoleClassifyAlert($input: ClassifyAlertInput!) {
    classifyAlert(input: $input) { id }
  }
`;

const ARRIVAL = /* GraphQL */ `
  mutation ConsolePoliceArrival($input: RecordPoliceArrivalInput!) {
    recordPoliceArrival(input: $input) { id }
  }
`;

function zoneText(zone: ZoneView | null): string {
  if (zone === null) return 'unknown';
  const phone = zone.contact ? `, tel. ${zone.contact.phone}` : '';
  return `${zone.code} ${zone.name}${phone}`;
}

function positionText(event: AlertEventView): string {
  const { location } = event.alert;
  if (location === null) return 'No position fix yet';
  const where = `${location.latitude.toFixed(5)}, `
    + `${location.longitude.toFixed(5)} `
    + `(±${Math.round(location.accuracyMeters)} m, ${location.method})`;
  // §5.1, §7.11.1: the alarm does not cover the person abroad.
  if (event.outsideCoverage) return `${where}: OUTSIDE BELGIUM`;
  return `${where}: zone ${zoneText(event.interventionZone)}`;
}

function weaponsText(record: PoliceRecordView | null): string {
  if (record === null) return 'unavailable';
  if (record.weapons.length === 0) {
    return record.holdsWeapons ? 'holds weapons' : 'none known';
  }
  return record.weapons
    .map(({ category, description }) => `${category} (${description})`)
    .join(', ');
}

function recordText(record: PoliceRecordView | null): string {
  if (record === null) return 'unavailable';
  const facts: string[] = [];
  if (record.knownForViolence) facts.push('known for violence');
  if (record.wanted) facts.push(`WANTED ${record.wantedReason ?? ''}`.trim());
  return facts.length > 0 ? facts.join('; ') : 'nothing flagged';
}

function noContactText(
  record: PoliceRecordView | null,
  measureId: string,
): string {
  if (record === null) return 'unavailable';
  // §7.8.4: the order of this measure, the one the team enforces.
  const order = record.noContactOrders.find((o) => o.measureId === measureId);
  return order ? `in force until ${order.validUntil}` : 'none on record';
}

function indicatorsText(
  review: { readonly indicators: AntecedentIndicatorsView } | null,
): string {
  if (review === null) return 'unavailable';
  const found = (Object.keys(INDICATOR_LABELS) as
    (keyof AntecedentIndicatorsView)[])
    .filter((key) => review.indicators[key])
    .map((key) => INDICATOR_LABELS[key]);
  // §7.4.2: the look-back covers the 3 years up to today.
  return found.length > 0 ? found.join(', ') : 'none flagged in 3 years';
}

function devicesText(event: AlertEventView): string {
  const list = event.measure.devices;
  if (list === null) return 'unavailable';
  if (list.length === 0) return 'none assigned';
  return list.map(({ serial, kind, lastReport }) => {
    const report = lastReport
      ? `battery ${lastReport.batteryPercent}%`
      : 'no daily report';
    return `${kind} ${serial} (${report})`;
  }).join('; ');
}

/** Private: a definition list from label and text pairs. */
function facts(rows: readonly (readonly [string, string])[]): HTMLElement {
  const list = h('dl', { class: 'facts' });
  for (const [label, text] of rows) {
    list.append(h('dt', {}, label), h('dd', {}, text));
  }
  return list;
}

function briefingRows(event: AlertEventView): [string, string][] {
  const { measure } = event;
  const { suspect } = measure;
  return [
    ...measure.protectedPersons.map(({ role, person }): [string, string] => [
      `Protected (${role.toLowerCase()})`,
      `${person.lastName} ${person.firstName}`,
    ]),
    ['Suspect', `${suspect.lastName} ${suspect.firstName}, `
      + `${measure.relationship.toLowerCase().replace(/_/g, ' ')}`],
    ['Indicators', indicatorsText(suspect.antecedentReview)],
    ['Weapons', weaponsText(suspect.bng)],
    ['Police record', recordText(suspect.bng)],
    ['No-contact order', noContactText(suspect.bng, measure.id)],
    ['Managing zone', zoneText(measure.managingZone)],
    ['Devices', devicesText(event)],
  ];
}

function stateRows(event: AlertEventView): [string, string][] {
  const { alert } = event;
  return [
    ['Measure', event.measure.reference],
    ['Raised', formatInstant(alert.raisedAt)],
    ['Class', alert.classification ?? 'not classified'],
    ['Police on site', alert.policeArrivedAt
      ? formatInstant(alert.policeArrivedAt) : 'not yet'],
    ['112 call', alert.callEndedAt
      ? `ended ${formatInstant(alert.callEndedAt)}` : 'ongoing'],
  ];
}

/** Private: sends an action and says how it went in `status`. */
async function act(
  token: string,
  status: HTMLElement,
  query: string,
  input: Record<string, unknown>,
): Promise<void> {
  status.textContent = 'Sending…';
  status.className = 'action-status';
  try {
    await request(token, query, { input });
    status.textContent = 'Recorded; the board shows it when the event comes.';
  } catch (error) {
    status.className = 'action-status error';
    status.textContent = error instanceof Error
      ? error.message
      : describeErrors([{ message: String(error) }]);
  }
}

function classifyForm(
  token: string,
  ids: { readonly measureId: string; readonly alertId: string },
  status: HTMLElement,
): HTMLFormElement {
  const prefix = `classify-${ids.alertId}`;
  const select = h('select', { id: `${prefix}-class`, required: true },
    ...CLASSES.map(([value, label]) => h('option', { value }, label)));
  const pv = h('input', {
    id: `${prefix}-pv`, required: true, autocomplete: 'off',
    placeholder: 'e.g. AN.12.L1.012345/2026',
  });
  const form = h('form', { class: 'classify' },
    h('label', { for: select.id }, 'Class'), select,
    h('label', { for: pv.id }, 'PV reference'), pv,
    h('button', { type: 'submit' }, 'Classify'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    void act(token, status, CLASSIFY, {
      ...ids,
      classification: select.value,
      classifiedAt: new Date().toISOString(),
      pvReference: pv.value.trim(),
    });
  });
  return form;
}

function actionsOf(
  token: string,
  ids: { readonly measureId: string; readonly alertId: string },
): HTMLElement {
  const status = h('p', { class: 'action-status', role: 'status' });
  const arrived = h('button', { type: 'button' }, 'Police arrived now');
  arrived.addEventListener('click', () => {
    void act(token, status, ARRIVAL, {
      ...ids, arrivedAt: new Date().toISOString(),
    });
  });
  return h('section', { class: 'actions' },
    h('h4', {}, 'Actions'),
    classifyForm(token, ids, status),
    arrived,
    status);
}

function locationItem(location: LocationView): HTMLElement {
  return h('li', {},
    `${formatInstant(location.fixedAt)}: ${location.latitude.toFixed(5)}, `
    + `${location.longitude.toFixed(5)} ±${Math.round(location.accuracyMeters)}`
    + ` m ${location.method}`);
}

/**
 * A card for the alert of `first`, empty until its first update.
 * `withActions`: the caller's role may
 * classify and record arrivals (police and CIC); the gateway still
 * judges each action.
 */
export function alertCard(
  first: AlertEventView,
  token: string,
  withActions: boolean,
): AlertCard {
  const { id } = first.alert;
  const titleId = `alert-${id}-title`;
  const elapsed = h('p', { class: 'elapsed', 'aria-live': 'off' });
  const state = h('div');
  const position = h('p', { class: 'position' });
  const updates = h('ol', { class: 'updates', reversed: true });
  const briefing = h('div');
  const problems = h('p', { class: 'partial', role: 'note', hidden: true });
  const log = h('ol', { class: 'events' });
  const seenFixes = new Set<string>();
  let current = first;

  const element = h('article', {
    class: 'alert-card', 'aria-labelledby': titleId, 'data-alert-id': id,
  },
  h('h3', { id: titleId }, `Alert ${id}`),
  elapsed, state,
  h('section', {}, h('h4', {}, 'Position'), position,
    h('p', { class: 'sub' }, 'Updates, newest first'), updates),
  h('section', {}, h('h4', {}, 'Briefing'), briefing),
  problems,
  withActions && actionsOf(token, { measureId: first.measure.id,
    alertId: id }),
  h('details', {}, h('summary', {}, 'Events received'), log));

  function update(event: AlertEventView, errors: readonly PartialError[]) {
    current = event;
    element.dataset.classification = event.alert.classification ?? '';
    replaceChildren(state, facts(stateRows(event)));
    position.textContent = positionText(event);
    const fix = event.alert.location;
    if (fix && !seenFixes.has(fix.fixedAt)) {
      seenFixes.add(fix.fixedAt);
      updates.prepend(locationItem(fix));
    }
    replaceChildren(briefing, facts(briefingRows(event)));
    problems.hidden = errors.length === 0;
    problems.textContent = errors.length === 0 ? '' : 'Part of the '
      + `briefing is unavailable: ${describeErrors(errors)}`;
    log.append(h('li', { 'data-sequence': event.sequence },
      `#${event.sequence} ${event.kind} at ${formatInstant(event.at)}`));
  }

  function tick(nowMs: number) {
    const { raisedAt, policeArrivedAt } = current.alert;
    const raised = Date.parse(raisedAt);
    const seconds = (nowMs - raised) / 1000;
    const onSite = policeArrivedAt
      ? ` · police on site after ${formatElapsed(
        (Date.parse(policeArrivedAt) - raised) / 1000)}`
      : '';
    elapsed.textContent =
      `${formatElapsed(seconds)} since the press${onSite}`;
  }

  return { element, update, tick };
}
