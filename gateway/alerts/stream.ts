/**
 * One subscription's run of answers, and the executions subscriptions
 * share.
 *
 * The feed hands a stream the entries its subscriber is entitled to, in
 * order; for each the stream asks the gateway to answer the subscriber's
 * query (operation.ts) and yields the answers in the entries' order,
 * whatever order they are ready in. Streams whose query and entitlement
 * are the same share one execution per entry (`SharedExecutions`).
 *
 * Each answer carries the entry's sequence in `extensions.sequence`, so a
 * client that did not select it still knows where to resume. An entry
 * whose event the graph does not show the subscriber (null, no error) is
 * passed over: the subgraph judged it again and found the subscriber not
 * entitled any more.
 */
import {
  GraphQLError,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import type { AlertNotice } from '../../runtime/alerts/notice';
import type { Identity } from '../../runtime/identity';
import { takeDeliveryReads, type DeliveryReads } from '../audit/delivery';
import type { FeedSubscriber } from './feed';
import type { AlertOperation } from './operation';

/** Answers an operation's query for one entry, under an identity. */
export type EntryExecutor = (
  operation: AlertOperation,
  identity: Identity,
  sequence: number,
) => Promise<FormattedExecutionResult>;

/** An answer for one entry; null when there is nothing to send. */
type Answer = ExecutionResult | null;

/** Answers in flight kept per group, for streams handed the same entry. */
const ANSWERS_KEPT = 64;

/** Default: answers waiting for a slow client before its stream ends. */
export const DEFAULT_MAX_BACKLOG = 1000;

/**
 * What may share an execution: the same query and variables, run for
 * the same role and organisation. The subject is not part of it: two
 * officers of one zone see the same alert the same way.
 */
export function sharingKey(operation: AlertOperation, identity: Identity): string {
  const scope = identity.zone ?? identity.province ?? identity.arrondissement;
  return `${identity.role}\u0000${scope ?? ''}\u0000${operation.key}`;
}

interface Group {
  members: number;
  readonly answers: Map<number, Promise<Answer>>;
}

/** The executions in flight or just done, by sharing key and sequence. */
export class SharedExecutions {
  readonly #groups = new Map<string, Group>();
  #executions = 0;

  /** Executions started so far: fewer than answers when shared. */
  get executions(): number {
    return this.#executions;
  }

  /** Joins the group of `key`; the answer leaves it. */
  join(key: string): () => void {
    const group = this.#groups.get(key) ?? { members: 0, answers: new Map() };
    group.members += 1;
    this.#groups.set(key, group);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      group.members -= 1;
      if (group.members === 0) this.#groups.delete(key);
    };
  }

  /** The group's answer for `sequence`, run once by `execute`. */
  answer(
    key: string,
    sequence: number,
    execute: () => Promise<Answer>,
  ): Promise<Answer> {
    const group = this.#groups.get(key);
    const known = group?.answers.get(sequence);
    if (known !== undefined) return known;
    this.#executions += 1;
    const answer = execute();
    if (group !== undefined) {
      group.answers.set(sequence, answer);
      // Shared while in flight only. A stream that asks once the answer
      // has settled (one resuming with `since` from the ring) must get
      // the entry judged now, as Query.alertEvents judges it, not as it
      // stood then: once an alert is FALSE its events are no longer the
      // magistrate's (§7.11.2), and `alert` is the alert as it stands.
      const settled = () => {
        if (group.answers.get(sequence) === answer) {
          group.answers.delete(sequence);
        }
      };
      answer.then(settled, settled);
      if (group.answers.size > ANSWERS_KEPT) {
        const [oldest] = group.answers.keys();
        group.answers.delete(oldest);
      }
    }
    return answer;
  }
}

export interface AlertStreamOptions {
  readonly identity: Identity;
  readonly operation: AlertOperation;
  readonly executor: EntryExecutor;
  readonly shared: SharedExecutions;
  /** Told once when the stream ends, whoever ends it. */
  readonly onEnd: (stream: AlertStream) => void;
  readonly maxBacklog?: number;
  /**
   * Told of each answer as it is handed to this subscriber, with what
   * its execution read, for the audit trail; default: nothing.
   */
  readonly onDelivery?: (reads: DeliveryReads, answer: ExecutionResult) => void;
  /**
   * Told as each answer is handed to this subscriber, with the notice
   * it answers, for the metrics; default: nothing.
   */
  readonly onSent?: (notice: AlertNotice) => void;
}

