import {
  BenchUsageError,
  DEFAULT_GATEWAY_BENCH_OPTIONS,
  parseGatewayBenchArgs,
} from './options';

describe('gateway bench options', () => {
  it('runs the defaults on an empty command line', () => {
    const command = parseGatewayBenchArgs([]);
    expect(command).toEqual({
      options: DEFAULT_GATEWAY_BENCH_OPTIONS,
      json: false,
      help: false,
    });
    expect(command.options).toMatchObject({
      connections: 16,
      durationSeconds: 10,
      warmupSeconds: 3,
      database: 'mariadb',
      operations: ['briefing', 'zone-list', 'evaluation'],
      rounds: 3,
      measures: 500,
    });
    expect(command.options.profileDirectory).toBeUndefined();
  });

  it('reads every option', () => {
    const { options, json } = parseGatewayBenchArgs([
      '--connections', '8', '--callers', '5', '--duration', '5',
      '--warmup', '0',
      '--database', 'sqlite', '--only', 'evaluation,briefing',
      '--rounds', '3', '--measures', '40', '--log-level', 'error',
      '--profile', '/tmp/profiles', '--mysql-url', 'mariadb://u@db:3307/x',
      '--json',
    ]);
    expect(json).toBe(true);
    expect(options).toEqual({
      connections: 8,
      callers: 5,
      durationSeconds: 5,
      warmupSeconds: 0,
      database: 'sqlite',
      mysqlUrl: 'mariadb://u@db:3307/x',
      operations: ['briefing', 'evaluation'],
      rounds: 3,
      measures: 40,
      logLevel: 'error',
      profileDirectory: '/tmp/profiles',
    });
  });

  it('runs shorter loads with --quick, unless told otherwise', () => {
    expect(parseGatewayBenchArgs(['--quick', '--json']).options).toEqual({
      ...DEFAULT_GATEWAY_BENCH_OPTIONS,
      durationSeconds: 3,
      warmupSeconds: 1,
      rounds: 1,
    });
    const { options } = parseGatewayBenchArgs(['--quick', '--duration', '6']);
    expect(options).toMatchObject({ durationSeconds: 6, warmupSeconds: 1 });
  });

  it('keeps the table order and each operation once', () => {
    const { options } = parseGatewayBenchArgs(
      ['--only', 'evaluation, zone-list,evaluation']);
    expect(options.operations).toEqual(['zone-list', 'evaluation']);
  });

  it.each([
    [['--connections', '0'], '--connections must be a whole number from 1 to 1000, got "0"'],
    [['--duration', '2.5'], '--duration must be a whole number from 1 to 3600, got "2.5"'],
    [['--warmup=-1'], '--warmup must be a whole number from 0 to 600, got "-1"'],
    [['--database', 'postgres'], '--database must be one of mariadb, sqlite, got "postgres"'],
    [['--only', 'briefing,stats'], '--only names operations among briefing, zone-list, evaluation, got "stats"'],
    [['--rounds', '21'], '--rounds must be a whole number from 1 to 20'],
    [['--log-level', 'loud'], '--log-level must be one of'],
    [['--mysql-url', 'postgres://x/y'], '--mysql-url must be a mysql:// or mariadb:// URL, got postgres:'],
    [['--mysql-url', 'not a url'], '--mysql-url must be a URL'],
    [['--profile', ' '], '--profile needs a directory'],
    [['--seconds', '3'], "Unknown option '--seconds'"],
  ])('refuses %j', (args, message) => {
    expect(() => parseGatewayBenchArgs(args)).toThrow(BenchUsageError);
    expect(() => parseGatewayBenchArgs(args)).toThrow(message);
  });
});
