/**
 * The options of the test suite itself, declared like a process's so the
 * README's table covers them too. Kept apart from the test helpers: the
 * documentation script imports it, and it needs no Jest globals.
 */
import {
  readConfig,
  secret,
  string,
  url,
  type ConfigDocs,
  type ConfigOf,
} from '../../runtime/config';

export const DEFAULT_TEST_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';

export const TEST_CONFIG = {
  /** Default: root without a password on 127.0.0.1:3306. */
  TEST_MYSQL_URL: secret(
    url({
      default: DEFAULT_TEST_MYSQL_URL,
      protocols: ['mysql:', 'mariadb:'],
    }),
  ),
  /** Default /usr/bin/chromium, where Debian's package puts it. */
  CHROMIUM_PATH: string({ default: '/usr/bin/chromium' }),
};

export type TestConfig = ConfigOf<typeof TEST_CONFIG>;

/** What each option is for; README.md's table is generated from it. */
export const TEST_CONFIG_DOCS: ConfigDocs<typeof TEST_CONFIG> = {
  TEST_MYSQL_URL:
    'A MariaDB or MySQL server whose user may create and drop databases; ' +
    'each test file works in a fresh `sat_<random>` database of its own.',
  CHROMIUM_PATH:
    'The Chromium the console\'s browser tests drive (test/console/); ' +
    'they fail, saying so, when it is not there. `.ci/run` installs ' +
    'Debian\'s `chromium` package when the default is missing.',
};

export function readTestConfig(
  env: NodeJS.ProcessEnv = process.env,
): TestConfig {
  return readConfig(TEST_CONFIG, env);
}
