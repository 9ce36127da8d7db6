/**
 * Generated files are committed; these tests fail when one no longer
 * matches what its generator would write now.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  composeSupergraph,
  readSubgraphSources,
  SUPERGRAPH_PATH,
} from '../scripts/compose';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

describe('generated files', () => {
  it('the committed supergraph is what composition gives now', () => {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
    expect(committed === composeSupergraph()).toBe(true);
  });

  it('the committed resolver types are what codegen gives now', async () => {
    // codegen's CLI is ESM inside; it runs in its own process.
    const codegen = join(ROOT, 'node_modules', '.bin', 'graphql-codegen');
    const outcome = await run(codegen, ['--config', 'codegen.yml', '--check'], {
      cwd: ROOT,
    }).then(
      () => 'up to date',
      (error: { stdout: string; stderr: string }) =>
        `${error.stdout}\n${error.stderr}`,
    );
    expect(outcome).toBe('up to date');
  });
});

describe('composition', () => {
  it('stops with composition’s own message when subgraphs disagree', () => {
    const sources = readSubgraphSources();
    // mach now says a national number is an Int where the others say ID.
    sources.mach = sources.mach.replace(
      'nationalNumber: ID!',
      'nationalNumber: Int!',
    );
    expect(() => composeSupergraph(sources)).toThrow(
      /Composition failed:\n- .*Person\.nationalNumber.*/,
    );
  });
});
