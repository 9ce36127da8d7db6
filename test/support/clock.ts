/**
 * A clock a test moves by hand: the rules of a measure (9 months, revisits
 * every 3 months, the re-evaluation month) play out in a test's seconds.
 */
import {
  brusselsDateOf,
  instantMillis,
  type Clock,
} from '../../subgraphs/protection/domain/clock';

const DAY_MS = 24 * 60 * 60 * 1000;

export class TestClock implements Clock {
  private millis: number;

  constructor(instant: string) {
    this.millis = instantMillis(instant);
  }

  now(): string {
    return new Date(this.millis).toISOString();
  }

  today(): string {
    return brusselsDateOf(this.now());
  }

  /** Moves to an instant; time may go forward only. */
  set(instant: string): void {
    const next = instantMillis(instant);
    if (next < this.millis) {
      throw new TypeError(`The clock cannot go back to ${instant}`);
    }
    this.millis = next;
  }

  /** Moves to 09:00 UTC on a day. */
  setDay(day: string): void {
    this.set(`${day}T09:00:00Z`);
  }

  /** Moves forward by whole days of 24 hours. */
  advanceDays(days: number): void {
    this.set(new Date(this.millis + days * DAY_MS).toISOString());
  }
}
