import { packageOf, summarize, type CpuProfile } from './profile-summary';

const ROOT = '/work/checkout';

/** Two functions; samples 1, 2, 2, 1 with deltas of 0, 1, 2 and 3 ms. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: 'verify',
      url: `file://${ROOT}/runtime/trust.ts`, lineNumber: 9 } },
    { id: 2, callFrame: { functionName: 'plan',
      url: `file://${ROOT}/node_modules/@apollo/query-planner/dist/x.js`,
      lineNumber: 0 } },
  ],
  samples: [1, 2, 2, 1],
  timeDeltas: [0, 1000, 2000, 3000],
};

describe('profile summary', () => {
  it('gives each sample the interval until the next one', () => {
    const summary = summarize([{ profile: PROFILE }], ROOT);
    expect(summary.totalMs).toBe(6);
    expect(summary.functions).toEqual([
      ['plan node_modules/@apollo/query-planner/dist/x.js:1', 5],
      ['verify runtime/trust.ts:10', 1],
    ]);
  });

  it('adds up the profiles of several processes', () => {
    const summary = summarize(
      [{ profile: PROFILE }, { profile: PROFILE }], ROOT);
    expect(summary.packages).toEqual([
      ['@apollo/query-planner', 10],
      ['runtime/', 2],
    ]);
  });

  it('counts only the samples within the window', () => {
    // Samples at 0, 1, 3 and 6 ms: the window keeps the second and third.
    const summary = summarize(
      [{ profile: PROFILE, window: { fromMs: 0.5, toMs: 3 } }], ROOT);
    expect(summary.functions).toEqual([
      ['plan node_modules/@apollo/query-planner/dist/x.js:1', 5],
    ]);
  });

  it('names the package of a file', () => {
    expect(packageOf('node_modules/jose/dist/a.js')).toBe('jose');
    expect(packageOf('node_modules/a/node_modules/@x/y/z.js')).toBe('@x/y');
    expect(packageOf('node:internal/streams')).toBe('node:');
    expect(packageOf('gateway/server.ts')).toBe('gateway/');
    expect(packageOf('(native or V8)')).toBe('(native or V8)');
  });
});
