/**
 * Builds the console's browser scripts (app/) with esbuild, in memory:
 * `console.js` (the pages) and `explorer.js` (the explorer's GraphiQL
 * set-up), each one file with its imports (graphql-ws's client) inside,
 * nothing loaded from elsewhere.
 *
 * From the sources the entry points are app/*.ts; in the image, where
 * only `dist/` is, they are the compiled app/*.js beside this file, which
 * esbuild bundles just as well. The build runs once per process, on the
 * first request that needs it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { assetOf, type StaticAsset } from '../../runtime/static-files';

/** The scripts built, by the name they are served under. */
export type BundleName = 'console.js' | 'explorer.js';

export type ConsoleBundles = Readonly<Record<BundleName, StaticAsset>>;

/** Where the browser sources are: beside this module. */
export const APP_DIRECTORY = join(__dirname, 'app');

/** Private: an entry point, as a .ts source or its compiled .js. */
function entryOf(name: string): string {
  const source = join(APP_DIRECTORY, `${name}.ts`);
  return existsSync(source) ? source : join(APP_DIRECTORY, `${name}.js`);
}

/** Builds both scripts; rejects with esbuild's errors. */
export async function buildConsoleBundles(): Promise<ConsoleBundles> {
  const result = await build({
    entryPoints: { console: entryOf('main'), explorer: entryOf('explorer') },
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const found: Partial<Record<BundleName, StaticAsset>> = {};
  for (const file of result.outputFiles) {
    const name = file.path.split(/[\\/]/).pop();
    if (name !== 'console.js' && name !== 'explorer.js') continue;
    const asset = assetOf(name, Buffer.from(file.contents));
    if (asset !== null) found[name] = asset;
  }
  const { 'console.js': pages, 'explorer.js': explorer } = found;
  if (!pages || !explorer) {
    throw new Error('esbuild did not produce console.js and explorer.js');
  }
  return { 'console.js': pages, 'explorer.js': explorer };
}

/**
 * The bundles, built on the first call and shared after; a failed build
 * is tried again at the next call.
 */
export function cachedBundles(): () => Promise<ConsoleBundles> {
  let pending: Promise<ConsoleBundles> | null = null;
  return () => {
    pending ??= buildConsoleBundles().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
