/// <reference lib="dom" />
/**
 * The explorer's script (gateway/console/static/explorer.html): GraphiQL
 * from the vendor bundles the gateway serves itself, with a fetcher
 * that sends the token of the page's field as the Authorization header.
 * The token stays in this page's memory: not stored, not in the URL.
 */

/** What the UMD bundles put on the window, as far as this page uses. */
interface ExplorerGlobals {
  readonly React: { createElement(type: unknown, props: object): unknown };
  readonly ReactDOM: {
    createRoot(container: Element): { render(node: unknown): void };
  };
  readonly GraphiQL: unknown;
}

function globalsOf(scope: Window): ExplorerGlobals {
  const found = scope as unknown as Partial<ExplorerGlobals>;
  if (!found.React || !found.ReactDOM || !found.GraphiQL) {
    throw new Error('The explorer\'s vendor scripts did not load');
  }
  return found as ExplorerGlobals;
}

/**
 * A fetcher sending `token`. A new one for each token: GraphiQL asks
 * for the schema again when its fetcher changes.
 */
const fetcherOf = (token: string) => async (params: unknown):
  Promise<unknown> => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (token !== '') headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', {
    method: 'POST', headers, body: JSON.stringify(params),
  });
  return response.json();
};

function start(): void {
  const { React, ReactDOM, GraphiQL } = globalsOf(window);
  const form = document.getElementById('explorer-token');
  const input = document.getElementById('token') as HTMLInputElement | null;
  const status = document.getElementById('token-status');
  const container = document.getElementById('graphiql');
  if (container === null) throw new Error('The page has no #graphiql');
  const root = ReactDOM.createRoot(container);
  const render = (token: string) => root.render(React.createElement(
    GraphiQL, {
      fetcher: fetcherOf(token),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true,
    }));
  form?.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const token = (input?.value ?? '').trim().replace(/^Bearer\s+/i, '');
    render(token);
    if (input) input.value = '';
    if (status) {
      status.textContent = token === ''
        ? 'No token: requests go without one.'
        : 'Token set for this page; it is sent as the Authorization header.';
    }
  });
  render('');
}

start();
