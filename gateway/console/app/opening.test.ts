import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getOperationAST,
  parse,
  type DocumentNode,
} from 'graphql';
import {
  ALERT_EVENT_QUERY,
  ALERT_EVENTS_SUBSCRIPTION,
  RECENT_ALERT_EVENTS_QUERY,
  RECENT_EVENTS_LIMIT,
  type AlertEventKind,
  type RecentAlertEventView,
} from '../../../scripts/alerts-view';
import { alertEventOf } from '../../../test/support/alert-stream';
import { operationCost } from '../../cost';
import { DEFAULT_LIMITS } from '../../limits';
import {
  alertsInProgress,
  asStreamed,
  lastSequenceOf,
  openingOf,
  type LatestRead,
} from './opening';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema',
  'supergraph.graphql');

function recent(
  sequence: number,
  alertId: string,
  kind: AlertEventKind,
): RecentAlertEventView {
  return {
    sequence: String(sequence), kind,
    at: `2026-12-10T08:00:${String(sequence).padStart(2, '0')}Z`,
    alert: { id: alertId },
  };
}

describe('alertsInProgress', () => {
  it('keeps the alerts no event closed, each event in the order read',
    () => {
      const open = alertsInProgress([
        recent(3, 'a', 'RAISED'),
        recent(4, 'b', 'RAISED'),
        recent(5, 'a', 'LOCATION_UPDATED'),
        recent(6, 'b', 'CLOSED'),
        recent(7, 'c', 'CLASSIFIED'),
      ]);
      expect([...open.keys()]).toEqual(['a', 'c']);
      expect(open.get('a')?.map((event) => event.sequence))
        .toEqual(['3', '5']);
    });

  it('leaves out an alert whose close was read before its other events',
    () => {
      const open = alertsInProgress([
        recent(8, 'a', 'CLOSED'),
        recent(9, 'a', 'CLASSIFIED'),
      ]);
      expect(open.size).toBe(0);
    });
});

describe('lastSequenceOf', () => {
  it('answers the highest sequence read, 0 for none', () => {
    expect(lastSequenceOf([recent(12, 'a', 'RAISED'),
      recent(40, 'b', 'CLOSED')])).toBe(40);
    expect(lastSequenceOf([])).toBe(0);
  });
});

describe('asStreamed', () => {
  it('gives an event read its own sequence, kind and instant, the rest '
    + 'as the alert stands now', () => {
    const latest = alertEventOf(9, { kind: 'CLASSIFIED' });
    const event = asStreamed(recent(4, 'alert-1', 'RAISED'), latest);
    expect(event).toEqual({
      ...latest, sequence: '4', kind: 'RAISED', at: '2026-12-10T08:00:04Z',
    });
  });
});

describe('openingOf', () => {
  /** The full latest event of `alertId`, numbered `sequence`. */
  function readOf(
    alertId: string,
    sequence: number,
    callEndedAt: string | null = null,
  ): LatestRead {
    const view = alertEventOf(sequence);
    return {
      kind: 'read',
      view: { ...view, alert: { ...view.alert, id: alertId, callEndedAt } },
      errors: [],
    };
  }

  it('hands over each event of the alerts shown in sequence order, and '
    + 'the last sequence of all read', () => {
    const read = [
      recent(10, 'a', 'RAISED'),
      recent(11, 'b', 'RAISED'),
      recent(12, 'a', 'LOCATION_UPDATED'),
      recent(13, 'c', 'CLOSED'),
    ];
    const opening = openingOf(read, new Map([
      ['a', readOf('a', 12)], ['b', readOf('b', 11)],
    ]));
    expect(opening.events.map(({ data }) =>
      [data.alertEvents.sequence, data.alertEvents.kind,
        data.alertEvents.alert.id]))
      .toEqual([['10', 'RAISED', 'a'], ['11', 'RAISED', 'b'],
        ['12', 'LOCATION_UPDATED', 'a']]);
    expect(opening).toMatchObject({ last: 13, read: 4, shown: 2,
      unread: [] });
  });

  it('leaves out an alert whose call has ended as it stands now, one the '
    + 'caller may no longer read, and counts one that failed', () => {
    const read = [
      recent(20, 'ended', 'CLASSIFIED'),
      recent(21, 'gone', 'RAISED'),
      recent(22, 'failed', 'RAISED'),
    ];
    const opening = openingOf(read, new Map<string, LatestRead>([
      ['ended', readOf('ended', 20, '2026-12-10T08:00:00Z')],
      ['gone', { kind: 'gone' }],
      ['failed', { kind: 'failed', why: 'Too many requests: try again.' }],
    ]));
    expect(opening).toEqual({ last: 22, read: 3, events: [], shown: 0,
      unread: ['Too many requests: try again.'] });
  });
});

describe('the documents the board opens with', () => {
  const schema = buildSchema(readFileSync(SUPERGRAPH, 'utf8'));
  const costOf = (source: string) => {
    const document: DocumentNode = parse(source);
    const operation = getOperationAST(document);
    if (!operation) throw new Error('No operation');
    return operationCost(schema, document, operation);
  };

  it('read the recent events and each alert\'s briefing within the '
    + 'gateway\'s default cost', () => {
    expect(costOf(RECENT_ALERT_EVENTS_QUERY))
      .toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(costOf(ALERT_EVENT_QUERY))
      .toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
  });

  it('read a briefing for each alert in progress, far less than for each '
    + 'recent event at once', () => {
    const inFull = ALERT_EVENTS_SUBSCRIPTION
      .replace('subscription AlertEvents($since: ID)', 'query AllAtOnce')
      .replace('alertEvents(since: $since)',
        `alertEvents(limit: ${RECENT_EVENTS_LIMIT})`);
    const inTwoSteps = (inProgress: number) =>
      costOf(RECENT_ALERT_EVENTS_QUERY)
        + inProgress * costOf(ALERT_EVENT_QUERY);

    expect(inTwoSteps(10)).toBeLessThan(costOf(inFull) / 10);
    expect(inTwoSteps(190)).toBeLessThan(costOf(inFull));
  });
});
