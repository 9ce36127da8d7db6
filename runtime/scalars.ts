/**
 * The custom scalars every subgraph declares: `Date` (a calendar day,
 * YYYY-MM-DD) and `DateTime` (an instant, ISO 8601 with offset). Both
 * travel as strings; parsing rejects anything that is not a real day or
 * instant, so a resolver never sees 2026-02-30.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when the string is a day that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function isIsoDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function stringScalar(
  name: string,
  description: string,
  isValid: (value: string) => boolean,
  expected: string,
): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !isValid(value)) {
      throw badInput(`${name} must be ${expected}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral(ast) {
      if (ast.kind !== Kind.STRING) {
        throw badInput(`${name} must be given as a string`);
      }
      return check(ast.value);
    },
  });
}

export const DateScalar = stringScalar(
  'Date',
  'A calendar date, ISO 8601 (YYYY-MM-DD), in Belgian local time.',
  isIsoDate,
  'a day as YYYY-MM-DD',
);

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An instant, ISO 8601 with offset.',
  isIsoDateTime,
  'an ISO 8601 instant with an offset',
);
