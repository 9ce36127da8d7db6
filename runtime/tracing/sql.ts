/**
 * A span per SQL statement, child of the span active when it ran (a
 * subgraph's request span). Hooked into typeorm as a subscriber, told
 * after each statement with its duration, so a statement costs nothing
 * more than that when tracing is off: no subscriber is added then.
 *
 * Only statements run for a traced request get a span: those of the
 * background work (the outbox's rounds every second) would each be a
 * trace of its own.
 *
 * Parameters never go in a span. The statement's text does, with its
 * placeholders, after any literal left in it (a quoted string, a
 * number) is replaced by `?`, and cut to STATEMENT_LENGTH characters.
 */
import {
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { AfterQueryEvent } from 'typeorm';

/** Characters of a statement's text kept in its span. */
export const STATEMENT_LENGTH = 1000;

/** What typeorm tells of each statement once it has run. */
export interface QueryObserver {
  afterQuery(event: AfterQueryEvent): void;
}

/** The statement without its literals, cut to STATEMENT_LENGTH. */
export function sanitizeStatement(sql: string): string {
  const bare = sql
    .replace(/'(?:[^'\\]|\\.|'')*'/g, '?')
    .replace(/(?<![\w$.])-?\d+(?:\.\d+)?(?![\w$])/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return bare.length <= STATEMENT_LENGTH
    ? bare
    : `${bare.slice(0, STATEMENT_LENGTH - 1)}…`;
}

/** The first word of a statement, upper-cased: SELECT, INSERT, ... */
function operationOf(statement: string): string {
  const match = /^\s*\(?\s*([A-Za-z]+)/.exec(statement);
  return match ? match[1]!.toUpperCase() : 'SQL';
}

/** Private: OpenTelemetry's name of the database behind typeorm. */
function systemOf(event: AfterQueryEvent): string {
  const type = event.dataSource.options.type;
  return type === 'better-sqlite3' ? 'sqlite' : String(type);
}

/** Spans of `tracer` for the statements of one store. */
export function sqlSpans(tracer: Tracer, store: string): QueryObserver {
  return {
    afterQuery(event) {
      // Background work (the outbox's rounds, the expiry sweep) runs
      // outside any request: its statements would each start a trace.
      if (trace.getSpan(context.active()) === undefined) return;
      const end = Date.now();
      const operation = operationOf(event.query);
      const span = tracer.startSpan(`${operation} ${store}`, {
        kind: SpanKind.CLIENT,
        startTime: end - (event.executionTime ?? 0),
        attributes: {
          'db.system.name': systemOf(event),
          'db.namespace': store,
          'db.operation.name': operation,
          'db.query.text': sanitizeStatement(event.query),
        },
      });
      if (!event.success) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end(end);
    },
  };
}
