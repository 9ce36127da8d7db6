import { errorSummaryOf, requestOf } from './load';
import { zoneListOperation } from '../operations';

describe('gateway bench error summary', () => {
  it('keeps the status and each code once, never a message', () => {
    const body = JSON.stringify({ data: null, errors: [
      { message: 'Subgraph bng timed out', extensions: { code: 'SUBGRAPH_TIMEOUT' } },
      { message: 'again', extensions: { code: 'SUBGRAPH_TIMEOUT' } },
      { message: 'Jane Doe' },
    ] });
    expect(errorSummaryOf(200, body)).toBe('200 SUBGRAPH_TIMEOUT no code');
    expect(errorSummaryOf(502, '<html>')).toBe('502 not JSON');
  });
});

describe('gateway bench request', () => {
  it('carries the token for (a) and the caller for (b) and (c)', () => {
    const request = requestOf(zoneListOperation(50), 'token-1');
    expect(request.headers).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
      'x-bench-caller': 'zone-list#0',
    });
    expect(requestOf(zoneListOperation(50), 'token-8', 7).headers)
      .toMatchObject({
        authorization: 'Bearer token-8',
        'x-bench-caller': 'zone-list#7',
      });
    expect(JSON.parse(request.body)).toEqual({
      operationName: 'ZoneActiveMeasures',
      query: zoneListOperation(50).query,
      variables: { zoneCode: '5347', first: 50 },
    });
  });
});
