/**
 * MaCH's port: the prosecutors' files about a suspect (application 145)
 * and the registration comments of §7.13.2 (texts in `comments.ts`).
 * Dates are ISO strings (YYYY-MM-DD).
 */
import {
  AgencyRuleError,
  type AgencyAdapter,
  type BatchRead,
} from '../adapter';

export {
  REGISTRATION_COMMENT_KINDS,
  registrationCommentText,
  type RegistrationCommentKind,
} from './comments';

export const JUDICIAL_FILE_STATUSES = ['OPEN', 'DISMISSED', 'JUDGED'] as const;
export type JudicialFileStatus = (typeof JUDICIAL_FILE_STATUSES)[number];

export interface JudicialFileRecord {
  number: string;
  nationalNumber: string;
  index: string;
  indexLabel: string;
  openedOn: string;
  status: JudicialFileStatus;
  dismissalReason: string | null;
  intraFamily: boolean;
  arrondissementCode: string;
}

/**
 * §7.13.2: a comment on a measure in application 145. A new comment
 * replaces the current one, which stays in the history with the day it
 * was replaced: the measure's comment is never simply deleted.
 */
export interface RegistrationCommentRecord {
  measureId: string;
  /** The suspect, whose antecedents show the comment. */
  nationalNumber: string;
  text: string;
  writtenOn: string;
  /** null while it is the measure's current comment. */
  replacedOn: string | null;
}

export interface RegistrationCommentInput {
  measureId: string;
  suspectNationalNumber: string;
  text: string;
  writtenOn: string;
}

export interface MachAdapter extends AgencyAdapter {
  /** The files naming each person as suspect, newest first. */
  antecedentsByNationalNumber: BatchRead<string, JudicialFileRecord[]>;
  /** Each measure's comments, newest (the current one) first. */
  registrationCommentsByMeasureId: BatchRead<
    string,
    RegistrationCommentRecord[]
  >;
  /**
   * The current comment of each measure against each person as suspect,
   * newest first.
   */
  currentRegistrationCommentsByNationalNumber: BatchRead<
    string,
    RegistrationCommentRecord[]
  >;

  /**
   * §7.13.2: makes `text` the measure's current comment; the comment it
   * replaces gets `replacedOn` = `writtenOn`. Setting a text already
   * written on that day for the measure changes nothing and answers that
   * comment. Refuses a comment older than the current one
   * (COMMENT_OUT_OF_ORDER) and one against another suspect than the
   * measure's comments so far (COMMENT_SUSPECT_MISMATCH).
   */
  setRegistrationComment(
    input: RegistrationCommentInput,
  ): Promise<RegistrationCommentRecord>;
}

export const MACH_RULE_CODES = [
  'COMMENT_OUT_OF_ORDER',
  'COMMENT_SUSPECT_MISMATCH',
] as const;
export type MachRuleCode = (typeof MACH_RULE_CODES)[number];

/** A write MaCH's rules refuse; see `MACH_RULE_CODES`. */
export class MachRuleError extends AgencyRuleError<MachRuleCode> {
  override readonly name = 'MachRuleError';
}
