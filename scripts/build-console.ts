/**
 * `npm run build`'s last step: puts the console's pages beside the
 * compiled gateway in `dist/`, and bundles its scripts there, so that the
 * gateway run from `dist/` serves them as they are (gateway/console/).
 *
 *   tsx scripts/build-console.ts [dist]
 */
import { cp } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { BUNDLE_DIRECTORY, writeConsoleBundles } from '../gateway/console/bundle';
import { STATIC_DIRECTORY } from '../gateway/console/route';

const ROOT = resolve(__dirname, '..');

/** Copies the pages and writes the scripts under `dist`. */
export async function buildConsole(dist: string): Promise<void> {
  const inDist = (directory: string) =>
    join(dist, relative(ROOT, directory));
  await cp(STATIC_DIRECTORY, inDist(STATIC_DIRECTORY), { recursive: true });
  await writeConsoleBundles(inDist(BUNDLE_DIRECTORY));
}

if (require.main === module) {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  buildConsole(dist).then(
    () => process.stdout.write(`Console built into ${dist}\n`),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`The console could not be built: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
