/**
 * The console (/console) in headless Chromium against the whole demo
 * graph: the live alert board of the managing zone gets an alert raised
 * through the API and another zone's board does not; a board opened
 * later shows the alerts still in progress, and says so when it cannot
 * read them; a zone's work list marks its overdue revisit; the
 * statistics page draws its charts with the suppressed counts marked.
 */
import type { Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import { sqliteDatabase } from '../support/databases';
import { waitFor } from '../support/wait';
import {
  DEMO_MANAGING_ZONE,
  GENT,
  TODAY,
  at,
  inIxelles,
  send,
} from '../alerts/support';
import {
  grantedMeasure,
  pv,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  launchBrowser,
  newPage,
  openConsole,
  screenshot,
  type PageProblems,
} from './browser';

/** The instant the stack's clock and the pages' clocks start at. */
const NOW = at(TODAY, '09:00:00');
const OTHER_ZONE = GENT.zone;

describe('the console in a browser', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let browser: Browser;
  const opened: Page[] = [];
  const problems: PageProblems[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
    if (graph === undefined) return;
    // The next test counts its boards from the gateway's count.
    await waitFor('the gateway to let the boards go',
      () => graph.stack.gateway.alertStream.live === 0);
  });

  afterAll(async () => {
    await browser?.close();
    await graph?.stack.cleanUp();
    await database.drop();
  });

  /** What a test does to a page before it signs in; default nothing. */
  type Prepare = (page: Page) => Promise<void>;

  async function open(hash: string, token: string, now = NOW,
    prepare?: Prepare): Promise<Page> {
    const { page, problems: seen } = await newPage(browser, now);
    opened.push(page);
    problems.push(seen);
    await prepare?.(page);
    await openConsole(page, graph.stack.gatewayUrl, hash, token);
    return page;
  }

  /** Opens a board and waits until the gateway counts it live. */
  async function openBoard(zone: string, now = NOW, prepare?: Prepare):
    Promise<Page> {
    const before = graph.stack.gateway.alertStream.live;
    const token = await graph.stack.token({ role: 'police', zone });
    const page = await open('board', token, now, prepare);
    await waitFor(`the board of zone ${zone} live`,
      () => graph.stack.gateway.alertStream.live > before);
    await page.locator('#connection[data-state="live"]').waitFor();
    return page;
  }

  it('shows an alert on the managing zone\'s board, with its briefing, '
    + 'and not on another zone\'s', async () => {
    const gent = await grantedMeasure(graph, GENT, TODAY);
    const managing = await openBoard(DEMO_MANAGING_ZONE);
    const other = await openBoard(OTHER_ZONE);
    const app112 = graph.caller({ role: 'app112' });

    await send(app112, 'raiseAlertFromDevice', {
      serial: DEMO.serials.buttonOfActiveWithEverything,
      alertId: 'console-alert',
      raisedAt: at(TODAY, '08:58:30'),
      location: inIxelles(at(TODAY, '08:58:20')),
    });
    const card = managing.locator('[data-alert-id="console-alert"]');
    await card.waitFor();
    await send(app112, 'recordAlertLocation', {
      measureId: DEMO.measureIds.activeWithEverything,
      alertId: 'console-alert',
      location: { ...inIxelles(at(TODAY, '08:59:10')), latitude: 50.8305 },
    });
    await card.locator('.updates li').nth(1).waitFor();

    const text = await card.innerText();
    expect(text).toContain('Managing zone');
    expect(text).toContain(DEMO_MANAGING_ZONE);
    expect(text).toMatch(/No-contact order\s+in force until \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Weapons\s+\S+/);
    expect(text).not.toMatch(/Weapons\s+none known/);
    expect(text).toContain('zone 5339');
    expect(text).toMatch(/\d+:\d{2} since the press/);
    await expect(card.getByLabel('PV reference').count()).resolves.toBe(1);

    // The marker: the other zone's own alert, later in the log, reaches
    // its board, so the first one was passed over, not merely late.
    await send(app112, 'recordAlert', {
      measureId: gent, alertId: 'console-marker', raisedAt: NOW,
    });
    await other.locator('[data-alert-id="console-marker"]').waitFor();
    await expect(other.locator('[data-alert-id="console-alert"]').count())
      .resolves.toBe(0);
    await expect(managing.locator('[data-alert-id="console-marker"]')
      .count()).resolves.toBe(0);

    await screenshot(managing, 'board');
    await screenshot(other, 'board-other-zone');
  }, 60_000);

  it('shows when the connection drops and when it resumes, and the alert '
    + 'raised meanwhile comes after', async () => {
    const sockets: Socket[] = [];
    let refusing = false;
    const { httpServer } = graph.stack.gateway;
    // After the gateway's own upgrade handler: a socket refused here is
    // cut before its handshake is answered.
    const watch = (_request: unknown, socket: Socket) => {
      sockets.push(socket);
      if (refusing) socket.destroy();
    };
    httpServer.on('upgrade', watch);
    try {
      const board = await openBoard(DEMO_MANAGING_ZONE);
      const banner = board.locator('#connection');
      refusing = true;
      for (const socket of sockets) socket.destroy();
      await board.locator('#connection[data-state="lost"]').waitFor();
      expect(await banner.innerText()).toMatch(/^Connection lost \(/);

      await send(graph.caller({ role: 'app112' }), 'recordAlert', {
        measureId: DEMO.measureIds.activeWithEverything,
        alertId: 'console-missed', raisedAt: at(TODAY, '08:59:00'),
      });
      refusing = false;
      await board.locator('[data-alert-id="console-missed"]').waitFor();
      expect(await banner.innerText()).toMatch(/^Connection resumed/);
      expect(await board.locator('[data-alert-id="console-missed"] '
        + '.events li').count()).toBe(1);
    } finally {
      httpServer.off('upgrade', watch);
    }
  }, 60_000);

  it('opens with the alerts still in progress, each with its briefing '
    + 'and once, and leaves out an alert already closed', async () => {
    const app112 = graph.caller({ role: 'app112' });
    const measureId = DEMO.measureIds.activeWithEverything;
    await send(app112, 'raiseAlertFromDevice', {
      serial: DEMO.serials.buttonOfActiveWithEverything,
      alertId: 'console-before',
      raisedAt: at(TODAY, '08:57:00'),
      location: inIxelles(at(TODAY, '08:56:50')),
    });
    await send(app112, 'recordAlert', {
      measureId, alertId: 'console-closed', raisedAt: at(TODAY, '08:57:10'),
    });
    await send(app112, 'closeAlertCall', {
      measureId, alertId: 'console-closed', endedAt: at(TODAY, '08:58:00'),
    });

    // Opened after both: the one in progress is there before any event
    // comes live, with its briefing; the closed one is not.
    const board = await openBoard(DEMO_MANAGING_ZONE);
    const card = board.locator('[data-alert-id="console-before"]');
    await expect(card.count()).resolves.toBe(1);
    const text = await card.innerText();
    expect(text).toMatch(/No-contact order\s+in force until \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Managing zone\s+5347/);
    expect(text).toContain('zone 5339');
    await expect(board.locator('[data-alert-id="console-closed"]').count())
      .resolves.toBe(0);
    expect(await board.locator('#opening').innerText())
      .toMatch(/^\d+ alerts? (was|were) in progress when this board opened/);

    // A later event of the same alert, live: the same card, each event
    // once, and the new fix added to the one read.
    await send(app112, 'recordAlertLocation', {
      measureId, alertId: 'console-before',
      location: { ...inIxelles(at(TODAY, '08:59:20')), latitude: 50.8311 },
    });
    await card.locator('.updates li').nth(1).waitFor();
    const eventsOf = async (page: Page) => page.locator(
      '[data-alert-id="console-before"] .events li').allTextContents();
    const expected = [
      expect.stringMatching(/^#\d+ RAISED at /),
      expect.stringMatching(/^#\d+ LOCATION_UPDATED at /),
    ];
    expect(await eventsOf(board)).toEqual(expected);
    await expect(card.count()).resolves.toBe(1);

    // A reload keeps the token in the tab, and the board opens again
    // with the alert as it stands.
    await board.reload();
    await board.locator('#connection[data-state="live"]').waitFor();
    // The log of events received is folded away: there, not visible.
    await board.locator('[data-alert-id="console-before"] .events li')
      .nth(1).waitFor({ state: 'attached' });
    expect(await eventsOf(board)).toEqual(expected);
    await expect(board.locator('[data-alert-id="console-before"]').count())
      .resolves.toBe(1);
    await expect(board.locator('[data-alert-id="console-closed"]').count())
      .resolves.toBe(0);
    await screenshot(board, 'board-opened');
  }, 60_000);

  it('says plainly when it cannot read the alerts in progress, and still '
    + 'goes live', async () => {
    // The browser's own network fails that one request: the gateway
    // never sees it; the socket is not routed.
    const failRead: Prepare = async (page) => {
      await page.route('**/graphql', (route) =>
        route.request().postData()?.includes('RecentAlertEvents')
          ? route.abort('internetdisconnected') : route.continue());
    };
    const board = await openBoard(DEMO_MANAGING_ZONE, NOW, failRead);
    const note = board.locator('#opening[role="alert"]');
    await note.waitFor();
    const said = await note.innerText();
    expect(said).toMatch(/^The alerts already in progress could not be read: /);
    expect(said).toContain('The gateway cannot be reached');
    await expect(board.locator('.alert-card').count()).resolves.toBe(0);

    await send(graph.caller({ role: 'app112' }), 'recordAlert', {
      measureId: DEMO.measureIds.activeWithEverything,
      alertId: 'console-after-failure', raisedAt: at(TODAY, '08:59:30'),
    });
    await board.locator('[data-alert-id="console-after-failure"]').waitFor();
  }, 60_000);

  it('classifies an alert and records the arrival from the managing '
    + 'zone\'s board, and says plainly when another zone may not',
  async () => {
    // The pages' clocks run a little behind the stack's, which does not
    // move: the instants the board sends are never in its future.
    const behind = at(TODAY, '08:59:40');
    const managing = await openBoard(DEMO_MANAGING_ZONE, behind);
    const intervention = await openBoard('5339', behind);
    await send(graph.caller({ role: 'app112' }), 'raiseAlertFromDevice', {
      serial: DEMO.serials.buttonOfActiveWithEverything,
      alertId: 'console-act',
      raisedAt: at(TODAY, '08:58:30'),
      location: inIxelles(at(TODAY, '08:58:20')),
    });
    const card = managing.locator('[data-alert-id="console-act"]');
    const theirs = intervention.locator('[data-alert-id="console-act"]');
    await card.waitFor();
    await theirs.waitFor();

    // §7.11.2: the zone where the person is gets the alert, but only the
    // managing zone or the CIC classifies it.
    await theirs.getByLabel('PV reference').fill(pv('5339', TODAY));
    await theirs.getByRole('button', { name: 'Classify' }).click();
    const refusal = theirs.locator('.action-status.error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^Not allowed for this token: /);

    await card.getByLabel('Class').selectOption('REAL');
    await card.getByLabel('PV reference').fill(pv(DEMO_MANAGING_ZONE, TODAY));
    await card.getByRole('button', { name: 'Classify' }).click();
    await managing.locator('[data-alert-id="console-act"]'
      + '[data-classification="REAL"]').waitFor();
    await card.getByRole('button', { name: 'Police arrived now' }).click();
    await card.locator('.elapsed', { hasText: 'police on site after' })
      .waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/Class\s+REAL/);
    expect(text).not.toMatch(/Police on site\s+not yet/);
    expect(await card.locator('.events li').allTextContents()).toEqual([
      expect.stringMatching(/^#\d+ RAISED at /),
      expect.stringMatching(/^#\d+ CLASSIFIED at /),
      expect.stringMatching(/^#\d+ POLICE_ARRIVED at /),
    ]);
  }, 60_000);

  it('marks the overdue revisit on the managing zone\'s work list',
    async () => {
      const measureId = DEMO.measureIds.activeWithOverdueRevisit;
      const zone = generateDemoData().protection.measures
        .find((measure) => measure.id === measureId)?.managingZoneCode;
      if (zone === undefined) throw new Error(`No demo ${measureId}`);
      const token = await graph.stack.token({ role: 'police', zone });
      const page = await open('work-list', token);

      const item = page.locator('#work-revisits + p + ul '
        + `li[data-measure-id="${measureId}"]`);
      await item.waitFor();
      expect(await item.getAttribute('data-overdue')).toBe('true');
      expect(await item.innerText())
        .toMatch(/^Overdue since \d{4}-\d{2}-\d{2}/);
      await expect(page.getByRole('heading', { name: /^Revisits \(\d+\)$/ })
        .count()).resolves.toBe(1);
      await screenshot(page, 'work-list');
    }, 60_000);

  it('draws the statistics as SVG charts, a suppressed count marked '
    + 'rather than drawn as zero', async () => {
    const token = await graph.stack.token({ role: 'analyst' });
    const page = await open('statistics', token);

    for (const chart of ['trend', 'arrondissements', 'alert-classes']) {
      await page.locator(`svg[data-chart="${chart}"]`).waitFor();
    }
    const bars = page.locator('svg[data-chart] rect.bar');
    expect(await bars.count()).toBeGreaterThan(0);
    const suppressed = page.locator('svg[data-chart] [data-suppressed="true"]');
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(await suppressed.first().locator('text').textContent()).toBe('S');
    // Not a bar of height 0: a marker of its own, said so in its title.
    expect(await suppressed.first().locator('rect.bar').count()).toBe(0);
    expect(await suppressed.first().locator('title').textContent())
      .toContain('suppressed');
    expect(await page.locator('td.suppressed').count())
      .toBeGreaterThan(0);
    await expect(page.locator('.error').count()).resolves.toBe(0);
    await screenshot(page, 'statistics');
  }, 60_000);

  it('signs in from the keyboard alone, and says plainly when the token '
    + 'is refused', async () => {
    const { page, problems: seen } = await newPage(browser, NOW);
    opened.push(page);
    problems.push(seen);
    await page.goto(new URL('/console#work-list', graph.stack.gatewayUrl)
      .toString());
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id) === 'token') {
        break;
      }
    }
    await page.keyboard.type('not-a-token');
    await page.keyboard.press('Enter');
    const error = page.getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Not signed in: the token is /);
  }, 30_000);

  it('runs GraphiQL in the explorer from the gateway\'s own files, '
    + 'the pasted token sent as the Authorization header', async () => {
    const { page, problems: seen } = await newPage(browser, NOW);
    opened.push(page);
    problems.push(seen);
    const outside: string[] = [];
    const origin = new URL(graph.stack.gatewayUrl).origin;
    page.on('request', (sent) => {
      const url = sent.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) {
        outside.push(url);
      }
    });
    await page.goto(new URL('/explorer', graph.stack.gatewayUrl).toString());
    await page.locator('.graphiql-container').waitFor();

    const token = await graph.stack.token({ role: 'analyst' });
    // The schema is asked again with the token, and answered.
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/graphql')
      && response.request().headers().authorization === `Bearer ${token}`);
    await page.getByLabel('Bearer token').fill(token);
    await page.getByRole('button', { name: 'Use token' }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('"__schema"');
    expect(page.url()).not.toContain(token);
    expect(outside).toEqual([]);
    await screenshot(page, 'explorer');
  }, 30_000);

  it('ran every page without a script error or a refused load', () => {
    // The load a test failed on purpose is the only one to pass over.
    expect(problems.flatMap((seen) => seen.errors)
      .filter((message) => !/401|Unauthorized/.test(message))
      .filter((message) => !/ERR_INTERNET_DISCONNECTED/.test(message)))
      .toEqual([]);
  });
});
