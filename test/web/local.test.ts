// The converter in the page, in real Chromium: lib runs in a Web Worker, so the tracklist shows
// before the upload ends, re-timing makes no request, "keep my project on this computer" uploads
// nothing, the preview agrees with the server's result, and /?job=ID opens the stored project
// (links that cannot open: links.test.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { convert, exportFormats, listFormats } from '../../lib/index';
import { OPTION_SPECS } from '../../lib/option-table';
import { buildAls } from '../helpers/als-builder';
import { dropFile, expectedMarkers, expectTimes, fixtureBytes, openPage, previewOf, tableRows, waitForServer, waitForTable, usePageRig } from './page-kit';

const rig = usePageRig();

/**
 * Every request the page and its worker make from now on, with its body. Requests are routed
 * (and let through) so that Chromium hands over every body, a multipart upload's file included:
 * without interception it leaves out bodies made of a File.
 */
async function recordRequests(page: Page): Promise<Array<{ method: string; path: string; body: Buffer | null }>> {
  const seen: Array<{ method: string; path: string; body: Buffer | null }> = [];
  await page.context().route('**/*', async (route) => {
    const r = route.request();
    seen.push({ method: r.method(), path: new URL(r.url()).pathname, body: r.postDataBuffer() });
    await route.continue();
  });
  return seen;
}

/** True when `body` holds `needle` (the file's bytes, or a run of them). */
const holds = (body: Buffer | null, needle: Buffer): boolean => body?.includes(needle) === true;

/** The page's origin mark of the shown tracklist. */
const origin = (page: Page): Promise<string | undefined> => page.evaluate(() => document.getElementById('result')?.dataset.origin);

describe('the tracklist before the upload has finished', () => {
  it('shows the preview while the upload is held back 5 s, then the server confirms it', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    let released = 0;
    await page.route('**/v1/uploads', async (route) => {
      await new Promise((r) => setTimeout(r, 5000));
      released = Date.now();
      await route.continue();
    });
    await dropFile(page, 'automation-intense.als', fixtureBytes('ableton/automation-intense.als'));
    await waitForTable(page);
    const shown = Date.now();
    expect(released).toBe(0);
    expect(await origin(page)).toBe('preview');
    expect(await page.textContent('#origin')).toMatch(/preview/i);
    expectTimes(await tableRows(page), expectedMarkers('ableton/automation-intense.als'));
    expect(await page.isVisible('#status')).toBe(true);
    expect(await waitForServer(page)).toBe('server');
    expect(shown).toBeLessThan(released);
    expect(await page.isVisible('#notice')).toBe(false);
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f]{32}$/);
    expect(errors).toEqual([]);
    await close();
  });

  it('agrees with the server\'s result on every fixture (names, times within 1 ms, DAW, timing model)', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    for (const fixture of ['ableton/automation.als', 'ableton/automation-intense.als', 'ableton/example-120.als', 'ableton/live8-markers-auto.als',
      'ableton/live9-automation.als', 'ableton/L12-automation.als', 'flstudio/fl-test.flp', 'flstudio/fl-markers.flp', 'flstudio/complex.flp']) {
      await page.goto(rig.server.url);
      await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
      await dropFile(page, fixture.split('/')[1]!, fixtureBytes(fixture));
      await waitForTable(page);
      expect(await waitForServer(page), fixture).toBe('server');
      expect(await page.isVisible('#notice'), fixture).toBe(false);
      expectTimes(await tableRows(page), (await convert(fixtureBytes(fixture))).markers);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the server\'s result and says so when the two differ', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    // the server's answers, changed on the way: one entry renamed in its result and its stored project
    await page.route(/\/v1\/jobs\/[0-9a-f]{32}(\/project)?$/, async (route) => {
      const res = await route.fetch();
      const text = (await res.text()).replaceAll('"name":"B"', '"name":"B (server)"');
      await route.fulfill({ response: res, body: text });
    });
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await waitForTable(page);
    expect(await waitForServer(page)).toBe('adopted');
    await page.locator('#notice').waitFor({ state: 'visible' });
    expect(await page.textContent('#notice')).toMatch(/^The server's result differs from this browser's preview \(1 name differs\), so the server's is shown\./);
    expect((await tableRows(page)).map((r) => r.name)).toContain('B (server)');
    expect(await previewOf(page, 'text', 'B (server)')).toContain('B (server)');
    await close();
  });
});

