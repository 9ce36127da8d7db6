/**
 * The alert log as each caller reads it, through the protection subgraph
 * in-process (the identity stands for the one the gateway signs): the
 * end of an alert's call as one CLOSED event, and `Query.alertEvent`,
 * the one event the live stream resolves for a subscriber. On both
 * databases.
 */
import {
  openSqlProtectionAdapter,
  type SqlProtectionAdapter,
} from '../../adapters/protection';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import type { Identity } from '../../runtime/identity';
import { describeEachDatabase } from '../../test/support/databases';
import {
  ANTWERPEN,
  APP112,
  GATEWAY,
  IXELLES,
  RAISED_AT,
  dataOf,
  insertAntwerpenMeasure,
  protectionClient,
} from '../../test/support/protection-subgraph';
import type { SubgraphClient } from '../../test/support/subgraph';

const NOW = '2026-12-01T09:00:00Z';

const CIC_VAN: Identity =
  { subject: 'cic-van', role: 'cic', province: 'BE-VAN' };
const CIC_BRU: Identity =
  { subject: 'cic-bru', role: 'cic', province: 'BE-BRU' };
const PARQUET_ANT: Identity =
  { subject: 'mag-ant', role: 'magistrate', arrondissement: 'ANT' };
const VICTIM_SUPPORT: Identity =
  { subject: 'sav-ant', role: 'victim-support', arrondissement: 'ANT' };
const ANALYST: Identity = { subject: 'analyst', role: 'analyst' };

const RECORD_ALERT = /* GraphQL */ `
  mutation ($input: RecordAlertInput!) { recordAlert(input: $input) { id } }
`;

/** What every caller reads of the change it has just made. */
const CLOSE_CALL = /* GraphQL */ `
  mutation ($input: CloseAlertCallInput!) {
    closeAlertCall(input: $input) { id status }
  }
`;

/** The answer with the measure's alerts, which the 112 system may not read. */
const CLOSE_CALL_WITH_ALERTS = /* GraphQL */ `
  mutation ($input: CloseAlertCallInput!) {
    closeAlertCall(input: $input) { id alerts { id callEndedAt } }
  }
`;

const ALERTS = /* GraphQL */ `
  query ($id: ID!) {
    protectionMeasure(id: $id) { alerts { id callEndedAt } }
  }
`;

const ALERT_EVENTS = /* GraphQL */ `
  query { alertEvents(limit: 1000) { sequence kind alert { id } } }
`;

const ALERT_EVENT = /* GraphQL */ `
  query ($sequence: ID!) {
    alertEvent(sequence: $sequence) {
      sequence kind at alert { id callEndedAt } measure { id }
    }
  }
`;

interface EventView {
  sequence: string;
  kind: string;
  alert: { id: string };
}

