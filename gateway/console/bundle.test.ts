/**
 * The console's scripts: the build bundles them into dist/ with the
 * pages, and a gateway serves what the build wrote when it is there,
 * bundling in memory only when it is not.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../../scripts/build-console';
import {
  BUNDLE_NAMES,
  buildConsoleBundles,
  cachedBundles,
  readConsoleBundles,
} from './bundle';

describe('the console\'s scripts', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'console-build-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('are bundled by the build into dist, beside the pages, each whole',
    async () => {
      await buildConsole(directory);

      const console = join(directory, 'gateway', 'console');
      expect(existsSync(join(console, 'static', 'console', 'index.html')))
        .toBe(true);
      expect(existsSync(join(console, 'static', 'explorer', 'explorer.html')))
        .toBe(true);
      const bundles = await readConsoleBundles(join(console, 'bundles'));
      for (const name of BUNDLE_NAMES) {
        const text = bundles[name].body.toString('utf8');
        expect(text.length).toBeGreaterThan(500);
        // One file each: nothing left to import or require.
        expect(text).not.toMatch(/\brequire\(|^import\s|\bimport\(/m);
      }
      expect(bundles['console.js'].contentType).toMatch(/^text\/javascript/);
    }, 60_000);

  it('are served as the build wrote them, not bundled again', async () => {
    const written = '/* the build\'s console */';
    await writeFile(join(directory, 'console.js'), written);
    await writeFile(join(directory, 'explorer.js'), '/* explorer */');

    const bundles = await cachedBundles(directory)();

    expect(bundles['console.js'].body.toString('utf8')).toBe(written);
  });

  it('are bundled from the sources where no build wrote them, once',
    async () => {
      const load = cachedBundles(join(directory, 'absent'));

      const [first, second] = await Promise.all([load(), load()]);

      expect(second).toBe(first);
      const fresh = await buildConsoleBundles();
      expect(first['console.js'].etag).toBe(fresh['console.js'].etag);
    }, 60_000);

  it('say which script a build left out, and are read again after',
    async () => {
      await writeFile(join(directory, 'console.js'), '/* console */');
      const load = cachedBundles(directory);

      await expect(load())
        .rejects.toThrow(`${directory} does not hold explorer.js`);
      await writeFile(join(directory, 'explorer.js'), '/* explorer */');
      const bundles = await load();

      expect(await readFile(join(directory, 'explorer.js'), 'utf8'))
        .toBe(bundles['explorer.js'].body.toString('utf8'));
    });
});
