/**
 * §7.13.2: the comments the parquet adds in application 145 (antecedents)
 * so that the alarm shows in a plain look at the MaCH antecedents, even
 * after the measure has ended. The texts are the circular's, word for
 * word, with the date as dd/mm/yyyy.
 */
import { parseIsoDate } from '../../storage/dates';

export const REGISTRATION_COMMENT_KINDS = [
  'GRANT',
  'PROLONGATION',
  'END',
] as const;
export type RegistrationCommentKind =
  (typeof REGISTRATION_COMMENT_KINDS)[number];

/** The comment for a grant, a prolongation or an end on `date`. */
export function registrationCommentText(
  kind: RegistrationCommentKind,
  date: string,
): string {
  const day = belgianDate(date);
  switch (kind) {
    case 'GRANT':
      return `stalking alarm décidée le ${day}`;
    case 'PROLONGATION':
      return `prolongation stalking alarm décidée le ${day}`;
    case 'END':
      return `stalking alarm ayant pris fin le ${day}`;
    default:
      return unknownKind(kind);
  }
}

/** 2026-12-01 becomes 01/12/2026; a malformed date throws. */
function belgianDate(date: string): string {
  parseIsoDate(date);
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function unknownKind(kind: never): never {
  throw new TypeError(
    `Unknown registration comment kind ${JSON.stringify(kind)}`,
  );
}
