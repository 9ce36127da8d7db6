import {
  alertIntervalMs,
  DEFAULT_SCALE_OPTIONS,
  parseScaleArgs,
  QUICK_SCALE_OPTIONS,
  BenchUsageError,
} from './options';

describe('parseScaleArgs', () => {
  it('answers the defaults for an empty command line', () => {
    expect(parseScaleArgs([])).toEqual({
      options: DEFAULT_SCALE_OPTIONS, json: false, help: false,
    });
    expect(DEFAULT_SCALE_OPTIONS).toMatchObject({
      database: 'mariadb', lengths: [1, 10, 100, 500], requests: 30,
      subscribers: [100, 1000, 5000], parts: ['lists', 'alerts'],
    });
  });

  it('reads every option, lists sorted and each value once', () => {
    const command = parseScaleArgs([
      '--database', 'sqlite', '--mysql-url', 'mysql://u@db:3306/x',
      '--lengths', '50, 5,5', '--measures', '60', '--requests', '4',
      '--warmup', '0', '--subscribers', '1000,100', '--alerts', '9',
      '--only', 'lists', '--fixed-pace', '--json',
    ]);

    expect(command.json).toBe(true);
    expect(command.options).toEqual({
      ...DEFAULT_SCALE_OPTIONS,
      database: 'sqlite',
      mysqlUrl: 'mysql://u@db:3306/x',
      lengths: [5, 50],
      measures: 60,
      requests: 4,
      warmups: 0,
      subscribers: [100, 1000],
      alerts: 9,
      fixedPace: true,
      parts: ['lists'],
    });
  });

  it('runs shorter with --quick, unless an option says otherwise', () => {
    expect(parseScaleArgs(['--quick']).options)
      .toEqual({ ...DEFAULT_SCALE_OPTIONS, ...QUICK_SCALE_OPTIONS });
    expect(parseScaleArgs(['--quick', '--requests', '7']).options.requests)
      .toBe(7);
  });

  it('slows the alerts past 1,000 subscribers, in proportion', () => {
    expect([100, 1000, 2000, 5000].map((n) => alertIntervalMs(n, false)))
      .toEqual([50, 50, 100, 250]);
    expect(alertIntervalMs(5000, true)).toBe(50);
  });

  it.each([
    [['--database', 'postgres'], /--database .* got "postgres"/],
    [['--lengths', '1,,10'], /--lengths .* got ""/],
    [['--lengths', '0'], /--lengths .* from 1 to 500, got "0"/],
    [['--measures', '20'], /--lengths .* from 1 to 20, got "100"/],
    [['--subscribers', '20000'], /--subscribers .* got "20000"/],
    [['--requests', '2.5'], /--requests .* got "2.5"/],
    [['--only', 'gateway'], /--only .* got "gateway"/],
    [['--lenghts', '1'], /lenghts/],
  ])('refuses %j, naming the option and the value', (args, message) => {
    expect(() => parseScaleArgs(args)).toThrow(BenchUsageError);
    expect(() => parseScaleArgs(args)).toThrow(message);
  });
});
