import { openGraphDevicesAdapter } from '../index';
import {
  GRAPH_DEFAULTS,
  checkOptions,
  type GraphDevicesOptions,
} from './options';

const valid: GraphDevicesOptions = {
  siteId: 'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,'
    + '2d2244c3-251a-49ea-93a8-39e1c3a060fe',
  lists: { devices: 'Devices', dailyReports: 'Daily reports',
    grantRegistrations: 'Grant registrations', shortages: 'Shortages' },
  tokenUrl: 'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
  clientId: 'app-id',
  clientSecret: 'app-secret-1234',
};

describe('checkOptions', () => {
  it('fills in every default', () => {
    expect(checkOptions(valid)).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      scope: 'https://graph.microsoft.com/.default',
      timeoutMs: 10_000,
      maxRetries: 3,
      maxRetryAfterMs: 30_000,
      pageSize: 999,
      logger: null,
    });
    expect(GRAPH_DEFAULTS.baseUrl).toBe('https://graph.microsoft.com/v1.0');
  });

  it('drops a trailing slash of baseUrl', () => {
    expect(checkOptions({ ...valid,
      baseUrl: 'https://graph.microsoft.us/v1.0/' }).baseUrl)
      .toBe('https://graph.microsoft.us/v1.0');
  });

  it('lists every missing option at once', () => {
    expect(() => checkOptions({} as GraphDevicesOptions)).toThrow(
      new TypeError('Invalid SharePoint devices options: '
        + 'siteId must be a non-blank string, not undefined; '
        + 'lists must name the lists devices, dailyReports, '
        + 'grantRegistrations, shortages, not undefined; '
        + 'tokenUrl must be an absolute https URL (http only on a loopback '
        + 'host), not undefined; '
        + 'clientId must be a non-blank string, not undefined; '
        + 'clientSecret must be a non-empty string (value not shown)'));
  });

  it('shows each bad value beside the option it belongs to', () => {
    const error = captured(() => checkOptions({ ...valid, timeoutMs: 0,
      maxRetries: -1, maxRetryAfterMs: 1.5, pageSize: 6000 }));
    expect(error.message).toContain(
      'timeoutMs must be an integer of at least 1, not 0');
    expect(error.message).toContain(
      'maxRetries must be an integer from 0 to 10, not -1');
    expect(error.message).toContain(
      'maxRetryAfterMs must be an integer of at least 0, not 1.5');
    expect(error.message).toContain(
      'pageSize must be an integer from 1 to 5000, not 6000');
  });

  it('names the lists left blank', () => {
    expect(() => checkOptions({ ...valid,
      lists: { ...valid.lists, shortages: ' ' } })).toThrow(
      'lists must give each list a non-blank id or name; wrong: '
        + 'shortages " "');
  });

  it('refuses plain http except towards this machine', () => {
    expect(() => checkOptions({ ...valid,
      tokenUrl: 'http://login.example/token' }))
      .toThrow('tokenUrl must be an absolute https URL');
    expect(checkOptions({ ...valid, baseUrl: 'http://127.0.0.1:8080/v1.0' })
      .baseUrl).toBe('http://127.0.0.1:8080/v1.0');
  });

  it('refuses a site id that would end the path', () => {
    expect(() => checkOptions({ ...valid, siteId: 'site?x=1' }))
      .toThrow('siteId must hold no \'?\', \'#\' or space');
  });

  it('never shows the client secret', () => {
    const error = captured(() => checkOptions({ ...valid,
      clientSecret: 42 as unknown as string }));
    expect(error.message).toContain(
      'clientSecret must be a non-empty string (value not shown)');
    expect(error.message).not.toContain('42');
  });
});

describe('openGraphDevicesAdapter', () => {
  it('rejects options that do not pass the checks', async () => {
    await expect(openGraphDevicesAdapter({ ...valid, clientId: '' }))
      .rejects.toThrow('clientId must be a non-blank string, not ""');
  });

  it('makes no request before the first read', async () => {
    const fetch = jest.fn();
    const adapter = await openGraphDevicesAdapter({ ...valid, fetch });
    await adapter.close();
    expect(fetch).not.toHaveBeenCalled();
  });
});

function captured(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected an error');
}
