import {
  BenchUsageError,
  DEFAULT_ALERT_BENCH_OPTIONS,
  parseBenchArgs,
  QUICK_ALERT_BENCH_OPTIONS,
} from './options';

describe('parseBenchArgs', () => {
  it('answers the defaults for an empty command line', () => {
    expect(parseBenchArgs([])).toEqual({
      options: DEFAULT_ALERT_BENCH_OPTIONS,
      json: false,
      help: false,
    });
  });

  it('reads every option', () => {
    const command = parseBenchArgs([
      '--subscribers', '100', '--alerts', '5', '--warmup', '0',
      '--interval-ms', '0',
      '--timeout-ms', '2000', '--cpu-prof', '/tmp/profiles', '--json',
    ]);

    expect(command.json).toBe(true);
    expect(command.options).toEqual({
      ...DEFAULT_ALERT_BENCH_OPTIONS,
      subscribers: 100,
      alerts: 5,
      warmupAlerts: 0,
      intervalMs: 0,
      settleTimeoutMs: 2000,
      cpuProfileDirectory: '/tmp/profiles',
    });
  });

  it('runs shorter with --quick, unless an option says otherwise', () => {
    expect(parseBenchArgs(['--quick']).options).toEqual({
      ...DEFAULT_ALERT_BENCH_OPTIONS, ...QUICK_ALERT_BENCH_OPTIONS,
    });
    expect(parseBenchArgs(['--quick', '--alerts', '7']).options.alerts)
      .toBe(7);
  });

  it.each([
    [['--subscribers', '0'], /--subscribers .* got "0"/],
    [['--subscribers', '1e3'], /--subscribers .* got "1e3"/],
    [['--alerts=-4'], /--alerts .* got "-4"/],
    [['--interval-ms', 'fast'], /--interval-ms .* got "fast"/],
  ])('refuses %j, naming the option and the value', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(message);
  });

  it('refuses an unknown option as a usage error', () => {
    expect(() => parseBenchArgs(['--subscriber', '5']))
      .toThrow(BenchUsageError);
  });
});
