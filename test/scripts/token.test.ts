import { parseTokenArgs, UsageError } from '../../scripts/token';

describe('scripts/token: command line', () => {
  it('reads a role with its scope and a lifetime', () => {
    expect(
      parseTokenArgs(['--role', 'police', '--zone', '5339', '--expires', '1h']),
    ).toEqual({ role: 'police', zone: '5339', expiresIn: '1h' });
  });

  it('defaults the lifetime to 8 hours', () => {
    expect(parseTokenArgs(['--role', 'analyst']).expiresIn).toBe('8h');
  });

  it.each([
    [['--role', 'admin'], /--role must be one of .*got "admin"/],
    [[], /--role is required/],
    [['--role', 'police'], /Role police needs --zone/],
    [['--role', 'cic'], /Role cic needs --province/],
    [['--role', 'magistrate'], /Role magistrate needs --arrondissement/],
    [['--role', 'victim-support'], /needs --arrondissement/],
    [['--role', 'analyst', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseTokenArgs(args)).toThrow(UsageError);
    expect(() => parseTokenArgs(args)).toThrow(message);
  });
});
