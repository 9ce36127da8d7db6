/**
 * Follows the live alert stream in a terminal, for a dispatcher or a
 * test by hand: each event the token's holder is entitled to, as text on
 * stdout; news of the connection on stderr. Nothing is written to a file.
 *
 *   npm run alerts -- --token "$TOKEN" [--since 41] [--url ws://…/graphql]
 *
 * The token may come from ALARM_TOKEN, the address from GATEWAY_URL.
 * Exit codes: 0 after Ctrl-C, 1 for a bad command line or a request the
 * gateway refuses, 2 when the gateway refuses the token (bad or expired).
 */
import { parseArgs } from 'node:util';
import { followAlerts, sequenceOf, type FollowEnd } from './alerts-client';

export const DEFAULT_URL = 'ws://127.0.0.1:4000/graphql';

export const USAGE = [
  'Usage: npm run alerts -- --token <jwt> [--since <sequence>] [--url <ws-url>]',
  '  --token  an access token (default: $ALARM_TOKEN)',
  '  --since  the last sequence already seen: replay from the one after it',
  `  --url    the gateway (default: $GATEWAY_URL, else ${DEFAULT_URL})`,
].join('\n');

export interface AlertsRequest {
  readonly url: string;
  readonly token: string;
  readonly since?: string;
}

/** A command line the tool cannot follow; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const WS_PROTOCOLS: Readonly<Record<string, string>> = {
  'ws:': 'ws:',
  'wss:': 'wss:',
  'http:': 'ws:',
  'https:': 'wss:',
};

/** The graphql-ws address; an http(s) one is taken as its ws(s) twin. */
function webSocketUrl(raw: string): string {
  const address = URL.canParse(raw) ? new URL(raw) : null;
  const protocol = address ? WS_PROTOCOLS[address.protocol] : undefined;
  if (!address || !protocol || address.hostname === '') {
    throw new UsageError(`--url must be a ws:// or wss:// URL, got "${raw}"`);
  }
  address.protocol = protocol;
  return address.toString();
}

/** Reads the command line and environment; throws a UsageError. */
export function parseAlertsArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): AlertsRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        token: { type: 'string' },
        since: { type: 'string' },
        url: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const token = values.token || env.ALARM_TOKEN;
  if (!token) throw new UsageError('--token (or ALARM_TOKEN) is required');
  const { since } = values;
  if (since !== undefined && sequenceOf(since) === null) {
    const got = JSON.stringify(since);
    throw new UsageError(`--since must be a sequence (0, 1, 2…), got ${got}`);
  }
  const url = webSocketUrl(values.url || env.GATEWAY_URL || DEFAULT_URL);
  return { url, token, since };
}

/** The process's exit code for how the follow ended. */
export function exitCodeOf(end: FollowEnd): number {
  switch (end.kind) {
    case 'stopped':
      return 0;
    case 'failed':
      return 1;
    case 'refused':
      return 2;
    default: {
      const impossible: never = end;
      throw new Error(`Unknown end ${JSON.stringify(impossible)}`);
    }
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const request = parseAlertsArgs(args);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const end = await followAlerts({
    ...request,
    write: (text) => process.stdout.write(text),
    report: (text) => process.stderr.write(`${text}\n`),
    signal: controller.signal,
  });
  if (end.kind !== 'stopped') process.stderr.write(`${end.message}\n`);
  return exitCodeOf(end);
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const hint = error instanceof UsageError ? `\n${USAGE}` : '';
      process.stderr.write(`${message}${hint}\n`);
      process.exitCode = 1;
    },
  );
}
