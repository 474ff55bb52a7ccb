// How the page looks and is used in real Chromium: keyboard only, phone width, dark mode, weight.
import { mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAls } from '../helpers/als-builder';
import { dropFile, fixtureBytes, openPage, previewOf, waitForTable, usePageRig } from './page-kit';
import { REPO } from '../helpers/functions/server-process';

const OUT = join(REPO, 'test-output');
/** The page's JavaScript (lib's bundle included), gzipped; and its HTML, CSS and icon as they are. */
const JS_LIMIT = 150 * 1024;
const PAGE_LIMIT = 40 * 1024;

const rig = usePageRig();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
}, 300_000);

/** A DJ mix as a person would save it: ramps between songs, one tempo jump, "Artist - Title" locators. */
function realisticMix(): Uint8Array {
  const songs = ['Nala Vey - Morning Static', 'Kofi Arden - Low Tide', 'The Quiet Hours - Paper Moons (Extended Mix)',
    'Mira Solis - Glass Garden', 'Deltaform - 4AM Logic', 'Ines Varga - Northbound', 'Hollow Coast - Afterglow (Dub)',
    'Juno Reyes & Tam - Sunday Machines', 'Orbitals - Last Light', 'Sable - Home'];
  return buildAls({
    live: 11,
    tempo: 122,
    tempoEvents: [
      { beat: -63072000, bpm: 122 }, { beat: 0, bpm: 122 }, { beat: 256, bpm: 122 }, { beat: 320, bpm: 124 },
      { beat: 768, bpm: 124 }, { beat: 832, bpm: 126 }, { beat: 1344, bpm: 126 }, { beat: 1344, bpm: 132 },
      { beat: 1856, bpm: 132 }, { beat: 1984, bpm: 128 }, { beat: 2560, bpm: 128 }, { beat: 2688, bpm: 118 },
    ],
    locators: songs.map((name, i) => ({ time: i * 288, name })),
  });
}

/** True when the document is wider than the window (horizontal scrolling). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth);
}

describe('the page', () => {
  it('ships its JavaScript, lib included, under 150 KB gzipped, and its HTML and CSS under 40 KB', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const loaded = new Set<string>();
    page.context().on('request', (r) => void loaded.add(new URL(r.url()).pathname));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
    await dropFile(page, 'example-120.als', fixtureBytes('ableton/example-120.als'));
    await waitForTable(page);
    expect([...loaded]).toEqual(expect.arrayContaining(['/', '/boot.js', '/app.js', '/style.css', '/dawstamps.js', '/worker.js']));
    // every script the server ships for the page, as served, gzipped (what a browser downloads)
    const scripts = [...readdirSync(join(REPO, 'web')), ...readdirSync(join(REPO, 'dist/web'))].filter((f) => f.endsWith('.js'));
    let gzipped = 0;
    let raw = 0;
    for (const name of scripts) {
      const res = await fetch(`${rig.server.url}/${name}`);
      expect(res.status, name).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      raw += body.length;
      gzipped += gzipSync(body, { level: 9 }).length;
    }
    expect(gzipped).toBeLessThan(JS_LIMIT);
    let rest = 0;
    for (const path of ['/', '/style.css', '/favicon.svg']) rest += (await (await fetch(`${rig.server.url}${path}`)).arrayBuffer()).byteLength;
    expect(rest).toBeLessThan(PAGE_LIMIT);
    console.log(`page JavaScript: ${scripts.length} files, ${raw} bytes, ${gzipped} bytes gzipped; HTML, CSS and icon ${rest} bytes`);
    await close();
  });

  it('works with the keyboard alone: pick, read, change the format, copy', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('class') || '');
    let tabs = 0;
    while ((await focused()) !== 'file' && tabs++ < 5) await page.keyboard.press('Tab');
    expect(await focused()).toBe('file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'example-120.als', mimeType: 'application/octet-stream', buffer: fixtureBytes('ableton/example-120.als') });
    await waitForTable(page);
    expect(await focused()).toBe('result-title');
    const reached = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.add(await focused());
    }
    for (const id of ['again', 'tick', 'start', 'timing', 'precision', 'format', 'fix', 'preview', 'copy', 'download']) expect(reached).toContain(id);
    await page.focus('#format');
    await page.keyboard.press('ArrowDown');
    const youtube = await previewOf(page, 'youtube', '1:05:04 sd');
    await page.focus('#copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('action-status')?.textContent === 'Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(youtube);
    await close();
  });

  it('describes its controls only with text that is there (every aria-describedby names a filled element)', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'example-120.als', fixtureBytes('ableton/example-120.als'));
    await waitForTable(page);
    const described = await page.$$eval('[aria-describedby]', (els) => els.flatMap((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => ({
      control: el.id, id, text: document.getElementById(id)?.textContent?.trim() ?? null,
    }))));
    expect(described.map((d) => d.control)).toEqual(expect.arrayContaining(['file', 'keep-local', 'source', 'template']));
    for (const d of described) expect(d.text, `${d.control} → #${d.id}`).toMatch(/\S/);
    await close();
  });

  it('fits a phone-width screen without sideways scrolling, long names included', async () => {
    const longName = `${'Extraordinarily_Long_Unbroken_Artist_Name_'.repeat(4)} - Title`;
    const set = buildAls({ live: 11, locators: [{ time: 0, name: longName }, { time: 64, name: 'Short - One' }] });
    const { page, close } = await openPage(rig.browser, rig.server.url, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    expect(await scrollsSideways(page)).toBe(false);
    await dropFile(page, 'phone.als', set);
    await waitForTable(page);
    await previewOf(page, 'text', 'Short - One');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(OUT, 'page-result-phone.png'), fullPage: true });
    await close();
  });

  it('draws the result in light and dark mode (screenshots in test-output/)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await openPage(rig.browser, rig.server.url, { viewport: { width: 1000, height: 900 }, colorScheme });
      await dropFile(page, 'friday-mix.als', realisticMix());
      await waitForTable(page);
      await previewOf(page, 'text', 'Sable - Home');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      if (colorScheme === 'dark') expect(r + g + b).toBeLessThan(150);
      else expect(r + g + b).toBeGreaterThan(600);
      await page.screenshot({ path: join(OUT, colorScheme === 'light' ? 'page-result.png' : 'page-result-dark.png'), fullPage: true });
      expect(errors).toEqual([]);
      await close();
    }
  });
});
