/**
 * Who is calling. The gateway builds an Identity from a verified bearer
 * token and forwards it, signed, to every subgraph (see `trust.ts`).
 * One role, `gateway`, is the gateway's own and no token carries it.
 */

export const ROLES = [
  'police',
  'cic',
  'magistrate',
  'victim-support',
  'analyst',
  'app112',
  'auditor',
  'gateway',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * The gateway itself, reading the alert log for its subscribers (see
 * runtime/alerts). Only the gateway-signed identity header carries it:
 * an access token with this role is refused, and none is minted.
 */
export const GATEWAY_ROLE = 'gateway' satisfies Role;

/** The roles an access token may carry: all but the gateway's own. */
export const TOKEN_ROLES: readonly Role[] =
  ROLES.filter((role) => role !== GATEWAY_ROLE);

/**
 * Reads the audit trail (subgraphs/audit) and nothing else: the gateway
 * refuses any other field to this role.
 */
export const AUDITOR_ROLE = 'auditor' satisfies Role;

export interface Identity {
  /** The token's subject: a user or system account id, never a name. */
  readonly subject: string;
  readonly role: Role;
  /** Police zone code, for role `police`. */
  readonly zone?: string;
  /** Judicial arrondissement code, for `magistrate` and `victim-support`. */
  readonly arrondissement?: string;
  /** Province code, for role `cic`. */
  readonly province?: string;
}

/** The organisation claim each role must carry. */
export const ROLE_SCOPE: Readonly<
  Record<Role, 'zone' | 'arrondissement' | 'province' | null>
> = {
  police: 'zone',
  cic: 'province',
  magistrate: 'arrondissement',
  'victim-support': 'arrondissement',
  analyst: null,
  app112: null,
  // Reads the audit trail of every organisation, and nothing else.
  auditor: null,
  gateway: null,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Builds an Identity from untrusted claims; returns a reason instead when
 * the claims do not describe a valid caller.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
): Identity | { error: string } {
  const { sub, role } = claims;
  if (typeof sub !== 'string' || sub.length === 0) {
    return { error: 'the token has no subject' };
  }
  if (!isRole(role)) {
    return { error: 'the token has no known role' };
  }
  const scope = ROLE_SCOPE[role];
  const identity: { -readonly [K in keyof Identity]: Identity[K] } = {
    subject: sub,
    role,
  };
  for (const key of ['zone', 'arrondissement', 'province'] as const) {
    const value = claims[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length === 0) {
      return { error: `the token's ${key} claim is not a string` };
    }
    identity[key] = value;
  }
  if (scope && !identity[scope]) {
    return { error: `role ${role} needs a ${scope} claim` };
  }
  return identity;
}

/**
 * Builds an Identity from the claims of an access token: as
 * `identityFromClaims`, and never the gateway's own role.
 */
export function identityFromAccessToken(
  claims: Record<string, unknown>,
): Identity | { error: string } {
  const identity = identityFromClaims(claims);
  if ('error' in identity || identity.role !== GATEWAY_ROLE) return identity;
  return {
    error: `role ${GATEWAY_ROLE} is the gateway's own; no access token may carry it`,
  };
}
