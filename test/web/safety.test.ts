
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAls } from '../helpers/als-builder';
import { dropFile, expectedMarkers, expectTimes, fixtureBytes, openPage, previewOf, tableRows, waitForServer, waitForTable, startPageServer, type PageServer, usePageRig } from './page-kit';

const XSS = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(2)</script>';
const TOKEN = 'page-test-token-7f3a';

let privateServer: PageServer;

const rig = usePageRig();

beforeAll(async () => {
  privateServer = await startPageServer({ API_TOKEN: TOKEN });
}, 300_000);

afterAll(async () => {
  await privateServer?.stop();
});

describe('marker names are user data', () => {
  it('shows a locator named like HTML as that text: no element, no script, no dialog', async () => {
    const set = buildAls({ live: 11, tempo: 120, locators: [{ time: 0, name: 'Intro' }, { time: 8, name: XSS }, { time: 16, name: SCRIPT }] });
    const { page, errors, dialogs, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'hostile.als', set);
    await waitForTable(page);
    const rows = await tableRows(page);
    expect(rows.map((r) => r.shownName)).toEqual(['Intro', XSS, SCRIPT]);
    expect(rows.map((r) => r.time)).toEqual(['0:00', '0:04', '0:08']);
    const titles = await page.$$eval('#timeline .tick title', (ts) => ts.map((t) => t.textContent));
    expect(titles[1]).toContain(XSS);
    expect(await page.$$eval('#start option', (os) => os.map((o) => o.textContent))).toContain(`Marker 2: ${XSS} (0:04)`);
    expect(await previewOf(page, 'text', XSS)).toContain(`00:04 ${XSS}`);
    // nothing was parsed as markup anywhere
    expect(await page.$$eval('img, script:not([src])', (els) => els.length)).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a private server (API_TOKEN set)', () => {
  it('asks for the token on 401, says when it is wrong, then sends it as a bearer token', async () => {
    const { page, close } = await openPage(rig.browser, privateServer.url);
    const auth: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/jobs')) auth.push(r.headers()['authorization'] ?? '');
    });
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.fill('#token', 'wrong-token');
    await page.keyboard.press('Enter');
    await page.locator('#token-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#token-error')).toMatch(/not accepted/);
    await page.fill('#token', TOKEN);
    await page.click('#token-form button[type=submit]');
    await waitForTable(page);
    await waitForServer(page);
    expectTimes(await tableRows(page), expectedMarkers('ableton/automation.als'));
    expect(auth[0]).toBe('');
    expect(auth).toContain('Bearer wrong-token');
    expect(auth.at(-1)).toBe(`Bearer ${TOKEN}`);
    await close();
  });

  it('shows a sentence when the person cancels the token prompt', async () => {
    const { page, close } = await openPage(rig.browser, privateServer.url);
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.click('#token-cancel');
    await page.locator('#failure').waitFor({ state: 'visible' });
    expect(await page.textContent('#failure-message')).toBe('This server needs an API token to convert files.');
    await close();
  });
});
