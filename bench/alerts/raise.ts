/**
 * Raises the bench's alerts as the 112 system would: `recordAlert`
 * through the gateway over HTTP, at a steady pace.
 *
 * The pace is kept open-loop: alert i is sent at start + i × interval
 * whether or not the answers to the earlier ones have come, so a slow
 * answer delays no later alert and hides no queueing from the figures.
 */
import type { AlertTarget } from './plan';

export const RECORD_ALERT_MUTATION = /* GraphQL */ `
  mutation AlertBenchRaise($input: RecordAlertInput!) {
    recordAlert(input: $input) { id }
  }
`;

export interface RaiseOptions {
  /** The gateway's GraphQL endpoint over HTTP. */
  readonly url: string;
  /** An app112 token. */
  readonly token: string;
  /** Alert i goes to target i modulo their number. */
  readonly targets: readonly AlertTarget[];
  readonly count: number;
  readonly intervalMs: number;
  /** Makes the alert ids of this run unique: `bench-<run>-<n>`. */
  readonly runId: string;
  /** Told just before each request is sent. */
  readonly onSend: (
    alertId: string,
    target: AlertTarget,
    sentAt: number,
  ) => void;
  /** Told when a raise is refused or fails. */
  readonly onRefused: (alertId: string, reason: string) => void;
  readonly signal?: AbortSignal;
}

export interface RaiseResult {
  /** Alerts the gateway recorded. */
  readonly recorded: number;
  /** Why each refused one was refused, by alert id. */
  readonly refused: ReadonlyMap<string, string>;
  /** Request sent → answer received, per alert, in ms. */
  readonly roundTrips: readonly number[];
  readonly firstSentAt: number;
  readonly lastSentAt: number;
}

/** Sends every alert at its time, then waits for every answer. */
export async function raiseAlerts(options: RaiseOptions): Promise<RaiseResult> {
  const refused = new Map<string, string>();
  const roundTrips: number[] = [];
  const answers: Promise<void>[] = [];
  const started = Date.now();
  let lastSentAt = started;

  for (let n = 0; n < options.count; n += 1) {
    await sleepUntil(started + n * options.intervalMs, options.signal);
    const target = options.targets[n % options.targets.length];
    const alertId = `bench-${options.runId}-${n + 1}`;
    lastSentAt = Date.now();
    options.onSend(alertId, target, lastSentAt);
    answers.push(raiseOne(options, alertId, target).then(
      (roundTrip) => void roundTrips.push(roundTrip),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        refused.set(alertId, reason);
        options.onRefused(alertId, reason);
      },
    ));
  }
  await Promise.all(answers);
  return {
    recorded: options.count - refused.size,
    refused,
    roundTrips,
    firstSentAt: started,
    lastSentAt,
  };
}

/** Private: one raise; answers its round trip, or rejects with why. */
async function raiseOne(
  options: RaiseOptions,
  alertId: string,
  target: AlertTarget,
): Promise<number> {
  const sentAt = performance.now();
  const response = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.token}`,
    },
    body: JSON.stringify({
      query: RECORD_ALERT_MUTATION,
      variables: {
        input: {
          measureId: target.measureId,
          alertId,
          raisedAt: new Date().toISOString(),
        },
      },
    }),
    signal: options.signal,
  });
  const body = (await response.json()) as {
    data?: { recordAlert?: { id?: unknown } | null } | null;
    errors?: { message?: unknown; extensions?: { code?: unknown } }[];
  };
  const roundTrip = performance.now() - sentAt;
  if (body.errors?.length || body.data?.recordAlert?.id !== target.measureId) {
    const [first] = body.errors ?? [];
    const code = String(first?.extensions?.code ?? response.status);
    const message = String(first?.message ?? 'no measure in the answer');
    throw new Error(`${code}: ${message}`);
  }
  return roundTrip;
}

/** Private: resolves at `time` (ms since the epoch), or at once if past. */
function sleepUntil(time: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const wait = time - Date.now();
  if (wait <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, wait);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
