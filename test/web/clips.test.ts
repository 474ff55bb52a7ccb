// Tracklists from arrangement clips on the page, in real Chromium against `npm start`'s server.
// Sets without locators, one audio clip per song overlapping for the mixes; times worked out by hand.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../lib/index';
import { OPTION_SPECS } from '../../lib/option-table';
import { buildAls } from '../helpers/als-builder';
import { dropFile, expectTimes, openPage, previewOf, tableRows, waitForTable, usePageRig } from './page-kit';
import { REPO } from '../helpers/functions/server-process';

const OUT = join(REPO, 'test-output');
const ONE = 'Artist A - Song One';
const TWO = 'Artist B - Song Two';
const THREE = 'Artist C - Song Three (Club Mix)';
/** What the summary calls a tracklist from markers: the source menu's label (lib's option table). */
const MARKERS = (OPTION_SPECS.find((s) => s.name === 'source') as { labels: Record<string, string> }).labels.locators;

/** 120 BPM throughout (a beat is 0.5 s); a disabled clip and a muted track, both left out by default. */
const SET = buildAls({
  live: 11,
  tempo: 120,
  audioTracks: [
    { name: 'Deck A', clips: [
      { start: 0, end: 72, name: ONE, file: `${ONE}.wav` },
      { start: 128, end: 200, name: '', file: `${THREE}.mp3` },
    ] },
    { name: 'Deck B', clips: [
      { start: 64, end: 136, name: TWO, file: 'b.wav' },
      { start: 200, end: 260, name: 'Hidden Song', file: 'hidden.wav', disabled: true },
    ] },
    { name: 'Deck C', muted: true, clips: [{ start: 260, end: 300, name: 'Muted Song', file: 'muted.wav' }] },
  ],
});

const rig = usePageRig();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
}, 300_000);

/** Waits until the table's row names are these (after a change of source or clip option). */
async function rowsNamed(page: Page, names: string[]): Promise<void> {
  await page.waitForFunction(
    (names) => JSON.stringify([...document.querySelectorAll('#markers tbody tr')].map((tr) => (tr as HTMLElement).dataset.name)) === JSON.stringify(names),
    names,
    { timeout: 10_000 },
  );
}

/** Waits until row `index` is at `seconds`. */
async function rowAt(page: Page, index: number, seconds: number): Promise<void> {
  await page.waitForFunction(
    ({ index, seconds }) => Math.abs(Number((document.querySelectorAll('#markers tbody tr')[index] as HTMLElement | undefined)?.dataset.seconds) - seconds) < 0.001,
    { index, seconds },
    { timeout: 10_000 },
  );
}

