import { setImmediate as turn } from 'node:timers/promises';
import {
  buildSchema,
  parse,
  type FormattedExecutionResult,
} from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import type { Identity } from '../../runtime/identity';
import { noticeOf } from '../../test/support/alerts';
import { DEFAULT_LIMITS } from '../limits';
import { alertOperationOf, type AlertOperation } from './operation';
import {
  AlertStream,
  SharedExecutions,
  sharingKey,
  type EntryExecutor,
} from './stream';

const schema = buildSchema(`
  type Query { alertEvent(sequence: ID!): AlertEvent }
  type Subscription { alertEvents(since: ID): AlertEvent! }
  type AlertEvent { sequence: ID! kind: String! }
`);

function operationOf(source: string): AlertOperation {
  const answer = alertOperationOf(
    schema, parse(source), { limits: DEFAULT_LIMITS });
  if (!('query' in answer)) throw new Error(answer[0].message);
  return answer;
}

const boardOperation = operationOf(
  'subscription { feed: alertEvents { sequence kind } }');

const officer: Identity = { subject: 'p-1', role: 'police', zone: '5345' };
const colleague: Identity = { subject: 'p-2', role: 'police', zone: '5345' };
const neighbour: Identity = { subject: 'p-3', role: 'police', zone: '5339' };

/** One call of the executor, settled when the test says so. */
interface Call {
  readonly sequence: number;
  readonly identity: Identity;
  settle(result: FormattedExecutionResult): void;
  fail(error: Error): void;
}

/** An executor whose answers the test settles, in any order. */
function heldExecutor(): { calls: Call[]; executor: EntryExecutor } {
  const calls: Call[] = [];
  const executor: EntryExecutor = (_operation, identity, sequence) =>
    new Promise((resolve, reject) => {
      calls.push({ sequence, identity, settle: resolve, fail: reject });
    });
  return { calls, executor };
}

/** The answer the gateway gives for an entry the subscriber may see. */
function eventResult(sequence: number): FormattedExecutionResult {
  return { data: { feed: { sequence: String(sequence), kind: 'RAISED' } } };
}

/** An executor that answers every entry at once. */
const answering: EntryExecutor = async (_operation, _identity, sequence) =>
  eventResult(sequence);

interface StreamSetup {
  identity?: Identity;
  operation?: AlertOperation;
  executor?: EntryExecutor;
  shared?: SharedExecutions;
  maxBacklog?: number;
  onEnd?: (stream: AlertStream) => void;
}

function streamOf(setup: StreamSetup = {}): AlertStream {
  return new AlertStream({
    identity: setup.identity ?? officer,
    operation: setup.operation ?? boardOperation,
    executor: setup.executor ?? answering,
    shared: setup.shared ?? new SharedExecutions(),
    maxBacklog: setup.maxBacklog,
    onEnd: setup.onEnd ?? (() => undefined),
  });
}

/** The next answer; the stream must not have ended. */
async function nextAnswer(stream: AlertStream): Promise<ExecutionResult> {
  const result = await stream.next();
  if (result.done === true) throw new Error('the stream ended');
  return result.value;
}

/** The sequences of the next `count` answers, from extensions.sequence. */
async function sequencesOf(
  stream: AlertStream,
  count: number,
): Promise<unknown[]> {
  const sequences: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = await nextAnswer(stream);
    sequences.push(answer.extensions?.sequence);
  }
  return sequences;
}

describe('AlertStream: order', () => {
  it('keeps delivery order, whatever order executions end in', async () => {
    const { calls, executor } = heldExecutor();
    const stream = streamOf({ executor });
    for (const sequence of [1, 2, 3]) stream.deliver(noticeOf(sequence));
    let first: unknown = null;
    const pending = nextAnswer(stream).then((answer) => {
      first = answer.extensions?.sequence;
    });

    calls[2].settle(eventResult(3));
    calls[1].settle(eventResult(2));
    await turn();
    expect(first).toBeNull();
    calls[0].settle(eventResult(1));
    await pending;

    expect(first).toBe('1');
    expect(await sequencesOf(stream, 2)).toEqual(['2', '3']);
  });

  it('adds the sequence to the extensions the gateway answered', async () => {
    const stream = streamOf({
      executor: async (_operation, _identity, sequence) => ({
        ...eventResult(sequence),
        extensions: { cost: 3 },
      }),
    });
    stream.deliver(noticeOf(5));

    const value = await nextAnswer(stream);

    expect(value).toEqual({
      data: { feed: { sequence: '5', kind: 'RAISED' } },
      extensions: { cost: 3, sequence: '5' },
    });
  });

  it('asks the executor under its own identity and sequence', async () => {
    const { calls, executor } = heldExecutor();
    const stream = streamOf({ executor, identity: neighbour });

    stream.deliver(noticeOf(8));

    expect(calls.map(({ identity, sequence }) => ({ identity, sequence })))
      .toEqual([{ identity: neighbour, sequence: 8 }]);
    await stream.return();
  });
});

