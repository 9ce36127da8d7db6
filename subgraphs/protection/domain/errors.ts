/**
 * Errors a client can cause, with stable codes the GraphQL layer maps to
 * `extensions.code`. A programmer's misuse throws a TypeError instead; an
 * internal impossibility throws a plain Error (see `unreachable`).
 */

export const DOMAIN_ERROR_CODES = [
  /** The command does not apply to the measure's status. */
  'ILLEGAL_TRANSITION',
  /** A prerequisite of the decision is missing (§7.5, §7.4, §7.12.1). */
  'CONDITIONS_NOT_MET',
  /** The managing zone is not deployed on the decision date (§5.2). */
  'ZONE_NOT_DEPLOYED',
  /** A zone code the territory does not know. */
  'UNKNOWN_ZONE',
  /** The input breaks a rule of the circular or contradicts itself. */
  'INVALID_INPUT',
  /** A fact of an alert is already recorded with another value. */
  'ALERT_CONFLICT',
  /** An alert or travel notice id the measure does not hold. */
  'NOT_FOUND',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type DomainErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable facts behind the message; no personal data. */
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export function invalidInput(
  message: string,
  details: DomainErrorDetails = {},
): DomainError {
  return new DomainError('INVALID_INPUT', message, details);
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    `The measure has no ${what} with id ${JSON.stringify(id)}.`,
    { what, id },
  );
}

export function unknownZone(zoneCode: string, role: string): DomainError {
  return new DomainError(
    'UNKNOWN_ZONE',
    `The ${role} ${JSON.stringify(zoneCode)} is not a known police zone.`,
    { zoneCode },
  );
}

/** Ends an exhaustive switch: reaching it is a bug, not a client error. */
export function unreachable(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`);
}
