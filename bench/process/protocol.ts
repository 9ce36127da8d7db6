/**
 * What a bench and a process it starts say to each other over Node's
 * IPC channel: the bench asks, the process answers each request once,
 * under the request's id, with a value or a failure.
 *
 * Which requests a process takes is one interface per process, its
 * handlers' signatures (bench/alerts/protocol.ts, bench/gateway/
 * protocol.ts): the process implements it (serve.ts) and the bench asks
 * by it (child.ts), so both sides check the same payloads and answers.
 */

export interface RequestMessage {
  readonly id: number;
  readonly type: string;
  readonly payload?: unknown;
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

/**
 * The shape every process's requests have: each handler takes at most
 * one payload and answers at once or in a promise. `stop` is no handler
 * of the process's own: every process takes it (serve.ts).
 *
 * Payloads and answers cross the channel as JSON: no `undefined` inside,
 * no class instances, no functions.
 */
export type Requests<P> = {
  readonly [K in keyof P]: K extends 'stop'
    ? never
    : (payload: never) => unknown;
};

/** After the type of a request: its payload if it takes one, a timeout. */
export type AskArgs<Handler> = Handler extends () => unknown
  ? [payload?: undefined, timeoutMs?: number]
  : Handler extends (payload: infer Payload) => unknown
    ? [payload: Payload, timeoutMs?: number]
    : never;

/** What a request's handler answers, once settled. */
export type Answer<Handler> = Handler extends (payload: never) => infer Value
  ? Awaited<Value>
  : never;

/** A message from the bench, checked as far as a process needs. */
export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as Partial<RequestMessage>;
  return typeof id === 'number' && typeof type === 'string';
}

/** A message from a process, checked as far as the bench needs. */
export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, ok } = value as Partial<ReplyMessage>;
  return typeof id === 'number' && typeof ok === 'boolean';
}