describe('re-timing and exporting in the page', () => {
  it('changes start point, timing, source, precision and format with no request', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'example-120.als', fixtureBytes('ableton/example-120.als'));
    await waitForTable(page);
    await waitForServer(page);
    const requests = await recordRequests(page);
    await page.selectOption('#start', { index: 3 });
    await page.waitForFunction(() => (document.querySelector('#markers tbody tr') as HTMLElement | null)?.dataset.seconds === '0' && document.getElementById('summary')?.textContent?.includes('#'));
    await page.selectOption('#timing', 'continuous');
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('Continuous'));
    await page.selectOption('#source', 'clips');
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('Arrangement clips'));
    await page.selectOption('#source', 'auto');
    await page.selectOption('#precision', 'ms');
    await page.selectOption('#format', 'cue');
    await previewOf(page, 'cue', 'TRACK 01 AUDIO');
    await page.selectOption('#format', 'csv');
    await previewOf(page, 'csv', 'index,');
    expect(requests).toEqual([]);
    await close();
  });

  it('builds its menus from lib: the option table\'s values and labels, the export registry, the reader list', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const controlId = (name: string) => page.$eval(`[name="${name}"]`, (c) => c.id);
    const options = (id: string) => page.$$eval(`#${id} option`, (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent })));
    for (const spec of OPTION_SPECS) {
      if (spec.type !== 'choice') continue;
      const labels = spec.labels as Record<string, string>;
      const expected = spec.values.map((v) => ({ value: v, label: labels[v] }));
      expect(await options(await controlId(spec.name)), spec.name).toEqual('default' in spec ? expected : [{ value: '', label: 'Default' }, ...expected]);
    }
    // every other option has a control too (text and flags: labelled by their description where the page does not place them)
    for (const spec of OPTION_SPECS.filter((s) => s.type === 'flag' || s.type === 'text')) expect(await page.$$(`[name="${spec.name}"]`), spec.name).toHaveLength(1);
    expect(await options('format')).toEqual(exportFormats.map((f) => ({ value: f.id, label: f.label })));
    expect(await page.getAttribute('#file', 'accept')).toBe(listFormats().flatMap((f) => f.extensions).join(','));
    for (const kind of listFormats()) expect(await page.textContent('#intro')).toContain(kind.label);
    await close();
  });

  it('offers only the start points the set has', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const starts = () => page.$$eval('#start option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    await dropFile(page, 'fl-test.flp', fixtureBytes('flstudio/fl-test.flp'));
    await waitForTable(page);
    expect((await starts()).filter((v) => !v.startsWith('#'))).toEqual(['zero']);
    expect((await starts()).length).toBe(1 + expectedMarkers('flstudio/fl-test.flp').length);
    await page.click('#again');
    await dropFile(page, 'fl-markers.flp', fixtureBytes('flstudio/fl-markers.flp'));
    await page.waitForFunction(() => [...document.querySelectorAll('#start option')].some((o) => (o as HTMLOptionElement).value === 'song-start'));
    expect((await starts()).filter((v) => !v.startsWith('#'))).toEqual(['zero', 'song-start']);
    await page.selectOption('#start', 'song-start');
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('song start'));
    expect(await page.isVisible('#options-error')).toBe(false);
    await close();
  });

  it('shows times as lib formats them: -4.5 s is -0:05, as in the exports', async () => {
    // 120 BPM: a locator at beat 9 is 4.5 s after the one at 0; measured from it, the first is at -4.5 s
    const set = buildAls({ live: 11, tempo: 120, locators: [{ time: 0, name: 'Before' }, { time: 9, name: 'Start' }, { time: 7209, name: 'Late' }] });
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'negative.als', set);
    await waitForTable(page);
    await page.click('#more-time summary');
    await page.selectOption('[name="beforeStart"]', 'negative');
    await page.selectOption('#start', '#2');
    await page.waitForFunction(() => document.querySelectorAll('#markers tbody tr td.time')[0]?.textContent?.startsWith('-'));
    const rows = await tableRows(page);
    expect(rows.map((r) => r.time)).toEqual(['-0:00:05', '0:00:00', '1:00:00']);
    expect(rows[0]!.seconds).toBeCloseTo(-4.5, 9);
    expect(await previewOf(page, 'text', 'Late')).toContain('1:00:00 Late');
    await close();
  });

  it('draws a curved tempo segment as a curve, from lib\'s tempo map', async () => {
    // 120 → 60 BPM over beats 32–64 with Bezier handles pulling the curve low early
    const set = buildAls({
      live: 11, tempo: 120,
      tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 32, bpm: 120, curve: [0.1, 0.9, 0.2, 1] }, { beat: 64, bpm: 60 }],
      locators: [{ time: 0, name: 'A' }, { time: 32, name: 'B' }, { time: 64, name: 'C' }, { time: 96, name: 'D' }],
    });
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'curve.als', set);
    await waitForTable(page);
    const points = await page.evaluate(() => [...(document.querySelector('#timeline .tempo-line')?.getAttribute('d') ?? '').matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    const ticks = await page.$$eval('#timeline .tick-line', (ls) => ls.map((l) => Number(l.getAttribute('x1'))));
    // between the ticks of B and C: many vertices, and not on the straight line from B's height to C's
    const inside = points.filter(([x]) => x! > ticks[1]! + 1 && x! < ticks[2]! - 1);
    expect(inside.length).toBeGreaterThan(20);
    const [first, last] = [points.find(([x]) => x! >= ticks[1]!)!, points.findLast(([x]) => x! <= ticks[2]!)!];
    const straight = (x: number): number => first[1]! + ((last[1]! - first[1]!) * (x - first[0]!)) / (last[0]! - first[0]!);
    expect(Math.max(...inside.map(([x, y]) => Math.abs(y! - straight(x!))))).toBeGreaterThan(5);
    expect(await page.$$eval('#warning-list li', (lis) => lis.map((li) => li.getAttribute('data-code')))).toContain('curved-tempo');
    await close();
  });
});

