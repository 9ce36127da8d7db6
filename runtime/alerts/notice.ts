/**
 * What travels between the protection subgraph, which commits an alert's
 * facts to the alert log, and the gateways that stream them: a notice per
 * log entry, naming it by its sequence and saying who may receive it.
 *
 * A notice carries no person and no coordinates: a subscriber's own
 * selection is resolved through the graph, under its own identity, once
 * the notice says the subscriber is among the recipients. The log stays
 * the record; a notice is only the news that an entry was committed.
 */

/** The facts of an alert the log keeps (AlertEventKind in the schema). */
export const ALERT_NOTICE_KINDS = [
  'RAISED',
  'LOCATION_UPDATED',
  'CLASSIFIED',
  'POLICE_ARRIVED',
  'CLOSED',
] as const;

export type AlertNoticeKind = (typeof ALERT_NOTICE_KINDS)[number];

/** Who may receive an entry, by the codes identities carry. */
export interface NoticeRecipients {
  /** Province codes whose CIC receives it (`cic` identities). */
  readonly cicProvinces: readonly string[];
  /** Police zone codes that receive it (`police` identities). */
  readonly zones: readonly string[];
  /** Arrondissements whose magistrates receive it (`magistrate`). */
  readonly arrondissements: readonly string[];
}

export interface AlertNotice {
  /** The entry's place in the log: commit order, never reused. */
  readonly sequence: number;
  readonly kind: AlertNoticeKind;
  readonly measureId: string;
  readonly alertId: string;
  /** When the change was saved; ISO 8601, UTC. */
  readonly at: string;
  readonly recipients: NoticeRecipients;
}

/**
 * Reads a notice from untrusted JSON (a Redis entry, a subgraph answer);
 * answers null for anything that is not one, so a malformed entry is
 * skipped and the log read fills its place.
 */
export function noticeFromJson(value: unknown): AlertNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { sequence, kind, measureId, alertId, at, recipients } = record;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) {
    return null;
  }
  if (sequence < 1) return null;
  if (!(ALERT_NOTICE_KINDS as readonly unknown[]).includes(kind)) return null;
  if (typeof measureId !== 'string' || typeof alertId !== 'string') {
    return null;
  }
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  const parsed = recipientsFromJson(recipients);
  if (parsed === null) return null;
  return {
    sequence,
    kind: kind as AlertNoticeKind,
    measureId,
    alertId,
    at,
    recipients: parsed,
  };
}

function recipientsFromJson(value: unknown): NoticeRecipients | null {
  if (typeof value !== 'object' || value === null) return null;
  const { cicProvinces, zones, arrondissements } =
    value as Record<string, unknown>;
  if (!isCodeList(cicProvinces) || !isCodeList(zones)) return null;
  if (!isCodeList(arrondissements)) return null;
  return { cicProvinces, zones, arrondissements };
}

function isCodeList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((code) => typeof code === 'string');
}
