/// <reference lib="dom" />
/**
 * The console's entry point (gateway/console/static/index.html): the
 * sign-in form, and the page the address's hash names: `#board` (the
 * live alert board), `#work-list` or `#statistics`. The token stays in
 * this tab (session.ts); the hash holds no secret.
 */
import { startBoard } from './board';
import { h, replaceChildren } from './dom';
import {
  callerOf,
  describeCaller,
  storedToken,
  storeToken,
} from './session';
import { showStatistics } from './statistics';
import { showWorkList } from './work-list';

const PAGES = {
  board: 'Live alerts',
  'work-list': 'Work list',
  statistics: 'Statistics',
} as const;
type Page = keyof typeof PAGES;

function pageOf(hash: string): Page {
  const name = hash.replace(/^#/, '');
  return Object.hasOwn(PAGES, name) ? (name as Page) : 'board';
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}`);
  return found;
}

/** Private: what is shown, and how to stop it when leaving. */
let stopCurrent: () => void = () => {};

function showSignedIn(): void {
  const token = storedToken();
  const caller = token ? callerOf(token) : null;
  element('caller').textContent = token === null
    ? 'Not signed in.'
    : caller
      ? `Signed in as ${describeCaller(caller)}.`
      : 'Signed in with a token whose role cannot be read.';
}

function showPage(): void {
  stopCurrent();
  stopCurrent = () => {};
  const page = pageOf(window.location.hash);
  const root = element('page');
  for (const link of document.querySelectorAll('nav a')) {
    const current = link.getAttribute('href') === `#${page}`;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${PAGES[page]} · Stalking alarm console`;
  const token = storedToken();
  if (token === null) {
    replaceChildren(root, h('h2', {}, PAGES[page]),
      h('p', { class: 'empty' }, 'Paste a token above to sign in.'));
    return;
  }
  switch (page) {
    case 'board':
      stopCurrent = startBoard(root, token, callerOf(token));
      break;
    case 'work-list':
      void showWorkList(root, token);
      break;
    case 'statistics':
      showStatistics(root, token);
      break;
    default: {
      const impossible: never = page;
      throw new Error(`Unknown page ${String(impossible)}`);
    }
  }
}

function wireSignIn(): void {
  const form = element('sign-in') as HTMLFormElement;
  const input = element('token') as HTMLInputElement;
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    storeToken(input.value);
    input.value = '';
    showSignedIn();
    showPage();
  });
  element('sign-out').addEventListener('click', () => {
    storeToken('');
    showSignedIn();
    showPage();
  });
}

wireSignIn();
showSignedIn();
showPage();
window.addEventListener('hashchange', showPage);
