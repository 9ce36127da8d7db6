/**
 * The console's browser scripts (app/): `console.js` (the pages) and
 * `explorer.js` (the explorer's GraphiQL set-up), each one file with its
 * imports (graphql-ws's client) inside, nothing loaded from elsewhere.
 *
 * `npm run build` bundles them with esbuild into `dist/`, in the
 * BUNDLE_DIRECTORY beside the compiled gateway (scripts/build-console.ts),
 * and the gateway run from `dist/` serves those files: the image ships
 * no bundler. A gateway run from the sources, where no such folder is,
 * bundles app/*.ts itself, in memory, once per process.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetOf, type StaticAsset } from '../../runtime/static-files';

/** The scripts, by the name they are served under. */
export const BUNDLE_NAMES = ['console.js', 'explorer.js'] as const;

export type BundleName = (typeof BUNDLE_NAMES)[number];

export type ConsoleBundles = Readonly<Record<BundleName, StaticAsset>>;

/** Where the browser sources are: beside this module. */
export const APP_DIRECTORY = join(__dirname, 'app');

/** Where the build writes the scripts: beside this module too. */
export const BUNDLE_DIRECTORY = join(__dirname, 'bundles');

/**
 * Private: an entry point in app/, its .ts source, or its compiled .js
 * in a `dist/` that a build without the bundling step left.
 */
function entryOf(name: string): string {
  const source = join(APP_DIRECTORY, `${name}.ts`);
  return existsSync(source) ? source : join(APP_DIRECTORY, `${name}.js`);
}

/** Bundles both scripts from app/ in memory; rejects with esbuild's errors. */
export async function buildConsoleBundles(): Promise<ConsoleBundles> {
  // Required here only: a gateway run from dist/ never bundles, and its
  // image has no bundler.
  const { build } = require('esbuild') as typeof import('esbuild');
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
  const built = new Map<string, Buffer>();
  for (const file of result.outputFiles) {
    const name = file.path.split(/[\\/]/).pop() ?? '';
    built.set(name, Buffer.from(file.contents));
  }
  return bundlesOf((name) => built.get(name), 'esbuild did not produce');
}

/** Bundles both scripts and writes them into `directory`. */
export async function writeConsoleBundles(directory: string): Promise<void> {
  const bundles = await buildConsoleBundles();
  await mkdir(directory, { recursive: true });
  await Promise.all(BUNDLE_NAMES.map((name) =>
    writeFile(join(directory, name), bundles[name].body)));
}

/** Reads the scripts a build wrote into `directory`. */
export async function readConsoleBundles(
  directory: string,
): Promise<ConsoleBundles> {
  const files = new Map<string, Buffer>();
  for (const name of BUNDLE_NAMES) {
    const path = join(directory, name);
    if (existsSync(path)) files.set(name, await readFile(path));
  }
  return bundlesOf((name) => files.get(name), `${directory} does not hold`);
}

/**
 * The scripts as served: those the build wrote into `directory` when
 * there are any, else bundled from the sources. Loaded on the first call
 * and shared after; a failed load is tried again at the next call.
 */
export function cachedBundles(
  directory = BUNDLE_DIRECTORY,
): () => Promise<ConsoleBundles> {
  let pending: Promise<ConsoleBundles> | null = null;
  const load = () => existsSync(directory)
    ? readConsoleBundles(directory)
    : buildConsoleBundles();
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Private: both scripts as assets; throws naming those missing. */
function bundlesOf(
  bodyOf: (name: BundleName) => Buffer | undefined,
  missing: string,
): ConsoleBundles {
  const assets: Partial<Record<BundleName, StaticAsset>> = {};
  for (const name of BUNDLE_NAMES) {
    const body = bodyOf(name);
    const asset = body === undefined ? null : assetOf(name, body);
    if (asset !== null) assets[name] = asset;
  }
  const { 'console.js': pages, 'explorer.js': explorer } = assets;
  if (!pages || !explorer) {
    const absent = BUNDLE_NAMES.filter((name) => !assets[name]);
    throw new Error(`${missing} ${absent.join(' or ')}`);
  }
  return { 'console.js': pages, 'explorer.js': explorer };
}
