import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import {
  ALERT_EVENT_QUERY,
  ALERT_EVENTS_SUBSCRIPTION,
  formatAlertEvent,
  formatPartialErrors,
  LATEST_SEQUENCE_QUERY,
  RECENT_ALERT_EVENTS_QUERY,
  type AlertEventView,
} from '../../scripts/alerts-view';
import { alertEventOf } from '../support/alert-stream';

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** The fields a document selects that the gateway's API hides. */
function inaccessibleFields(
  schema: GraphQLSchema,
  document: DocumentNode,
): string[] {
  const typeInfo = new TypeInfo(schema);
  const hidden: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: () => {
        const field = typeInfo.getFieldDef();
        const directives = field?.astNode?.directives ?? [];
        if (directives.some(({ name }) => name.value === 'inaccessible')) {
          hidden.push(`${typeInfo.getParentType()}.${field?.name}`);
        }
      },
    }),
  );
  return hidden;
}

describe('scripts/alerts-view: the documents', () => {
  const schema = buildSchema(readFileSync(SUPERGRAPH, 'utf8'));

  it.each([
    ['the subscription', ALERT_EVENTS_SUBSCRIPTION],
    ['the latest-event query', LATEST_SEQUENCE_QUERY],
    ['the one-event query', ALERT_EVENT_QUERY],
    ['the recent-events query', RECENT_ALERT_EVENTS_QUERY],
  ])('%s is valid against the supergraph', (_name, source) => {
    const document = parse(source);
    expect(validate(schema, document).map(({ message }) => message))
      .toEqual([]);
    expect(inaccessibleFields(schema, document)).toEqual([]);
  });

  it('would notice a field the gateway hides', () => {
    const hidden = parse('{ alertLogHead }');
    expect(inaccessibleFields(schema, hidden)).toEqual(['Query.alertLogHead']);
  });
});

describe('scripts/alerts-view: the first event of an alert', () => {
  it('is a block with the briefing of the team', () => {
    expect(formatAlertEvent(alertEventOf(1), true)).toBe(
      [
        '#1 RAISED 2026-05-04T08:15:01.000Z measure SA/2026/0007, alert alert-1',
        '  alert       raised 2026-05-04T08:15:00.000Z; not classified; police not on site; call ongoing',
        '  position    50.83330, 4.36670 ±25 m GNSS at 2026-05-04T08:15:01.000Z; zone 5339 Bruxelles-Capitale/Ixelles (+32 2 555 53 39)',
        '  managing    zone 5339 Bruxelles-Capitale/Ixelles (+32 2 555 53 39)',
        '  protected   VICTIM DEMO-Peeters Anna, 85073003328',
        '  suspect     DEMO-Janssens Tom, 80010100151; EX_PARTNER',
        '  record      weapons FIREARM (pistol); known for violence; no-contact order until 2027-02-03',
        '  antecedents intra-family violence, weapons (36)',
        '  devices     BUTTON BTN-0042 battery 80% at 2026-05-04T06:00:00.000Z',
        '',
      ].join('\n'),
    );
  });

  it('says which parts are unavailable or unknown', () => {
    const base = alertEventOf(1);
    const event: AlertEventView = {
      ...base,
      interventionZone: null,
      alert: { ...base.alert, location: null },
      measure: {
        ...base.measure,
        devices: null,
        suspect: { ...base.measure.suspect, bng: null, antecedentReview: null },
      },
    };
    const text = formatAlertEvent(event, true);
    expect(text).toContain('  position    no position fix yet\n');
    expect(text).toContain('  record      unavailable\n');
    expect(text).toContain('  antecedents unavailable\n');
    expect(text).toContain('  devices     unavailable\n');
  });

  it('flags a person outside Belgium (§5.1)', () => {
    const text = formatAlertEvent(
      alertEventOf(1, { outsideCoverage: true, interventionZone: null }),
      true,
    );
    expect(text).toMatch(/position .*; OUTSIDE BELGIUM\n/);
  });

  it('shows a wanted suspect with no weapon on record', () => {
    const base = alertEventOf(1);
    const bng = {
      knownForViolence: false,
      holdsWeapons: false,
      wanted: true,
      wantedReason: 'TO_BE_ARRESTED',
      weapons: [],
      noContactOrders: [],
    };
    const suspect = { ...base.measure.suspect, bng };
    const text = formatAlertEvent(
      { ...base, measure: { ...base.measure, suspect } },
      true,
    );
    expect(text).toContain(
      '  record      no weapons known; wanted TO_BE_ARRESTED\n',
    );
  });
});

describe('scripts/alerts-view: later events of an alert', () => {
  const base = alertEventOf(5);
  const alert = {
    ...base.alert,
    classification: 'REAL',
    policeArrivedAt: '2026-05-04T08:24:00.000Z',
    callEndedAt: '2026-05-04T08:40:00.000Z',
  };

  it.each([
    ['CLASSIFIED', 'classified REAL'],
    ['POLICE_ARRIVED', 'police on site at 2026-05-04T08:24:00.000Z'],
    ['CLOSED', 'call ended at 2026-05-04T08:40:00.000Z'],
    ['LOCATION_UPDATED', '50.83330, 4.36670 ±25 m GNSS at'],
  ] as const)('%s is one line saying what changed', (kind, change) => {
    const text = formatAlertEvent({ ...base, kind, alert }, false);
    expect(text).toMatch(/^#5 \S+ 2026-05-04T08:15:05.000Z SA\/2026\/0007: /);
    expect(text).toContain(`: ${change}`);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('scripts/alerts-view: errors beside an event', () => {
  it('names the path and the code of each', () => {
    expect(
      formatPartialErrors([
        {
          message: 'MaCH did not answer',
          path: ['alertEvents', 'measure', 'suspect', 'antecedentReview'],
          extensions: { code: 'AGENCY_UNAVAILABLE' },
        },
        { message: 'Something else' },
      ]),
    ).toBe(
      '  ! alertEvents.measure.suspect.antecedentReview: AGENCY_UNAVAILABLE\n' +
        '  ! event: Something else\n',
    );
  });
});
