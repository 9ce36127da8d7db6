/**
 * §3: the live alert stream end to end, smoke.
 */
import { sqliteDatabase } from '../support/databases';
import {
  grantedMeasure,
  startProtectionGraph,
  type MeasurePlace,
  type ProtectionGraph,
} from '../protection/support';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';

const TODAY = '2026-12-10';
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };

const BOARD = /* GraphQL */ `
  subscription Board($since: ID) {
    alertEvents(since: $since) {
      sequence kind alert { id } measure { id }
    }
  }
`;

describe('live alerts', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
  }, 120_000);

  afterAll(async () => {
    await graph?.stack.cleanUp();
    await database.drop();
  });

  it('delivers a raise to the managing zone', async () => {
    const token = await graph.stack.token({ role: 'police', zone: '5345' });
    const board = await subscribeAlerts(graph.stack.gatewayUrl, token, BOARD);
    await waitFor('the board to be live', () => graph.stack.gateway.alertStream.live === 1);
    await graph.caller({ role: 'app112' }).mutate('recordAlert', {
      measureId, alertId: 'smoke-1', raisedAt: `${TODAY}T08:40:00Z`,
    });
    await board.waitForCount(1);
    expect(board.answers[0].data).toEqual({ alertEvents: expect.objectContaining({ kind: 'RAISED', alert: { id: 'smoke-1' } }) });
    await board.dispose();
  });
});
