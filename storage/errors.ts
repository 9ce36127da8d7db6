import type { StoreName } from './options';

/**
 * A database failure behind an adapter, wrapped once with the system and
 * operation; the driver's error stays in `cause`. The message carries no
 * SQL and no keys, so it is safe to log (no national numbers in logs).
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly system: StoreName,
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`The ${system} storage failed during ${operation}`, options);
  }
}
