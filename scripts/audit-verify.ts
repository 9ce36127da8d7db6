/**
 * Verifies the audit trail's chain (issue 6) straight from its store,
 * with the storage options the subgraphs read (DB_DRIVER, SQLITE_DIR,
 * MYSQL_URL): recomputes every entry's hash from its fields and the
 * hash before it, and checks the head row names the last entry.
 *
 *   npm run audit:verify
 *
 * Exits 0 and prints the number of entries checked; exits 1 and names
 * the first sequence that does not follow when the chain is broken;
 * exits 2 when the store cannot be read. Prints no entry's content.
 */
import { openSqlAuditAdapter } from '../adapters/audit';
import type { ChainCheck } from '../adapters/audit/chain';
import { verifyAuditTrail } from '../adapters/audit/verify';
import { ConfigError } from '../runtime/config';
import { readSubgraphConfig, storageOptionsOf } from '../subgraphs/config';

const REASONS: Record<Extract<ChainCheck, { ok: false }>['reason'], string> = {
  sequence: 'its sequence does not follow the one before',
  'previous-hash': 'it does not name the hash of the entry before',
  hash: 'its hash does not match its fields',
  head: 'the head row does not name the last entry',
};

/** The line the command prints, and its exit code. */
export function reportOf(check: ChainCheck): { line: string; code: number } {
  if (check.ok) {
    return {
      line: `audit trail verified: ${check.checked} entries, head ${check.head.sequence} ${check.head.hash}`,
      code: 0,
    };
  }
  return {
    line: `audit trail broken at sequence ${check.sequence}: ${REASONS[check.reason]} (${check.checked} entries before it verified)`,
    code: 1,
  };
}

async function main(): Promise<number> {
  const storage = storageOptionsOf(readSubgraphConfig());
  const store = await openSqlAuditAdapter(storage);
  try {
    const { line, code } = reportOf(await verifyAuditTrail(store));
    process.stdout.write(`${line}\n`);
    return code;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    // The cause may quote the store's URL or SQL: only its kind is told.
    const problems = error instanceof ConfigError
      ? error.problems.join('; ')
      : (error as Error).message;
    process.stderr.write(`audit:verify failed: ${problems}\n`);
    process.exitCode = 2;
  });
}