describe('"Keep my project on this computer"', () => {
  it('converts and exports with no request that carries the file, and is remembered on the next visit', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    const bytes = fixtureBytes('ableton/example-120.als');
    await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
    const requests = await recordRequests(page);
    await dropFile(page, 'example-120.als', bytes);
    await waitForTable(page);
    expect(await origin(page)).toBe('local');
    expect(await page.textContent('#origin')).toMatch(/nothing was uploaded/);
    await page.selectOption('#start', { index: 3 });
    await page.selectOption('#format', 'youtube');
    await previewOf(page, 'youtube', 'sd');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('example-120.youtube.txt');
    await page.waitForTimeout(1000);
    // nothing carried the file (whole, or its first or last 64 bytes); no job was made
    const pieces = [bytes, bytes.subarray(0, 64), bytes.subarray(bytes.length - 64)];
    expect(requests.filter((r) => pieces.some((p) => holds(r.body, p)))).toEqual([]);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(requests.map((r) => r.path).filter((p) => p.startsWith('/v1/'))).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.isVisible('#share')).toBe(false);

    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
    expect(await page.isChecked('#keep-local')).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('off, the same file is uploaded (the check above would see it)', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const bytes = fixtureBytes('ableton/example-120.als');
    expect(await page.isChecked('#keep-local')).toBe(false);
    const requests = await recordRequests(page);
    await dropFile(page, 'example-120.als', bytes);
    await waitForServer(page);
    expect(requests.filter((r) => holds(r.body, bytes)).map((r) => r.method)).toEqual(['POST']);
    await close();
  });
});

describe('the link /?job=ID', () => {
  it('opens the same tracklist, timeline and exports from the stored project, with no file', async () => {
    const first = await openPage(rig.browser, rig.server.url);
    await dropFile(first.page, 'automation-intense.als', fixtureBytes('ableton/automation-intense.als'));
    await waitForServer(first.page);
    const link = first.page.url();
    expect(await first.page.getAttribute('#share-link', 'href')).toBe(link);
    const rows = await tableRows(first.page);
    const ticks = await first.page.$$eval('#timeline .tick title', (ts) => ts.map((t) => t.textContent));
    const text = await previewOf(first.page, 'text', rows[1]!.name);
    await first.close();

    // another visit (a fresh browser context: no file, nothing in memory), then a reload
    const second = await openPage(rig.browser, link);
    const requests = await recordRequests(second.page);
    for (let visit = 0; visit < 2; visit++) {
      if (visit) await second.page.reload();
      await waitForTable(second.page);
      expect(await origin(second.page)).toBe('link');
      expect(await tableRows(second.page)).toEqual(rows);
      expect(await second.page.$$eval('#timeline .tick title', (ts) => ts.map((t) => t.textContent))).toEqual(ticks);
      expect(await previewOf(second.page, 'text', rows[1]!.name)).toBe(text);
      expect(await second.page.textContent('#summary')).toContain('automation-intense.als');
    }
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await second.page.selectOption('#format', 'cue');
    await previewOf(second.page, 'cue', 'TRACK 01');
    expect(second.errors).toEqual([]);
    await second.close();
  });
});