describeEachDatabase('the protection subgraph: reading alert events',
  (getOptions) => {
    let adapter: SqlProtectionAdapter;
    let client: SubgraphClient;
    let measureId: string;

    beforeAll(async () => {
      adapter = await openSqlProtectionAdapter(getOptions(),
        { territory: SHIPPED_TERRITORY });
      measureId = await insertAntwerpenMeasure(adapter, 'feed-1',
        'SA/1999/0201');
      client = protectionClient(adapter, NOW);
    });

    afterAll(async () => {
      await client?.stop();
      await adapter?.close();
    });

    const data = <T>(...operation: Parameters<SubgraphClient['run']>) =>
      dataOf<T>(client, ...operation);

    /** The only error of an operation that must fail. */
    async function refusal(
      identity: Identity,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      const result = await client.run(identity, query, variables);
      expect(result.errors).toHaveLength(1);
      return result.errors![0]!;
    }

    async function raise(alertId: string): Promise<void> {
      await data(APP112, RECORD_ALERT,
        { input: { measureId, alertId, raisedAt: RAISED_AT } });
    }

    function closeCall(identity: Identity, alertId: string, endedAt: string) {
      return client.run<{ closeAlertCall: { id: string; status: string } }>(
        identity, CLOSE_CALL, { input: { measureId, alertId, endedAt } });
    }

    /** When the alert's call ended, as the managing zone reads it. */
    async function callEndOf(alertId: string): Promise<string | null> {
      const { protectionMeasure } = await data<{
        protectionMeasure: { alerts: { id: string; callEndedAt: string }[] };
      }>(ANTWERPEN, ALERTS, { id: measureId });
      const alert = protectionMeasure.alerts.find((a) => a.id === alertId);
      if (!alert) throw new Error(`No alert ${alertId}`);
      return alert.callEndedAt;
    }

    /** The events of one alert the managing zone reads, oldest first. */
    async function kindsOf(alertId: string): Promise<string[]> {
      const { alertEvents } = await data<{ alertEvents: EventView[] }>(
        ANTWERPEN, ALERT_EVENTS);
      return alertEvents.filter((event) => event.alert.id === alertId)
        .map((event) => event.kind);
    }

    async function sequenceOf(alertId: string, kind: string) {
      const { alertEvents } = await data<{ alertEvents: EventView[] }>(
        ANTWERPEN, ALERT_EVENTS);
      const found = alertEvents.find((event) =>
        event.alert.id === alertId && event.kind === kind);
      if (!found) throw new Error(`No ${kind} event of ${alertId}`);
      return found.sequence;
    }

    describe('Mutation.closeAlertCall', () => {
      it('§3: the 112 system closes the call; the log gets one CLOSED '
        + 'event, and none for the retry', async () => {
        await raise('by-112');

        const first = await closeCall(APP112, 'by-112',
          '2026-12-01T08:52:00Z');
        const retry = await closeCall(APP112, 'by-112',
          '2026-12-01T09:52:00+01:00');

        expect(first.errors).toBeUndefined();
        expect(first.data?.closeAlertCall)
          .toEqual({ id: measureId, status: 'ACTIVE' });
        expect(retry.errors).toBeUndefined();
        expect(Date.parse((await callEndOf('by-112'))!))
          .toBe(Date.parse('2026-12-01T08:52:00Z'));
        expect(await kindsOf('by-112')).toEqual(['RAISED', 'CLOSED']);
      });

      it('§3: the 112 system\'s answer names the measure, not its alerts',
        async () => {
          const answer = await client.run(APP112, CLOSE_CALL_WITH_ALERTS,
            { input: { measureId, alertId: 'by-112',
              endedAt: '2026-12-01T08:52:00Z' } });
          expect(answer.data).toEqual(
            { closeAlertCall: { id: measureId, alerts: null } });
          expect(answer.errors).toEqual([expect.objectContaining({
            message: 'ProtectionMeasure.alerts is for police:managing-zone, '
              + 'magistrate:parquet, cic:province, police:briefed, '
              + 'cic:briefed; this caller is app112.',
            path: ['closeAlertCall', 'alerts'],
            extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
          })]);
          expect(await kindsOf('by-112')).toEqual(['RAISED', 'CLOSED']);
        });

      it('§3: the CIC of the province closes the call; another '
        + 'province\'s CIC may not', async () => {
        await raise('by-cic');

        const elsewhere = await closeCall(CIC_BRU, 'by-cic',
          '2026-12-01T08:50:00Z');
        expect(elsewhere.errors).toEqual([expect.objectContaining({
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        expect(await kindsOf('by-cic')).toEqual(['RAISED']);

        const own = await closeCall(CIC_VAN, 'by-cic',
          '2026-12-01T08:50:00Z');
        expect(own.errors).toBeUndefined();
        expect(await kindsOf('by-cic')).toEqual(['RAISED', 'CLOSED']);
      });

      it.each([
        ['victim support', VICTIM_SUPPORT],
        ['an analyst', ANALYST],
        ['the gateway', GATEWAY],
      ])('§3: %s may not close a call', async (_, identity) => {
        await raise('not-theirs');
        const refused = await closeCall(identity, 'not-theirs',
          '2026-12-01T08:50:00Z');
        expect(refused.errors).toEqual([expect.objectContaining({
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        expect(await kindsOf('not-theirs')).toEqual(['RAISED']);
      });

      it('§3: another end is ALERT_CONFLICT; an end before the press or '
        + 'after now is INVALID_INPUT on endedAt', async () => {
        await raise('disputed');
        const answers = [
          await closeCall(APP112, 'disputed', '2026-12-01T08:39:59Z'),
          await closeCall(APP112, 'disputed', '2026-12-01T09:00:01Z'),
          await closeCall(APP112, 'disputed', '2026-12-01T08:45:00Z'),
          await closeCall(APP112, 'disputed', '2026-12-01T08:46:00Z'),
        ];
        expect(answers.map((answer) => answer.errors?.[0]?.extensions))
          .toEqual([
            expect.objectContaining(
              { code: 'INVALID_INPUT', field: 'endedAt' }),
            expect.objectContaining(
              { code: 'INVALID_INPUT', field: 'endedAt' }),
            undefined,
            expect.objectContaining({ code: 'ALERT_CONFLICT' }),
          ]);
        expect(await kindsOf('disputed')).toEqual(['RAISED', 'CLOSED']);
      });
    });

    describe('Query.alertEvent', () => {
      it('§3, §7.2.2: the managing zone, the province\'s CIC and the '
        + 'parquet read the event', async () => {
        const sequence = await sequenceOf('by-112', 'CLOSED');
        for (const reader of [ANTWERPEN, CIC_VAN, PARQUET_ANT]) {
          const { alertEvent } = await data<{ alertEvent: unknown }>(
            reader, ALERT_EVENT, { sequence });
          expect(alertEvent).toEqual({
            sequence,
            kind: 'CLOSED',
            at: '2026-12-01T09:00:00.000Z',
            alert: { id: 'by-112', callEndedAt: '2026-12-01T08:52:00.000Z' },
            measure: { id: measureId },
          });
        }
      });

      it.each([
        ['another zone', IXELLES],
        ['another province\'s CIC', CIC_BRU],
      ])('%s gets null', async (_, outsider) => {
        const sequence = await sequenceOf('by-112', 'RAISED');
        const { alertEvent } = await data<{ alertEvent: unknown }>(
          outsider, ALERT_EVENT, { sequence });
        expect(alertEvent).toBeNull();
      });

      it.each([
        ['an analyst', ANALYST, 'analyst'],
        ['victim support', VICTIM_SUPPORT, 'victim-support of ANT'],
        ['the 112 system', APP112, 'app112'],
        ['the gateway as a caller of its own', GATEWAY, 'gateway'],
      ])('%s is refused with FORBIDDEN', async (_, outsider, who) => {
        const sequence = await sequenceOf('by-112', 'RAISED');
        const result = await client.run(outsider, ALERT_EVENT, { sequence });
        expect(result.data).toEqual({ alertEvent: null });
        expect(result.errors).toEqual([expect.objectContaining({
          message: 'Query.alertEvent is for police, cic, magistrate; '
            + `this caller is ${who}.`,
          path: ['alertEvent'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });

      it('is null for a sequence the log does not hold', async () => {
        const latest = await sequenceOf('disputed', 'CLOSED');
        for (const sequence of ['0', String(Number(latest) + 1), '999999']) {
          const { alertEvent } = await data<{ alertEvent: unknown }>(
            ANTWERPEN, ALERT_EVENT, { sequence });
          expect(alertEvent).toBeNull();
        }
      });

      it.each(['abc', '-1', '1.5', '', '99999999999999999999'])(
        'refuses the sequence %p with BAD_USER_INPUT', async (sequence) => {
          const error = await refusal(ANTWERPEN, ALERT_EVENT, { sequence });
          expect(error.extensions).toMatchObject(
            { code: 'BAD_USER_INPUT', argument: 'sequence' });
        });
    });
  });
