/**
 * `Query.statistics` (§9; issue 7), shared by every subgraph that adds
 * figures to the report: who may ask for which territory, the period
 * asked, and the report's key, which each subgraph reads back.
 *
 * The schema's rule lets analysts, magistrates and police zones in; the
 * territory is judged here: an analyst counts the whole country or any
 * part of it, a magistrate its arrondissement or a zone of it (§8, the
 * reference magistrate), a police zone itself (§8, the reference
 * officer). Anything wider is FORBIDDEN, whether asked by argument or
 * through an entity key: each subgraph resolving `StatisticsReport`
 * from its key judges the caller again with `requestOfKey`.
 */
import { GraphQLError } from 'graphql';
import { forbidden } from '../../runtime/errors';
import type { Identity } from '../../runtime/identity';
import { addMonths, parseIsoDate } from '../../storage/dates';
import {
  MAX_STATISTICS_DIMENSIONS,
  periodOfLabel,
  STATISTICS_DIMENSIONS,
  type StatisticsDimension,
} from '../protection/domain/statistics';
import type { Territory } from '../protection/domain/territory';

export type StatisticsPeriodUnit = 'MONTH' | 'QUARTER' | 'YEAR' | 'CUSTOM';

/** The period as a client gives it (StatisticsPeriodInput). */
export interface StatisticsPeriodInput {
  readonly unit: StatisticsPeriodUnit;
  readonly label?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

/** The arguments of `Query.statistics`. */
export interface StatisticsArgs {
  readonly period: StatisticsPeriodInput;
  readonly by?: readonly StatisticsDimension[] | null;
  readonly arrondissementCode?: string | null;
  readonly zoneCode?: string | null;
}

/** Who asks, and the territory their scope is judged against. */
export interface StatisticsCaller {
  readonly identity: Identity;
  readonly territory: Territory;
}

/** The longest custom period, in years: ten years of history. */
export const MAX_PERIOD_YEARS = 10;

/** The territory counted; both null for the whole country. */
export interface StatisticsScopeView {
  readonly arrondissementCode: string | null;
  readonly zoneCode: string | null;
}

export interface StatisticsPeriodView {
  readonly unit: StatisticsPeriodUnit;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** A report as asked, before any figure is read. */
export interface StatisticsRequest {
  readonly key: string;
  readonly period: StatisticsPeriodView;
  readonly scope: StatisticsScopeView;
  readonly dimensions: readonly StatisticsDimension[];
}

const KEY_VERSION = 'v1';

function badInput(
  message: string,
  argument: string,
  reason: string,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument, reason },
  });
}

// ----------------------------------------------------------- the period

