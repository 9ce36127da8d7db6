/// <reference lib="dom" />
/**
 * The console's sign-in: the bearer token the user pastes, kept in this
 * tab's sessionStorage only (gone when the tab closes, never in the URL,
 * never sent anywhere but the gateway), and what its payload says of
 * the caller, for display. The gateway verifies the token; the console
 * only reads its claims to label the page and offer the right actions.
 */

const STORAGE_KEY = 'stalking-alarm-console-token';

/** What the console shows of the caller, from the token's claims. */
export interface Caller {
  readonly role: string;
  readonly zone?: string;
  readonly province?: string;
  readonly arrondissement?: string;
  /** Seconds since the epoch; undefined when the token says nothing. */
  readonly expiresAt?: number;
}

/** The token kept for this tab, or null. */
export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token for this tab; blank forgets it. */
export function storeToken(token: string): void {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  try {
    if (trimmed === '') sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, trimmed);
  } catch {
    // Storage refused (private mode): the token lives until reload.
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function textClaim(
  payload: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

/** The caller a token names, or null when it is not a readable JWT. */
export function callerOf(token: string): Caller | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(decodeBase64Url(parts[1])) as unknown;
    if (typeof payload !== 'object' || payload === null) return null;
    const claims = payload as Record<string, unknown>;
    const role = textClaim(claims, 'role');
    if (role === undefined) return null;
    return {
      role,
      zone: textClaim(claims, 'zone'),
      province: textClaim(claims, 'province'),
      arrondissement: textClaim(claims, 'arrondissement'),
      expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
    };
  } catch {
    return null;
  }
}

/** The caller in a few words: "police zone 5345". */
export function describeCaller(caller: Caller): string {
  const where = caller.zone
    ? `zone ${caller.zone}`
    : caller.province
      ? `province ${caller.province}`
      : caller.arrondissement
        ? `arrondissement ${caller.arrondissement}`
        : '';
  return [caller.role, where].filter(Boolean).join(' ');
}
