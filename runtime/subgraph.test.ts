import { createLogger } from './logger';
import {
  agencyLoader,
  formatClientError,
  parseNationalNumber,
} from './subgraph';

const silent = createLogger({ name: 'test', level: 'silent' });

describe('formatClientError', () => {
  const internal = {
    message: 'ER_NO_SUCH_TABLE: select * from protection_measure',
    path: ['protectionMeasure'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
  };

  it('hides an unexpected error in production', () => {
    expect(formatClientError(internal, true)).toEqual({
      message: 'Internal server error',
      path: ['protectionMeasure'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('hides an error without a code in production', () => {
    const bare = { message: 'TypeError: x is undefined' };
    expect(formatClientError(bare, true).message).toBe(
      'Internal server error',
    );
  });

  it('keeps an error written for the client, with its details', () => {
    const refused = {
      message: 'The grant needs every condition of §7.5.',
      extensions: { code: 'CONDITIONS_NOT_MET', missing: ['WANTS_ALARM'] },
    };
    expect(formatClientError(refused, true)).toBe(refused);
  });

  it('shows everything outside production', () => {
    expect(formatClientError(internal, false)).toBe(internal);
  });
});

describe('parseNationalNumber', () => {
  it('answers the 11 digits of a valid number', () => {
    expect(parseNationalNumber('85.07.30-033.28', 'n')).toBe('85073003328');
  });

  it('refuses an invalid one with BAD_USER_INPUT and the reason', () => {
    expect(() => parseNationalNumber('85073003329', 'victim')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^victim is not a valid national/),
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          argument: 'victim',
        }),
      }),
    );
  });
});

describe('agencyLoader', () => {
  it('batches the keys of one tick into one read', async () => {
    const batches: (readonly string[])[] = [];
    const loader = agencyLoader(
      'The BNG',
      async (keys: readonly string[]) => {
        batches.push(keys);
        return keys.map((key) => key.toUpperCase());
      },
      silent,
    );
    const answers = await Promise.all([loader.load('a'), loader.load('b')]);
    expect(answers).toEqual(['A', 'B']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('turns a failing system into AGENCY_UNAVAILABLE', async () => {
    const loader = agencyLoader(
      'The BNG',
      async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.1:1521');
      },
      silent,
    );
    await expect(loader.load('a')).rejects.toMatchObject({
      message: 'The BNG is unavailable; this part of the answer is missing.',
      extensions: { code: 'AGENCY_UNAVAILABLE', system: 'The BNG' },
    });
  });
});

describe('agencyLoader deadline', () => {
  it('gives up on a system that does not answer', async () => {
    const loader = agencyLoader(
      'MaCH',
      () => new Promise<string[]>(() => undefined),
      silent,
      20,
    );
    await expect(loader.load('a')).rejects.toMatchObject({
      extensions: { code: 'AGENCY_UNAVAILABLE', system: 'MaCH' },
    });
  });
});
