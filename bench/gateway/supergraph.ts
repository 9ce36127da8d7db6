/**
 * The supergraph with the subgraphs' real endpoints. The composed file
 * (schema/supergraph.graphql) holds placeholder URLs; this gateway takes
 * the real ones beside it (`subgraphUrls`), but the plain Apollo Gateway
 * and Hive Gateway read them from the SDL, so theirs gets them put in.
 */

/** `@join__graph(name: "…", url: "…")`, whatever the spacing. */
const JOIN_GRAPH =
  /@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g;

/**
 * The SDL with each `@join__graph` URL replaced by the one of its name.
 * Throws when a graph of the SDL has no URL, or a URL names no graph:
 * a half-rewritten supergraph would send a fetch to a placeholder host.
 */
export function withSubgraphUrls(
  sdl: string,
  urls: Readonly<Record<string, string>>,
): string {
  const seen = new Set<string>();
  const rewritten = sdl.replace(JOIN_GRAPH, (_match, name: string) => {
    const url = urls[name];
    if (url === undefined) {
      throw new Error(`No URL is given for the subgraph "${name}"`);
    }
    seen.add(name);
    return `@join__graph(name: ${JSON.stringify(name)}, url: ${JSON.stringify(url)})`;
  });
  const unknown = Object.keys(urls).filter((name) => !seen.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `The supergraph has no subgraph named ${unknown.join(', ')}`);
  }
  return rewritten;
}
