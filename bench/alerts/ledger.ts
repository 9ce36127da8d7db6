/**
 * The bench's account of deliveries: which subscriber must receive which
 * alert, what each one did receive and when. From it come the figures
 * the bench is for: events lost (expected, never received), duplicates
 * (received again), unexpected deliveries (received by a subscriber not
 * entitled, or of an alert the bench never raised) and the latencies.
 *
 * Times are milliseconds since the epoch, on the machine's one clock:
 * the stack runs on the same machine, so the `at` of an event (when the
 * change was saved) and the moment of receipt compare directly.
 */

/** One event as a subscriber received it. */
export interface Receipt {
  readonly subscriber: number;
  readonly alertId: string;
  /** The event's `at`: when its change was saved. */
  readonly savedAt: number;
  readonly receivedAt: number;
}

/** What the ledger holds at the end of a run. */
export interface DeliveryTally {
  /** Deliveries expected: one per alert per entitled subscriber. */
  readonly expected: number;
  /** Expected deliveries received, each counted once. */
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly unexpected: number;
  /** Answers that carried errors instead of, or with, an event. */
  readonly errors: number;
  /** Per timed delivery received: saved → received, in ms. */
  readonly savedToReceived: readonly number[];
  /** Per timed delivery received: request sent → received, in ms. */
  readonly sentToReceived: readonly number[];
  /** The last timed delivery's receipt; null before any. */
  readonly lastReceivedAt: number | null;
}

interface Expectation {
  readonly sentAt: number;
  /** Its deliveries' latencies count; a warm-up alert's do not. */
  readonly timed: boolean;
  readonly receivers: ReadonlySet<number>;
  readonly received: Set<number>;
}

export class DeliveryLedger {
  readonly #alerts = new Map<string, Expectation>();
  readonly #savedToReceived: number[] = [];
  readonly #sentToReceived: number[] = [];
  #expected = 0;
  #received = 0;
  #duplicates = 0;
  #unexpected = 0;
  #errors = 0;
  #lastReceivedAt: number | null = null;

  /**
   * Records, before its request is sent, that an alert must reach these
   * subscribers; a receipt may come before the request's answer does.
   * An alert not `timed` (a warm-up's) is counted but adds no latency.
   */
  expect(
    alertId: string,
    receivers: readonly number[],
    sentAt: number,
    timed = true,
  ): void {
    if (this.#alerts.has(alertId)) {
      throw new Error(`Alert ${alertId} is expected already`);
    }
    const expectation: Expectation = {
      sentAt,
      timed,
      receivers: new Set(receivers),
      received: new Set(),
    };
    this.#alerts.set(alertId, expectation);
    this.#expected += expectation.receivers.size;
  }

  /**
   * Takes back an alert whose raise was refused: nothing was saved, so
   * nothing is owed; a receipt of it would count as unexpected.
   */
  withdraw(alertId: string): void {
    const expectation = this.#alerts.get(alertId);
    if (expectation === undefined) return;
    this.#alerts.delete(alertId);
    this.#expected -= expectation.receivers.size;
    this.#received -= expectation.received.size;
    this.#unexpected += expectation.received.size;
  }

  receive(receipt: Receipt): void {
    const expectation = this.#alerts.get(receipt.alertId);
    if (!expectation?.receivers.has(receipt.subscriber)) {
      this.#unexpected += 1;
      return;
    }
    if (expectation.received.has(receipt.subscriber)) {
      this.#duplicates += 1;
      return;
    }
    expectation.received.add(receipt.subscriber);
    this.#received += 1;
    if (!expectation.timed) return;
    this.#savedToReceived.push(receipt.receivedAt - receipt.savedAt);
    this.#sentToReceived.push(receipt.receivedAt - expectation.sentAt);
    this.#lastReceivedAt = Math.max(
      this.#lastReceivedAt ?? receipt.receivedAt, receipt.receivedAt);
  }

  /** An answer with errors, which names no event the bench can count. */
  receiveError(): void {
    this.#errors += 1;
  }

  /** Expected deliveries not received yet. */
  get outstanding(): number {
    return this.#expected - this.#received;
  }

  tally(): DeliveryTally {
    return {
      expected: this.#expected,
      received: this.#received,
      lost: this.outstanding,
      duplicates: this.#duplicates,
      unexpected: this.#unexpected,
      errors: this.#errors,
      savedToReceived: [...this.#savedToReceived],
      sentToReceived: [...this.#sentToReceived],
      lastReceivedAt: this.#lastReceivedAt,
    };
  }
}
