import { DeliveryLedger, type Receipt } from './ledger';

const SENT = 1_000;
const SAVED = 1_010;

/** A receipt of an event saved at SAVED. */
function receipt(
  subscriber: number,
  alertId: string,
  receivedAt: number,
): Receipt {
  return { subscriber, alertId, savedAt: SAVED, receivedAt };
}

function ledgerExpecting(receivers: number[]): DeliveryLedger {
  const ledger = new DeliveryLedger();
  ledger.expect('a1', receivers, SENT);
  return ledger;
}

describe('DeliveryLedger: what was owed and what came', () => {
  it('counts an expected delivery once, with both latencies', () => {
    const ledger = ledgerExpecting([0, 1]);
    ledger.receive(receipt(0, 'a1', 1_025));

    const tally = ledger.tally();
    expect(tally).toMatchObject({
      expected: 2, received: 1, lost: 1, duplicates: 0, unexpected: 0,
    });
    expect(tally.savedToReceived).toEqual([15]);
    expect(tally.sentToReceived).toEqual([25]);
    expect(tally.lastReceivedAt).toBe(1_025);
  });

  it('counts a second receipt by a subscriber as a duplicate', () => {
    const ledger = ledgerExpecting([0]);
    ledger.receive(receipt(0, 'a1', 1_020));
    ledger.receive(receipt(0, 'a1', 1_500));

    const tally = ledger.tally();
    expect(tally).toMatchObject({ received: 1, duplicates: 1, lost: 0 });
    expect(tally.savedToReceived).toEqual([10]);
    expect(tally.lastReceivedAt).toBe(1_020);
  });

  it('counts a receipt by a subscriber not entitled as unexpected', () => {
    const ledger = ledgerExpecting([0]);
    ledger.receive(receipt(7, 'a1', 1_020));

    expect(ledger.tally())
      .toMatchObject({ received: 0, unexpected: 1, lost: 1 });
  });

  it('counts a receipt of an alert never raised as unexpected', () => {
    const ledger = ledgerExpecting([0]);
    ledger.receive(receipt(0, 'other', 1_020));

    expect(ledger.tally()).toMatchObject({ unexpected: 1 });
  });

  it('owes nothing for a refused raise', () => {
    const ledger = ledgerExpecting([0, 1, 2]);
    ledger.expect('a2', [0], SENT);
    ledger.withdraw('a1');

    expect(ledger.outstanding).toBe(1);
    expect(ledger.tally()).toMatchObject({ expected: 1, lost: 1 });
  });

  it('counts a warm-up alert\'s deliveries but not their latency', () => {
    const ledger = new DeliveryLedger();
    ledger.expect('warm', [0], SENT, false);
    ledger.receive(receipt(0, 'warm', 9_000));
    ledger.receive(receipt(0, 'warm', 9_001));

    const tally = ledger.tally();
    expect(tally).toMatchObject({ expected: 1, received: 1, duplicates: 1 });
    expect(tally.savedToReceived).toEqual([]);
    expect(tally.lastReceivedAt).toBeNull();
  });

  it('counts answers with errors apart', () => {
    const ledger = ledgerExpecting([0]);
    ledger.receiveError();

    expect(ledger.tally()).toMatchObject({ errors: 1, lost: 1 });
  });

  it('keeps track of what is still outstanding as receipts come', () => {
    const ledger = ledgerExpecting([0, 1]);
    expect(ledger.outstanding).toBe(2);
    ledger.receive(receipt(1, 'a1', 1_020));
    expect(ledger.outstanding).toBe(1);
    ledger.receive(receipt(0, 'a1', 1_030));
    expect(ledger.outstanding).toBe(0);
  });

  it('refuses to expect the same alert twice, naming it', () => {
    const ledger = ledgerExpecting([0]);
    expect(() => ledger.expect('a1', [1], SENT)).toThrow('a1');
  });
});