/** Private: an answer on its way, and the notice it answers. */
interface Due {
  readonly notice: AlertNotice;
  readonly answer: Promise<Answer>;
}

/**
 * What each answer's execution read (gateway/audit/delivery.ts): kept
 * beside the answer, which several streams may share, never in it.
 */
const answerReads = new WeakMap<ExecutionResult, DeliveryReads>();

export class AlertStream
implements AsyncIterableIterator<ExecutionResult>, FeedSubscriber {
  readonly identity: Identity;
  readonly #options: AlertStreamOptions;
  readonly #key: string;
  readonly #leave: () => void;
  readonly #backlog: Due[] = [];
  #wake: (() => void) | null = null;
  #ended = false;
  /** A last answer to send before the end, when the stream fails. */
  #last: ExecutionResult | null = null;

  constructor(options: AlertStreamOptions) {
    this.identity = options.identity;
    this.#options = options;
    this.#key = sharingKey(options.operation, options.identity);
    this.#leave = options.shared.join(this.#key);
  }

  get ended(): boolean {
    return this.#ended;
  }

  deliver(notice: AlertNotice): void {
    if (this.#ended || this.#last !== null) return;
    const limit = this.#options.maxBacklog ?? DEFAULT_MAX_BACKLOG;
    if (this.#backlog.length >= limit) {
      this.fail(new GraphQLError(
        `The subscriber fell ${limit} alert events behind; subscribe again with since set to the last sequence received.`,
        { extensions: { code: 'ALERT_STREAM_OVERFLOW' } },
      ));
      return;
    }
    const { shared, executor, operation } = this.#options;
    this.#backlog.push({
      notice,
      answer: shared.answer(this.#key, notice.sequence, () =>
        answerOf(executor, operation, this.identity, notice.sequence)),
    });
    this.#wakeUp();
  }

  /** Ends the stream after the answers already due, with this error. */
  fail(error: GraphQLError): void {
    if (this.#ended || this.#last !== null) return;
    this.#last = { errors: [error] };
    this.#wakeUp();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      if (this.#ended) return { done: true, value: undefined };
      const due = this.#backlog.shift();
      if (due === undefined) {
        if (this.#last !== null) {
          const last = this.#last;
          this.#end();
          return { done: false, value: last };
        }
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
        continue;
      }
      const answer = await due.answer;
      if (this.#ended) return { done: true, value: undefined };
      if (answer !== null) {
        const reads = answerReads.get(answer);
        if (reads !== undefined) this.#options.onDelivery?.(reads, answer);
        this.#options.onSent?.(due.notice);
        return { done: false, value: answer };
      }
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.#end();
    return { done: true, value: undefined };
  }

  async throw(): Promise<IteratorResult<ExecutionResult>> {
    this.#end();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#backlog.length = 0;
    this.#leave();
    this.#wakeUp();
    this.#options.onEnd(this);
  }
}

/**
 * Private: the answer to send for one entry, with its sequence; null
 * when the graph shows the subscriber no event there. A failure of the
 * execution itself becomes an answer with an error, not the end of the
 * stream: the next entry may well be answered.
 */
async function answerOf(
  executor: EntryExecutor,
  operation: AlertOperation,
  identity: Identity,
  sequence: number,
): Promise<Answer> {
  const extensions = { sequence: String(sequence) };
  let result: FormattedExecutionResult;
  try {
    result = await executor(operation, identity, sequence);
  } catch {
    return {
      errors: [new GraphQLError(
        `Alert event ${sequence} could not be resolved.`,
        { extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      )],
      extensions,
    };
  }
  const event = result.data?.[operation.responseKey];
  const errors = result.errors ?? [];
  if (event === null && errors.length === 0) return null;
  const { reads, rest } = takeDeliveryReads(result.extensions);
  const answer: ExecutionResult = {
    data: result.data,
    ...(errors.length > 0 && { errors: errors.map(errorOf) }),
    extensions: { ...rest, ...extensions },
  };
  if (reads !== null) answerReads.set(answer, reads);
  return answer;
}

/**
 * An error of the gateway's answer as graphql-ws sends it: message, path
 * and extensions. Its locations point into the query run for the entry,
 * not into the client's subscription, so they are left out.
 */
export function errorOf(formatted: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(formatted.message, {
    path: formatted.path,
    extensions: formatted.extensions,
  });
}
