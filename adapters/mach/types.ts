/**
 * MaCH's port: the prosecutors' files about a suspect (application 145).
 * Dates are ISO strings (YYYY-MM-DD).
 */
import type { AgencyAdapter, BatchRead } from '../adapter';

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

export interface MachAdapter extends AgencyAdapter {
  /** The files naming each person as suspect, newest first. */
  antecedentsByNationalNumber: BatchRead<string, JudicialFileRecord[]>;
}