function isDate(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

function customPeriod(input: StatisticsPeriodInput): StatisticsPeriodView {
  const { from, to, label } = input;
  if (label !== null && label !== undefined) {
    throw badInput('A CUSTOM period takes from and to, not a label.',
      'period.label', 'LABEL_WITH_CUSTOM');
  }
  if (!isDate(from) || !isDate(to)) {
    throw badInput('A CUSTOM period needs from and to, as YYYY-MM-DD.',
      isDate(from) ? 'period.to' : 'period.from', 'PERIOD_DATES_REQUIRED');
  }
  if (to < from) {
    throw badInput(`The period ends (${to}) before it starts (${from}).`,
      'period.to', 'PERIOD_REVERSED');
  }
  if (to >= addMonths(from, 12 * MAX_PERIOD_YEARS)) {
    throw badInput(
      `A period lasts at most ${MAX_PERIOD_YEARS} years; ${from} to ${to} is longer.`,
      'period.to', 'PERIOD_TOO_LONG');
  }
  return { unit: 'CUSTOM', label: `${from}/${to}`, from, to };
}

/** The days of the period asked, or BAD_USER_INPUT naming the field. */
export function periodOf(input: StatisticsPeriodInput): StatisticsPeriodView {
  const { unit, label } = input;
  if (unit === 'CUSTOM') return customPeriod(input);
  if (input.from || input.to) {
    throw badInput(`A ${unit} period takes a label, not from and to.`,
      input.from ? 'period.from' : 'period.to', 'DATES_WITH_LABEL');
  }
  const days = label ? periodOfLabel(unit, label) : null;
  if (!label || !days) {
    const example = { MONTH: '2026-07', QUARTER: '2026-Q3', YEAR: '2026' };
    throw badInput(
      `A ${unit} period needs a label such as ${example[unit]}, got ${JSON.stringify(label ?? null)}.`,
      'period.label', 'INVALID_PERIOD_LABEL');
  }
  return { unit, label, ...days };
}

function dimensionsOf(
  by: readonly StatisticsDimension[] | null | undefined,
): StatisticsDimension[] {
  const dimensions = [...(by ?? [])];
  if (dimensions.length > MAX_STATISTICS_DIMENSIONS) {
    throw badInput(
      `A report is broken down by at most ${MAX_STATISTICS_DIMENSIONS} dimensions, got ${dimensions.length}.`,
      'by', 'TOO_MANY_DIMENSIONS');
  }
  if (new Set(dimensions).size !== dimensions.length) {
    throw badInput('A dimension is asked twice.', 'by', 'DUPLICATE_DIMENSION');
  }
  return dimensions;
}

// ------------------------------------------------------------ the scope

function knownScope(
  territory: Territory,
  arrondissementCode: string | null,
  zoneCode: string | null,
): StatisticsScopeView {
  const zone = zoneCode === null ? null : territory.zone(zoneCode);
  if (zoneCode !== null && !zone) {
    throw badInput(`${JSON.stringify(zoneCode)} is not a known police zone.`,
      'zoneCode', 'UNKNOWN_TERRITORY');
  }
  const arrondissement = arrondissementCode ?? zone?.arrondissementCode ??
    null;
  if (arrondissement !== null && !territory.arrondissement(arrondissement)) {
    throw badInput(
      `${JSON.stringify(arrondissement)} is not a known arrondissement.`,
      'arrondissementCode', 'UNKNOWN_TERRITORY');
  }
  if (zone && zone.arrondissementCode !== arrondissement) {
    throw badInput(
      `Zone ${zone.code} lies in ${zone.arrondissementCode}, not in ${arrondissement}.`,
      'zoneCode', 'ZONE_OUTSIDE_ARRONDISSEMENT');
  }
  return { arrondissementCode: arrondissement, zoneCode };
}

const OWN_ZONE_ONLY =
  'A police zone reads the statistics of its own zone only (§7.2.2, §8).';

/**
 * The scope asked, defaulted to the caller's own territory; FORBIDDEN
 * when it reaches outside it.
 */
export function scopeOf(
  identity: Identity,
  territory: Territory,
  asked: { arrondissementCode?: string | null; zoneCode?: string | null },
): StatisticsScopeView {
  const zoneCode = asked.zoneCode ?? null;
  switch (identity.role) {
    case 'analyst':
      return knownScope(territory, asked.arrondissementCode ?? null, zoneCode);
    case 'magistrate': {
      const own = identity.arrondissement ?? null;
      const scope = knownScope(territory,
        asked.arrondissementCode ?? (zoneCode === null ? own : null),
        zoneCode);
      if (scope.arrondissementCode !== own) {
        throw forbidden(
          "A magistrate reads the statistics of the parquet's own arrondissement only (§7.2.1, §8).");
      }
      return scope;
    }
    case 'police': {
      const own = identity.zone ?? null;
      if (asked.arrondissementCode && zoneCode === null) {
        throw forbidden(OWN_ZONE_ONLY);
      }
      const scope = knownScope(territory, asked.arrondissementCode ?? null,
        zoneCode ?? own);
      if (scope.zoneCode !== own) throw forbidden(OWN_ZONE_ONLY);
      return scope;
    }
    case 'cic':
    case 'victim-support':
    case 'app112':
    case 'auditor':
    case 'gateway':
      throw forbidden(`Role ${identity.role} may not read the statistics.`);
    default: {
      const impossible: never = identity.role;
      throw new Error(`Unknown role ${String(impossible)}`);
    }
  }
}

// -------------------------------------------------------------- the key

function scopeText({ arrondissementCode, zoneCode }: StatisticsScopeView) {
  if (zoneCode !== null) return `zone:${zoneCode}`;
  if (arrondissementCode !== null) {
    return `arrondissement:${arrondissementCode}`;
  }
  return 'national';
}

/** `v1|<from>|<to>|<scope>|<dimensions>`; see StatisticsReport.key. */
export function reportKey(
  period: StatisticsPeriodView,
  scope: StatisticsScopeView,
  dimensions: readonly StatisticsDimension[],
): string {
  return [KEY_VERSION, period.from, period.to, scopeText(scope),
    dimensions.join(',')].join('|');
}

function badKey(key: string): GraphQLError {
  return badInput(`${JSON.stringify(key)} is not a statistics report key.`,
    'key', 'INVALID_REPORT_KEY');
}

/** Reads a key back into the request, judging the caller again. */
export function requestOfKey(
  key: string,
  caller: StatisticsCaller,
): StatisticsRequest {
  const [version, from, to, scope, dimensions, ...rest] = key.split('|');
  if (version !== KEY_VERSION || rest.length > 0 || scope === undefined ||
    dimensions === undefined) throw badKey(key);
  const [kind, code] = scope.split(':');
  const asked = kind === 'zone' ? { zoneCode: code }
    : kind === 'arrondissement' ? { arrondissementCode: code }
      : kind === 'national' && code === undefined ? {} : null;
  const by = dimensions === '' ? [] : dimensions.split(',');
  if (!asked || !by.every((d) =>
    (STATISTICS_DIMENSIONS as readonly string[]).includes(d))) {
    throw badKey(key);
  }
  return statisticsRequest(caller, {
    period: { unit: 'CUSTOM', from, to },
    by: by as StatisticsDimension[],
    ...asked,
  });
}

/** The report asked for by `Query.statistics`. */
export function statisticsRequest(
  { identity, territory }: StatisticsCaller,
  args: StatisticsArgs,
): StatisticsRequest {
  const period = periodOf(args.period);
  const dimensions = dimensionsOf(args.by);
  const scope = scopeOf(identity, territory, args);
  return {
    key: reportKey(period, scope, dimensions),
    period, scope, dimensions,
  };
}