describe('AlertStream: shared executions', () => {
  it('runs one execution per entry for one key and scope', async () => {
    const { calls, executor } = heldExecutor();
    const shared = new SharedExecutions();
    const first = streamOf({ executor, shared, identity: officer });
    const second = streamOf({ executor, shared, identity: colleague });

    for (const stream of [first, second]) {
      stream.deliver(noticeOf(1));
      stream.deliver(noticeOf(2));
    }
    for (const call of calls) call.settle(eventResult(call.sequence));

    expect(calls.map(({ sequence }) => sequence)).toEqual([1, 2]);
    expect(shared.executions).toBe(2);
    expect(await sequencesOf(first, 2)).toEqual(['1', '2']);
    expect(await sequencesOf(second, 2)).toEqual(['1', '2']);
  });

  it('runs separate executions for another zone', async () => {
    const { calls, executor } = heldExecutor();
    const shared = new SharedExecutions();
    const first = streamOf({ executor, shared, identity: officer });
    const second = streamOf({ executor, shared, identity: neighbour });

    first.deliver(noticeOf(1));
    second.deliver(noticeOf(1));

    expect(calls.map(({ identity }) => identity.zone)).toEqual([
      '5345',
      '5339',
    ]);
    expect(shared.executions).toBe(2);
  });

  it('runs separate executions for another selection', async () => {
    const { calls, executor } = heldExecutor();
    const shared = new SharedExecutions();
    const other = operationOf('subscription { alertEvents { kind } }');
    streamOf({ executor, shared }).deliver(noticeOf(1));
    streamOf({ executor, shared, operation: other }).deliver(noticeOf(1));

    expect(calls).toHaveLength(2);
  });

  it('shares nothing once the last stream of a key has left', async () => {
    const { calls, executor } = heldExecutor();
    const shared = new SharedExecutions();
    const leaving = streamOf({ executor, shared });
    leaving.deliver(noticeOf(1));

    await leaving.return();
    streamOf({ executor, shared }).deliver(noticeOf(1));

    expect(calls).toHaveLength(2);
  });

  it('keys on role and scope, not on the subject', () => {
    const cic: Identity = { subject: 'c-1', role: 'cic', province: '5345' };

    expect(sharingKey(boardOperation, officer))
      .toBe(sharingKey(boardOperation, colleague));
    expect(sharingKey(boardOperation, officer))
      .not.toBe(sharingKey(boardOperation, neighbour));
    expect(sharingKey(boardOperation, officer))
      .not.toBe(sharingKey(boardOperation, cic));
  });
});

describe('AlertStream: answers', () => {
  it('skips an entry the graph shows as null, without error', async () => {
    const stream = streamOf({
      executor: async (_operation, _identity, sequence) =>
        sequence === 1 ? { data: { feed: null } } : eventResult(sequence),
    });
    stream.deliver(noticeOf(1));
    stream.deliver(noticeOf(2));

    expect(await sequencesOf(stream, 1)).toEqual(['2']);
  });

  it('keeps errors with the data, without their locations', async () => {
    const stream = streamOf({
      executor: async () => ({
        data: { feed: { sequence: '4', kind: 'RAISED', suspect: null } },
        errors: [{
          message: 'The police record is unavailable.',
          locations: [{ line: 1, column: 40 }],
          path: ['feed', 'suspect'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
        }],
      }),
    });
    stream.deliver(noticeOf(4));

    const value = await nextAnswer(stream);

    expect(value.data).toEqual({
      feed: { sequence: '4', kind: 'RAISED', suspect: null },
    });
    expect(value.extensions).toEqual({ sequence: '4' });
    expect(value.errors?.map((error) => error.toJSON())).toEqual([{
      message: 'The police record is unavailable.',
      path: ['feed', 'suspect'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    }]);
  });

  it('keeps an error that nulls the event', async () => {
    const stream = streamOf({
      executor: async () => ({
        data: { feed: null },
        errors: [{ message: 'Forbidden.', extensions: { code: 'FORBIDDEN' } }],
      }),
    });
    stream.deliver(noticeOf(6));

    const value = await nextAnswer(stream);

    expect(value.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(value.extensions).toEqual({ sequence: '6' });
  });

  it('answers a failed execution with an error, and goes on', async () => {
    const stream = streamOf({
      executor: async (_operation, _identity, sequence) => {
        if (sequence === 7) throw new Error('pool exhausted at db-3:5432');
        return eventResult(sequence);
      },
    });
    stream.deliver(noticeOf(7));
    stream.deliver(noticeOf(8));

    const value = await nextAnswer(stream);

    expect(value.extensions).toEqual({ sequence: '7' });
    const [error] = value.errors ?? [];
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toContain('7');
    expect(JSON.stringify(value)).not.toContain('db-3');
    expect(await sequencesOf(stream, 1)).toEqual(['8']);
  });
});

describe('AlertStream: the end', () => {
  it('ends with ALERT_STREAM_OVERFLOW after the answers due', async () => {
    const { calls, executor } = heldExecutor();
    const onEnd = jest.fn();
    const stream = streamOf({ executor, maxBacklog: 2, onEnd });

    for (const sequence of [1, 2, 3, 4]) stream.deliver(noticeOf(sequence));
    for (const call of calls) call.settle(eventResult(call.sequence));

    expect(calls.map(({ sequence }) => sequence)).toEqual([1, 2]);
    expect(await sequencesOf(stream, 2)).toEqual(['1', '2']);
    const value = await nextAnswer(stream);
    expect(value.errors?.map((error) => error.extensions.code))
      .toEqual(['ALERT_STREAM_OVERFLOW']);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(stream.ended).toBe(true);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledWith(stream);
  });

  it('ends a pending next() at return(), and ends once', async () => {
    const { calls, executor } = heldExecutor();
    const onEnd = jest.fn();
    const stream = streamOf({ executor, onEnd });
    const pending = stream.next();

    await stream.return();
    await stream.return();
    await stream.throw();
    stream.deliver(noticeOf(1));

    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(stream.ended).toBe(true);
    expect(calls).toEqual([]);
  });

  it('drops the answers due when the client leaves', async () => {
    const stream = streamOf();
    stream.deliver(noticeOf(1));

    await stream.return();

    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
