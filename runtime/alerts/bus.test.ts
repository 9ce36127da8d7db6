import { LocalAlertBus } from './bus';
import { ALERT_NOTICE_KINDS, noticeFromJson } from './notice';
import {
  noticeOf,
  noticesFrom,
  recordingListener,
} from '../../test/support/alerts';

describe('LocalAlertBus', () => {
  it('delivers a publish to every listener, in order', async () => {
    const bus = new LocalAlertBus();
    const first = recordingListener();
    const second = recordingListener();
    bus.listen(first);
    bus.listen(second);

    await bus.publish(noticesFrom(1, 3));
    await bus.publish([noticeOf(4)]);

    expect(first.sequences()).toEqual([1, 2, 3, 4]);
    expect(second.sequences()).toEqual([1, 2, 3, 4]);
  });

  it('stops delivering to a listener that stopped listening', async () => {
    const bus = new LocalAlertBus();
    const staying = recordingListener();
    const leaving = recordingListener();
    bus.listen(staying);
    const stop = bus.listen(leaving);

    await bus.publish([noticeOf(1)]);
    stop();
    await bus.publish([noticeOf(2)]);

    expect(staying.sequences()).toEqual([1, 2]);
    expect(leaving.sequences()).toEqual([1]);
  });

  it('delivers nothing once closed, and never signals a gap', async () => {
    const bus = new LocalAlertBus();
    const listener = recordingListener();
    bus.listen(listener);

    await bus.publish([noticeOf(1)]);
    await bus.close();
    await bus.publish([noticeOf(2)]);

    expect(listener.events).toEqual(['notice 1']);
    expect(bus.healthy).toBe(true);
  });
});

describe('noticeFromJson', () => {
  const valid = noticeOf(7);

  /** `valid` with one member replaced. */
  function withMember(name: string, value: unknown): unknown {
    return { ...valid, [name]: value };
  }

  function withRecipients(name: string, value: unknown): unknown {
    return { ...valid, recipients: { ...valid.recipients, [name]: value } };
  }

  it('reads back a notice sent as JSON', () => {
    const json: unknown = JSON.parse(JSON.stringify(valid));
    expect(noticeFromJson(json)).toEqual(valid);
  });

  it.each(ALERT_NOTICE_KINDS)('reads the kind %s', (kind) => {
    expect(noticeFromJson(withMember('kind', kind))?.kind).toBe(kind);
  });

  it('keeps only the members of a notice', () => {
    const padded = { ...valid, lastName: 'DEMO-Peeters' };
    expect(noticeFromJson(padded)).toEqual(valid);
    expect(noticeFromJson(padded)).not.toHaveProperty('lastName');
  });

  it.each([
    ['null', null],
    ['a string', 'notice'],
    ['an array', [valid]],
  ])('answers null for %s', (_name, value) => {
    expect(noticeFromJson(value)).toBeNull();
  });

  it.each([
    ['a sequence of 0', 'sequence', 0],
    ['a negative sequence', 'sequence', -3],
    ['a fractional sequence', 'sequence', 1.5],
    ['a sequence in a string', 'sequence', '7'],
    ['an unsafe sequence', 'sequence', Number.MAX_SAFE_INTEGER + 1],
    ['an unknown kind', 'kind', 'DELETED'],
    ['a missing measure', 'measureId', undefined],
    ['a numeric alert id', 'alertId', 12],
    ['an unreadable time', 'at', 'yesterday'],
    ['no recipients', 'recipients', undefined],
    ['recipients in a list', 'recipients', ['VAN']],
  ])('answers null for %s', (_name, member, value) => {
    expect(noticeFromJson(withMember(member, value))).toBeNull();
  });

  it.each([
    ['cicProvinces', 'VAN'],
    ['zones', [5345]],
    ['arrondissements', undefined],
  ])('answers null when %s is not a list of codes', (member, value) => {
    expect(noticeFromJson(withRecipients(member, value))).toBeNull();
  });
});
