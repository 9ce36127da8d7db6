/**
 * What the console's browser tests share: headless Chromium driven by
 * playwright-core, one browser for a test file and a page per board,
 * signed in as a user would (the token pasted in the form), and the
 * screenshots each test leaves in test-output/screenshots/.
 *
 * The browser is Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH
 * names another); .ci/run installs it when missing. Without it the tests
 * fail with that said, rather than pass unseen.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readTestConfig } from '../support/config';

/** Where the browser is looked for (test/support/config.ts). */
export const CHROMIUM_PATH = readTestConfig().CHROMIUM_PATH;

/** Where screenshots go: CI keeps test-output/. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output',
  'screenshots');

/**
 * The flags this closed network needs: without the background
 * connections off, Chromium's own requests are refused and it stalls.
 */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Starts Chromium, or throws saying how to get it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: the console's browser tests need it. Install Debian's package (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** Problems a page reported: script errors and refused loads (CSP). */
export interface PageProblems {
  readonly errors: string[];
}

/**
 * A new page whose clock starts at `now` and runs on, so that the
 * elapsed times it shows follow the stack's test clock; its script
 * errors and console errors are gathered.
 */
export async function newPage(
  browser: Browser,
  now: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
  });
  await page.clock.install({ time: new Date(now) });
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  return { page, problems };
}

/** Opens a page of the console and signs in with `token`. */
export async function openConsole(
  page: Page,
  gatewayUrl: string,
  hash: string,
  token: string,
): Promise<void> {
  await page.goto(new URL(`/console#${hash}`, gatewayUrl).toString());
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
