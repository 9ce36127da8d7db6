/**
 * Structured logging: one JSON object per line, through pino.
 *
 * Library code takes a `Logger` as a parameter and never builds its own,
 * so a process decides once where lines go and how verbose they are.
 * Log events, not people: callers pass ids and codes, never names,
 * national numbers, addresses, tokens or GraphQL variables. The redaction
 * below is the safety net for the day someone forgets.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { oneOf, readConfig } from './config';

export type Logger = PinoLogger;

export const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Keys whose values never reach a log line, at the top of a log object or
 * up to two levels down (`req.headers.authorization`). Variables are
 * redacted whole: they carry national numbers and addresses.
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  '["set-cookie"]',
  '["x-gateway-identity"]',
  'token',
  'accessToken',
  'privateJwk',
  'variables',
];

export const REDACTED_PATHS: readonly string[] = SECRET_KEYS.flatMap(
  (key) => {
    const member = key.startsWith('[') ? key : `.${key}`;
    return [key, `*${member}`, `*.*${member}`];
  },
);

export const REDACTED = '[redacted]';

export interface LoggerOptions {
  /** Names the process or component on every line. */
  readonly name: string;
  /** Minimum level; default the LOG_LEVEL variable, else `info`. */
  readonly level?: LogLevel;
  /** Where lines go; default standard output. Tests pass a recorder. */
  readonly destination?: DestinationStream;
}

/** The level LOG_LEVEL asks for; `info` when it is unset. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const spec = { LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }) };
  return readConfig(spec, env).LOG_LEVEL;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    name: options.name,
    level: options.level ?? levelFromEnv(),
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names read better than pino's numbers in a shared log store.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination
    ? pino(settings, options.destination)
    : pino(settings);
}
