import { readFileSync } from 'node:fs';
import { Kind, parse, visit } from 'graphql';
import { SUPERGRAPH_PATH } from '../../gateway/server';
import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';
import { withSubgraphUrls } from './supergraph';

const SDL = readFileSync(SUPERGRAPH_PATH, 'utf8');

function urlsAt(port: number): Record<string, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, index) =>
    [name, `http://127.0.0.1:${port + index}/graphql`]));
}

describe('withSubgraphUrls', () => {
  it('puts each subgraph’s URL in place of its placeholder', () => {
    const rewritten = withSubgraphUrls(SDL, urlsAt(5001));
    expect(rewritten).not.toContain('.subgraph.invalid');
    expect(rewritten).toContain(
      '@join__graph(name: "victim-support", url: "http://127.0.0.1:5005/graphql")');
    expect(rewritten).toContain(
      '@join__graph(name: "protection", url: "http://127.0.0.1:5001/graphql")');
  });

  it('keeps a document whose join__graph values name the new URLs', () => {
    const urls: Record<string, string> = {};
    visit(parse(withSubgraphUrls(SDL, urlsAt(6001))), {
      Directive(node) {
        if (node.name.value !== 'join__graph') return;
        const text = (name: string) => {
          const value = node.arguments
            ?.find((argument) => argument.name.value === name)?.value;
          return value?.kind === Kind.STRING ? value.value : undefined;
        };
        urls[text('name') ?? ''] = text('url') ?? '';
      },
    });
    expect(urls).toEqual(urlsAt(6001));
  });

  it('changes nothing but the URLs', () => {
    const rewritten = withSubgraphUrls(SDL, urlsAt(7001));
    const strip = (text: string) =>
      text.replace(/url: "[^"]*"/g, 'url: ""');
    expect(strip(rewritten)).toBe(strip(SDL));
  });

  it('refuses a subgraph without a URL', () => {
    const { audit: _, ...urls } = urlsAt(5001);
    expect(() => withSubgraphUrls(SDL, urls))
      .toThrow('No URL is given for the subgraph "audit"');
  });

  it('refuses a URL for a subgraph the supergraph lacks', () => {
    const urls = { ...urlsAt(5001), ledger: 'http://127.0.0.1:1/graphql' };
    expect(() => withSubgraphUrls(SDL, urls))
      .toThrow('The supergraph has no subgraph named ledger');
  });
});
