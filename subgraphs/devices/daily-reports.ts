/**
 * §3: the 112 app's daily reports entering the inventory. What the app
 * sends is checked here first, so that a bad report is refused with
 * BAD_USER_INPUT before anything is written; the inventory then stores
 * it once per report id.
 */
import { GraphQLError } from 'graphql';
import { SERIAL_LENGTH } from '../../adapters/devices/checks';
import {
  DevicesRuleError,
  REPORT_ID_LENGTH,
  type DeviceDailyReport,
  type DevicesRuleCode,
} from '../../adapters/devices/types';
import { agencyUnavailable } from '../../runtime/subgraph';
import { instantMillis } from '../protection/domain/clock';
import { SYSTEM, type DevicesContext } from './context';
import type {
  IngestDailyReportInput,
  IngestedDailyReport,
} from './generated/graphql';

/**
 * Decision: the app's clock and ours may drift apart a little; a report
 * stamped further ahead is refused, as it would hide a device's silence
 * for as long as it stays "newest".
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The client code of each refusal of the inventory this write may meet. */
const CLIENT_CODES: Partial<Record<DevicesRuleCode, string>> = {
  UNKNOWN_DEVICE: 'NOT_FOUND',
  DAILY_REPORT_CONFLICT: 'CONFLICT',
};

export async function ingestDailyReport(
  input: IngestDailyReportInput,
  context: DevicesContext,
): Promise<IngestedDailyReport> {
  const report = checkReport(input, context.clock.now());

  let stored: DeviceDailyReport;
  try {
    stored = await context.adapter.recordDailyReport(report);
  } catch (error) {
    throw clientError(error, context);
  }
  const { reportId, serial, ...content } = stored;
  return { reportId, serial, report: content };
}

/**
 * Refuses what the circular's daily report cannot say: a battery level
 * outside 0 to 100, a contact after the report arrived, a report from
 * the future, ids the inventory cannot hold.
 */
export function checkReport(
  input: IngestDailyReportInput,
  now: string,
): DeviceDailyReport {
  requireId('reportId', input.reportId, REPORT_ID_LENGTH);
  requireId('serial', input.serial, SERIAL_LENGTH);
  const { batteryPercent } = input;
  if (batteryPercent < 0 || batteryPercent > 100) {
    throw badInput('batteryPercent',
      `batteryPercent must be from 0 to 100, not ${batteryPercent}.`);
  }

  const received = instantMillis(input.receivedAt);
  if (instantMillis(input.lastContactAt) > received) {
    throw badInput('lastContactAt',
      `lastContactAt (${input.lastContactAt}) must not be after receivedAt (${input.receivedAt}).`);
  }
  if (received > instantMillis(now) + CLOCK_SKEW_MS) {
    throw badInput('receivedAt',
      `receivedAt (${input.receivedAt}) is in the future: it is ${now}.`);
  }
  return { ...input };
}

function requireId(argument: string, value: string, maxLength: number) {
  if (value.trim() === '' || value.length > maxLength) {
    throw badInput(argument,
      `${argument} must have 1 to ${maxLength} characters, not ${value.length}.`);
  }
}

function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

/**
 * A refusal of the inventory becomes the client's error; a failure of
 * the store is logged once, with what is safe to log, and reported as
 * AGENCY_UNAVAILABLE. A TypeError is a bug of ours and stays one.
 */
function clientError(error: unknown, { logger }: DevicesContext): unknown {
  const code = error instanceof DevicesRuleError
    ? CLIENT_CODES[error.code]
    : undefined;
  if (error instanceof DevicesRuleError && code) {
    return new GraphQLError(`${error.message}.`, {
      extensions: { code, reason: error.code },
    });
  }
  if (error instanceof TypeError) return error;
  const err = error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: typeof error, message: 'non-error thrown' };
  logger.error({ system: SYSTEM, err }, 'agency system write failed');
  return agencyUnavailable(SYSTEM);
}
