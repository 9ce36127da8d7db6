/**
 * §7.3: who may file a request, and in whose name. A request keeps its
 * requester on record, and a caller may speak only for its own zone or
 * parquet; it is routed to the residence's zone and parquet (§7.2).
 */
import { describeEachDatabase } from '../support/databases';
import {
  requestInput,
  startProtectionGraph,
  type ProtectionGraph,
} from './support';

const DAY = '2026-12-01';

describeEachDatabase('§7.3 requests', (storage) => {
  let graph: ProtectionGraph;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  it('§7.3.2: the residence police file in their own name', async () => {
    const { status } = await graph
      .police('5345')
      .mutate('requestProtection', requestInput('5345', DAY));
    expect(status).toBe('REQUESTED');
  });

  it('§7.3.2: another zone may not file as the residence police', async () => {
    const refused = await graph
      .police('5339')
      .refused('requestProtection', requestInput('5345', DAY));
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('§7.3.2: another zone files in its own name, routed to the residence', async () => {
    const input = {
      ...requestInput('5345', DAY),
      origin: 'OTHER_POLICE_ZONE',
      requesterZoneCode: '5339',
    };
    const { id } = await graph.police('5339').mutate('requestProtection', input);
    const measure = await graph.magistrate('ANT').measure(id);
    expect(measure).toMatchObject({
      status: 'REQUESTED',
      managingZone: { code: '5345' },
    });
  });

  it('§7.3.2: a zone may not name another zone as the requester', async () => {
    const input = {
      ...requestInput('5345', DAY),
      origin: 'OTHER_POLICE_ZONE',
      requesterZoneCode: '5340',
    };
    const refused = await graph
      .police('5339')
      .refused('requestProtection', input);
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('§7.3.3: only the residence parquet files as PARQUET', async () => {
    const input = { ...requestInput('5345', DAY), origin: 'PARQUET' };
    const refused = await graph
      .magistrate('BRU')
      .refused('requestProtection', input);
    expect(refused.code).toBe('FORBIDDEN');
    const { status } = await graph
      .magistrate('ANT')
      .mutate('requestProtection', input);
    expect(status).toBe('REQUESTED');
  });

  it('§7.3.1: a person’s request may be recorded by any zone', async () => {
    const input = { ...requestInput('5345', DAY), origin: 'PERSON' };
    const { status } = await graph
      .police('5339')
      .mutate('requestProtection', input);
    expect(status).toBe('REQUESTED');
  });

  it('refuses roles that do not file requests', async () => {
    const refused = await graph
      .caller({ role: 'analyst' })
      .refused('requestProtection', requestInput('5345', DAY));
    expect(refused.code).toBe('FORBIDDEN');
  });
});
