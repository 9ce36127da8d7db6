/**
 * Prints an access token from the local issuer, for trying the gateway by
 * hand. The keys live in KEYS_DIR (created when missing); the issuer and
 * audience are the gateway's own AUTH_ISSUER and AUTH_AUDIENCE.
 *
 *   npm run token -- --role police --zone 5339
 *   npm run token -- --role magistrate --arrondissement BRU --expires 1h
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readGatewayConfig } from '../gateway/config';
import {
  GATEWAY_ROLE,
  isRole,
  ROLE_SCOPE,
  TOKEN_ROLES,
  type Role,
} from '../runtime/identity';
import { ensureLocalKeys, mintToken } from '../runtime/keys';

const USAGE = [
  'Usage: npm run token -- --role <role> [--zone Z] [--arrondissement A]',
  '         [--province P] [--subject S] [--expires 8h]',
  `Roles: ${TOKEN_ROLES.join(', ')}`,
].join('\n');

export interface TokenRequest {
  readonly role: Role;
  readonly zone?: string;
  readonly arrondissement?: string;
  readonly province?: string;
  readonly subject?: string;
  readonly expiresIn: string;
}

/** A command line that cannot become a token; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads the command line; throws a UsageError naming what is wrong. */
export function parseTokenArgs(args: readonly string[]): TokenRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        role: { type: 'string' },
        zone: { type: 'string' },
        arrondissement: { type: 'string' },
        province: { type: 'string' },
        subject: { type: 'string' },
        expires: { type: 'string', default: '8h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { role, expires, ...claims } = values;
  if (role === undefined) throw new UsageError('--role is required');
  if (role === GATEWAY_ROLE) {
    throw new UsageError(
      `Role ${role} is the gateway's own: no access token carries it`);
  }
  if (!isRole(role)) {
    const roles = TOKEN_ROLES.join(', ');
    throw new UsageError(`--role must be one of ${roles}, got "${role}"`);
  }
  const scope = ROLE_SCOPE[role];
  if (scope && !claims[scope]) {
    throw new UsageError(`Role ${role} needs --${scope}`);
  }
  return { role, ...claims, expiresIn: expires };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const request = parseTokenArgs(args);
  const config = readGatewayConfig();
  if (config.AUTH_JWKS_URL) {
    const why = 'the gateway trusts that issuer, not the local one';
    throw new UsageError(`AUTH_JWKS_URL is set: ${why}`);
  }
  // Both pairs, so subgraphs started before the gateway find theirs.
  const keys = await ensureLocalKeys(resolve(config.KEYS_DIR));
  const token = await mintToken(keys.issuer.privateJwk, {
    ...request,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? `\n${USAGE}` : '';
    process.stderr.write(`${message}${hint}\n`);
    process.exit(1);
  });
}
