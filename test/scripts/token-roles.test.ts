import { TOKEN_ROLES } from '../../runtime/identity';
import { parseTokenArgs, UsageError } from '../../scripts/token';

describe('scripts/token: the roles a token may carry', () => {
  it('refuses the gateway\'s own role, whatever else is given', () => {
    for (const args of [
      ['--role', 'gateway'],
      ['--role', 'gateway', '--zone', '5339', '--expires', '1h'],
    ]) {
      expect(() => parseTokenArgs(args)).toThrow(UsageError);
      expect(() => parseTokenArgs(args))
        .toThrow("Role gateway is the gateway's own: no access token carries it");
    }
  });

  it('leaves the gateway out of the roles it names', () => {
    expect(TOKEN_ROLES).not.toContain('gateway');
    expect(() => parseTokenArgs(['--role', 'admin'])).toThrow(
      '--role must be one of police, cic, magistrate, victim-support, '
        + 'analyst, app112, auditor, got "admin"',
    );
  });
});
