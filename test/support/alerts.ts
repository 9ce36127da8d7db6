/**
 * Alert notices for tests, and a listener that records what a bus told
 * it, in order, as `notice <sequence>` and `gap`.
 */
import type { AlertBusListener } from '../../runtime/alerts/bus';
import type { AlertNotice } from '../../runtime/alerts/notice';

/** A RAISED notice for the CIC of Antwerp and one of its zones. */
export function noticeOf(sequence: number): AlertNotice {
  return {
    sequence,
    kind: 'RAISED',
    measureId: 'measure-1',
    alertId: 'alert-1',
    at: '2024-05-01T10:00:00.000Z',
    recipients: {
      cicProvinces: ['VAN'],
      zones: ['5345'],
      arrondissements: ['ANT'],
    },
  };
}

/** Notices `from` to `to`, both included. */
export function noticesFrom(from: number, to: number): AlertNotice[] {
  const length = to - from + 1;
  return Array.from({ length }, (_, i) => noticeOf(from + i));
}

export interface RecordingListener extends AlertBusListener {
  /** Everything heard so far: `notice 3`, `gap`. */
  readonly events: string[];
  /** The notices heard so far. */
  readonly notices: AlertNotice[];
  /** The sequences heard so far. */
  sequences(): number[];
}

export function recordingListener(): RecordingListener {
  const events: string[] = [];
  const notices: AlertNotice[] = [];
  return {
    events,
    notices,
    notice(notice) {
      notices.push(notice);
      events.push(`notice ${notice.sequence}`);
    },
    gap() {
      events.push('gap');
    },
    sequences: () => notices.map((notice) => notice.sequence),
  };
}
