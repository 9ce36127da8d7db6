/**
 * Composes the five subgraph schemas in `schema/` into the supergraph that
 * the gateway loads (`schema/supergraph.graphql`).
 *
 *   npm run compose            writes the supergraph
 *   npm run compose -- --check fails when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES } from './subgraph-names';

export const SCHEMA_DIR = join(__dirname, '..', 'schema');
export const SUPERGRAPH_PATH = join(SCHEMA_DIR, 'supergraph.graphql');

/** The placeholder URL of each subgraph; the gateway sets the real ones. */
function placeholderUrl(name: string): string {
  return `http://${name}.subgraph.invalid/graphql`;
}

/** The SDL of each subgraph, as committed in `schema/`. */
export function readSubgraphSources(): Record<string, string> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8'),
    ]),
  );
}

/** Composes the subgraphs; throws with composition's own messages. */
export function composeSupergraph(
  sources: Record<string, string> = readSubgraphSources(),
): string {
  const services = Object.entries(sources).map(([name, sdl]) => ({
    name,
    url: placeholderUrl(name),
    typeDefs: parse(sdl),
  }));
  const result = composeServices(services);
  if (result.errors) {
    const messages = result.errors.map((error) => `- ${error.message}`);
    throw new Error(`Composition failed:\n${messages.join('\n')}`);
  }
  return result.supergraphSdl;
}

function main(): void {
  const check = process.argv.includes('--check');
  let supergraph: string;
  try {
    supergraph = composeSupergraph();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  if (check) {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
    if (committed !== supergraph) {
      process.stderr.write(
        'schema/supergraph.graphql is stale: run `npm run compose`.\n',
      );
      process.exit(1);
    }
    return;
  }
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  process.stdout.write(`Wrote ${SUPERGRAPH_PATH}\n`);
}

if (require.main === module) main();
