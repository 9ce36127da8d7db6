import { createAlertBus, LocalAlertBus, RedisAlertBus } from '.';
import { recordLogs } from '../../test/support/servers';

describe('createAlertBus', () => {
  it('answers an in-process bus when no URL is set', async () => {
    const bus = createAlertBus({ logger: recordLogs().logger });
    expect(bus).toBeInstanceOf(LocalAlertBus);
    await bus.close();
  });

  it('answers a Redis bus for a Redis URL', async () => {
    // Nothing listens on port 1: the bus is made, not used.
    const url = 'redis://127.0.0.1:1';
    const bus = createAlertBus({ url, logger: recordLogs().logger });
    expect(bus).toBeInstanceOf(RedisAlertBus);
    await bus.close();
  });
});