describe('a set without locators', () => {
  it('lists its clips, moves entries to the middle of the crossfade, adds muted tracks, and switches source', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'clips.als', SET);
    await waitForTable(page);
    // beat 64 = 32 s, beat 128 = 64 s
    expectTimes(await tableRows(page), [{ name: ONE, seconds: 0 }, { name: TWO, seconds: 32 }, { name: THREE, seconds: 64 }]);
    expect((await tableRows(page)).map((r) => [r.time, r.bar])).toEqual([['0:00', '1.1.1'], ['0:32', '17.1.1'], ['1:04', '33.1.1']]);
    expect(await page.textContent('#summary')).toContain('Tracklist fromArrangement clips (one entry per song): 3 songs');
    expect(await page.inputValue('#source')).toBe('auto');
    expect(await page.isVisible('#clip-options')).toBe(true);
    expect(await page.$$eval('#warning-list li', (lis) => lis.map((li) => li.getAttribute('data-code')))).toContain('clips-left-out');

    // middle of the crossfade: Two at beats (64+72)/2 = 68 → 34 s; Three at (128+136)/2 = 132 → 66 s
    await page.getByLabel('Entry time').selectOption('crossfade-middle');
    await rowAt(page, 1, 34);
    expectTimes(await tableRows(page), [{ name: ONE, seconds: 0 }, { name: TWO, seconds: 34 }, { name: THREE, seconds: 66 }]);
    expect(await page.$$eval('#start option', (os) => os.map((o) => o.textContent))).toContain(`Marker 2: ${TWO} (0:34)`);
    await previewOf(page, 'text', `0:34 ${TWO}`);

    // clips on muted tracks: Muted Song at beat 260 = 130 s (nothing overlaps it)
    await page.getByLabel('Include clips on muted tracks').check();
    await rowsNamed(page, [ONE, TWO, THREE, 'Muted Song']);
    expect((await tableRows(page))[3]!.seconds).toBeCloseTo(130, 6);
    await page.getByLabel('Include disabled clips').check();
    await rowsNamed(page, [ONE, TWO, THREE, 'Hidden Song', 'Muted Song']);
    expect((await tableRows(page))[3]!.seconds).toBeCloseTo(100, 6);

    // locators: there are none
    await page.selectOption('#source', 'locators');
    await page.waitForFunction((markers) => document.getElementById('summary')?.textContent?.includes(`${markers}: 0 markers`), MARKERS);
    expect(await page.textContent('#markers tbody')).toMatch(/^No markers: add a locator at each song in your DAW/);
    expect(await page.isVisible('#clip-options')).toBe(false);

    // clips chosen outright: the options are back, as they were left
    await page.selectOption('#source', 'clips');
    expect(await page.isVisible('#clip-options')).toBe(true);
    await rowsNamed(page, [ONE, TWO, THREE, 'Hidden Song', 'Muted Song']);
    await rowAt(page, 1, 34);
    expect(errors).toEqual([]);
    await close();
  });

  it('warns when the clips look like stems: six tracks, every clip at beat 0', async () => {
    const stems = buildAls({
      live: 11,
      tempo: 120,
      audioTracks: ['Kick', 'Bass', 'Pad', 'Lead', 'Vocal', 'FX'].map((name) => ({ name, clips: [{ start: 0, end: 256, name: `${name} stem`, file: `${name}.wav` }] })),
    });
    const parallel = (await convert(stems)).warnings.find((w) => w.code === 'clips-in-parallel');
    expect(parallel).toBeDefined();
    const { page, uncaught, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'stems.als', stems);
    await waitForTable(page);
    expect(await page.isVisible('#warnings')).toBe(true);
    const shown = await page.$$eval('#warning-list li', (lis) => lis.map((li) => ({ code: li.getAttribute('data-code'), message: li.textContent })));
    expect(shown).toContainEqual({ code: 'clips-in-parallel', message: parallel!.message });
    expect(uncaught).toEqual([]);
    await close();
  });

  it('times clips under a tempo jump, and a new file resets the choices', async () => {
    // 120 BPM to beat 64 (32 s), then 160 BPM (a beat is 0.375 s)
    const jump = buildAls({
      live: 11,
      tempo: 120,
      tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 0, bpm: 120 }, { beat: 64, bpm: 120 }, { beat: 64, bpm: 160 }],
      audioTracks: [
        { clips: [{ start: 0, end: 72, name: 'One', file: 'one.wav' }, { start: 128, end: 200, name: 'Three', file: 'three.wav' }] },
        { clips: [{ start: 64, end: 136, name: 'Two', file: 'two.wav' }] },
      ],
    });
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'clips.als', SET);
    await waitForTable(page);
    await page.selectOption('#clip-anchor', 'crossfade-middle');
    await rowAt(page, 1, 34);
    await page.click('#again');
    await dropFile(page, 'jump.als', jump);
    await rowsNamed(page, ['One', 'Two', 'Three']);
    expect(await page.inputValue('#clip-anchor')).toBe('start');
    // Three: 32 s + 64 beats × 0.375 s = 56 s
    expectTimes(await tableRows(page), [{ name: 'One', seconds: 0 }, { name: 'Two', seconds: 32 }, { name: 'Three', seconds: 56 }]);
    // the crossfade into Two runs from 32 s to beat 72 = 35 s: middle 33.5 s; into Three 56–59 s: 57.5 s
    await page.selectOption('#clip-anchor', 'crossfade-middle');
    await rowAt(page, 1, 33.5);
    expectTimes(await tableRows(page), [{ name: 'One', seconds: 0 }, { name: 'Two', seconds: 33.5 }, { name: 'Three', seconds: 57.5 }]);
    await close();
  });
});

describe('the source controls', () => {
  it('are labelled and reached with the keyboard; choosing Clips by keyboard shows the clip options', async () => {
    const set = buildAls({ live: 11, locators: [{ time: 0, name: 'Locator A' }, { time: 32, name: 'Locator B' }], audioTracks: [{ clips: [{ start: 0, end: 64, name: 'Clip Song', file: 'c.wav' }] }] });
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'both.als', set);
    await waitForTable(page);
    expect(await page.textContent('#summary')).toContain(`${MARKERS}: 2 markers`);
    expect(await page.isVisible('#clip-options')).toBe(false);
    await page.focus('#result-title');
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 8 && (await focused()) !== 'source'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('source');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await rowsNamed(page, ['Clip Song']);
    expect(await page.inputValue('#source')).toBe('clips');
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    expect(reached).toEqual(expect.arrayContaining(['include-disabled', 'include-muted', 'clip-anchor']));
    await page.focus('#include-muted');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#include-muted')).toBe(true);
    // the source's note says what the sources are, and that a change starts from beat 0 again
    const note = await page.$eval('#source', (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    const source = OPTION_SPECS.find((s) => s.name === 'source')!;
    expect(note).toBe(`${source.description} A change of source starts from beat 0 again.`);
    const named = [['combobox', 'Tracklist from', 'source'], ['checkbox', 'Include disabled clips', 'include-disabled'],
      ['checkbox', 'Include clips on muted tracks', 'include-muted'], ['combobox', 'Entry time', 'clip-anchor']] as const;
    for (const [role, name, id] of named) {
      expect(await page.getByRole(role, { name, exact: true }).evaluateAll((els) => els.map((e) => e.id)), name).toEqual([id]);
    }
    await close();
  });

  it('fit a phone-width screen in dark mode (screenshot in test-output/)', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    await dropFile(page, 'clips.als', SET);
    await waitForTable(page);
    expect(await page.isVisible('#clip-options')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth)).toBe(false);
    const [legend, background] = await page.evaluate(() => [getComputedStyle(document.querySelector('#clip-options legend')!).color, getComputedStyle(document.body).backgroundColor]);
    const sum = (rgb: string): number => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    expect(sum(background)).toBeLessThan(150);
    expect(sum(legend) - sum(background)).toBeGreaterThan(200);
    await page.locator('#controls').screenshot({ path: join(OUT, 'page-clip-options-phone-dark.png') });
    await close();
  });
});
