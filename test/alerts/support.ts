/**
 * What the live alert tests share: the subscription they hold, the
 * events a subscriber received, an alert's facts sent through the
 * gateway, and waits on the gateway's own counts rather than on a clock.
 *
 * Every subscriber is a real graphql-ws client on a real socket
 * (test/support/subscriber.ts); every fact goes through the gateway over
 * HTTP, as the 112 system, the CIC or the police would send it.
 */
import type { RunningGateway } from '../../gateway/server';
import { DEMO } from '../../storage/demo-data';
import type { Caller, MeasurePlace } from '../protection/support';
import {
  subscribeAlerts,
  type AlertSubscriber,
  type SubscribeOptions,
} from '../support/subscriber';
import { waitFor } from '../support/wait';

/** The day the alert tests play on: every demo measure of theirs runs. */
export const TODAY = '2026-12-10';

/** Where the measures the tests grant are managed: Antwerpen, Gent. */
export const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
export const GENT: MeasurePlace = { zone: '5415', arrondissement: 'OVL' };

/** The demo measure with every part, and its managing zone, Rupel. */
export const DEMO_MEASURE = DEMO.measureIds.activeWithEverything;
export const DEMO_MANAGING_ZONE = '5347';

/** A dispatcher's board: which fact, of which alert, of which measure. */
export const BOARD = /* GraphQL */ `
  subscription Board($since: ID) {
    alertEvents(since: $since) {
      sequence
      kind
      alert { id }
      measure { id }
    }
  }
`;

/** One event as a subscriber received it. */
export interface SeenEvent {
  /** From the event's own `sequence`. */
  readonly sequence: number;
  readonly kind: string;
  readonly alertId: string;
  readonly measureId: string;
}

/** Private: the event a board answer carries; null for any other. */
function seenOf(data: Record<string, unknown> | null | undefined) {
  const event = data?.alertEvents as {
    sequence?: string;
    kind?: string;
    alert?: { id?: string };
    measure?: { id?: string };
  } | null | undefined;
  if (typeof event?.sequence !== 'string') return null;
  return {
    sequence: Number(event.sequence),
    kind: String(event.kind),
    alertId: String(event.alert?.id),
    measureId: String(event.measure?.id),
  };
}

/** The board events a subscriber received, in the order received. */
export function eventsOf(subscriber: AlertSubscriber): SeenEvent[] {
  return subscriber.answers
    .map((answer) => seenOf(answer.data))
    .filter((event): event is SeenEvent => event !== null);
}

/** The facts received, as `<alert> <kind>`, in the order received. */
export function factsOf(subscriber: AlertSubscriber): string[] {
  return eventsOf(subscriber).map(({ alertId, kind }) => `${alertId} ${kind}`);
}

/** The sequences received, as numbers, from `extensions.sequence`. */
export function sequencesOf(subscriber: AlertSubscriber): number[] {
  return subscriber.sequences().map(Number);
}

/** Resolves once the subscriber received the fact `<alert> <kind>`. */
export function waitForFact(
  subscriber: AlertSubscriber,
  fact: string,
  timeoutMs?: number,
): Promise<void> {
  return waitFor(`${fact} (have ${factsOf(subscriber).join(', ')})`,
    () => factsOf(subscriber).includes(fact), timeoutMs);
}

/**
 * Subscribes and resolves once the gateway counts the subscriber live:
 * caught up on what it missed and handed every new entry. Subscribe one
 * at a time: the count is the gateway's, not the subscriber's.
 */
export async function subscribeLive(
  gateway: RunningGateway,
  token: string,
  query: string = BOARD,
  options: SubscribeOptions = {},
): Promise<AlertSubscriber> {
  const before = gateway.alertStream.live;
  const subscriber = await subscribeAlerts(gateway.url, token, query, options);
  await waitFor(`a subscriber live on ${gateway.url}`, () => {
    if (subscriber.closed !== null || subscriber.failure !== null) {
      throw new Error(`The subscription ended: ${JSON.stringify({
        closed: subscriber.closed, failure: subscriber.failure })}`);
    }
    return gateway.alertStream.live > before;
  });
  return subscriber;
}

/** Disposes of a subscriber and waits until the gateway let it go. */
export async function leave(
  gateway: RunningGateway,
  subscriber: AlertSubscriber,
): Promise<void> {
  const before = gateway.alertStream.live;
  await subscriber.dispose();
  await waitFor('the gateway to let the subscriber go',
    () => gateway.alertStream.live < before);
}

/** The mutations that make an alert's facts, and the travel notice. */
export type AlertMutation =
  | 'recordAlert'
  | 'raiseAlertFromDevice'
  | 'recordAlertLocation'
  | 'classifyAlert'
  | 'recordPoliceArrival'
  | 'closeAlertCall'
  | 'announceTravel';

/** Sends one mutation that must succeed; answers the measure's id. */
export async function send(
  caller: Caller,
  name: AlertMutation,
  input: Record<string, unknown>,
): Promise<string> {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  const data = await caller.data<Record<string, { id: string }>>(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`,
    { input });
  return data[name].id;
}

/** A GNSS fix inside the shipped shape of zone 5339 (Ixelles). */
export function inIxelles(fixedAt: string): Record<string, unknown> {
  return {
    latitude: 50.833, longitude: 4.367, accuracyMeters: 12,
    confidencePercent: 68, method: 'GNSS', fixedAt,
  };
}

/** An instant on `day` at `time` (UTC), as the mutations take it. */
export function at(day: string, time: string): string {
  return `${day}T${time}Z`;
}
