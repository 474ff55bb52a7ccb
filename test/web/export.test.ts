// The export panel in real Chromium: lib's formats and exporters in the page, YouTube and CUE previews, copy, download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, fixtureBytes, openPage, previewOf, waitForTable, type OpenedPage, usePageRig } from './page-kit';
import { REPO } from '../helpers/functions/server-process';

let opened: OpenedPage;

/** Golden exports of example-120.als with default options (test/golden, made by the exporters' tests). */
const golden = (file: string): string => readFileSync(join(REPO, 'test/golden/ableton-example-120', file), 'utf8');

/** The export's warnings, spelled out under the preview. */
const exportWarnings = (): Promise<string[]> => opened.page.$$eval('#export-warnings li', (lis) => lis.map((li) => li.textContent ?? ''));
const goldenWarnings = (format: string): string[] =>
  (JSON.parse(golden('warnings.json')) as Record<string, Array<{ message: string }>>)[format]!.map((w) => w.message);

const rig = usePageRig();

beforeAll(async () => {
  opened = await openPage(rig.browser, rig.server.url, { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  await dropFile(opened.page, 'example-120.als', fixtureBytes('ableton/example-120.als'));
  await waitForTable(opened.page);
}, 300_000);

afterAll(async () => {
  await opened?.close();
});

describe('the export panel', () => {
  it('offers the formats the API lists, in its order', async () => {
    const listed = (await (await fetch(`${rig.server.url}/v1/formats`)).json()) as { exports: Array<{ id: string; label: string }> };
    const offered = await opened.page.$$eval('#format option', (os) => os.map((o) => ({ id: (o as HTMLOptionElement).value, label: o.textContent })));
    expect(offered).toEqual(listed.exports.map(({ id, label }) => ({ id, label })));
    expect(offered.map((o) => o.id)).toEqual(expect.arrayContaining(['text', 'youtube', 'cue']));
  });

  it('previews YouTube chapters and a CUE sheet exactly as the exporters make them', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'youtube');
    expect(await previewOf(page, 'youtube', '1:05:04 sd')).toBe(golden('youtube.txt'));
    expect(await exportWarnings()).toEqual(goldenWarnings('youtube'));
    await page.selectOption('#format', 'cue');
    const cue = await previewOf(page, 'cue', 'TRACK 01 AUDIO');
    expect(await exportWarnings()).toEqual(goldenWarnings('cue'));
    expect(cue).toBe(golden('cue.cue'));
    expect(cue).toContain('INDEX 01 03:20:00');
  });

  it('updates the preview when the precision changes', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'text');
    await previewOf(page, 'text', 'sd');
    await page.selectOption('#precision', 'ms');
    const text = await previewOf(page, 'text', '.000');
    // the set passes an hour, so every line is h:mm:ss
    expect(text.split('\n')[1]).toBe('0:03:20.000 comfort - other track');
    await page.selectOption('#precision', 's');
    expect((await previewOf(page, 'text', '0:03:20 comfort')).split('\n')[1]).toBe('0:03:20 comfort - other track');
  });

  it('offers a template box with the format, remembered across visits; a bad template says where, and leaves the other formats alone', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'text');
    expect(await page.isHidden('#template-box')).toBe(true);
    await page.selectOption('#format', 'template');
    expect(await page.isVisible('#template-box')).toBe(true);
    // the DJ's classic line by default: exactly the exporter's golden output for it
    expect(await page.inputValue('#template')).toBe('{index:02}. {artist} - {title} [{start:hh:mm:ss}]');
    expect(await previewOf(page, 'template', '01. mirvs')).toBe(golden('template.txt'));
    await page.fill('#template', '{start:m:ss} {name}');
    expect((await previewOf(page, 'template', '3:20 comfort')).split('\n')[1]).toBe('3:20 comfort - other track');
    expect(await page.getAttribute('#template', 'aria-invalid')).toBeNull();
    await page.fill('#template', '{start:m:ss} {nmae}');
    await page.waitForFunction(() => document.getElementById('export-warnings')?.textContent?.includes('nmae'));
    expect((await exportWarnings()).join(' ')).toMatch(/column/);
    // refused: the box says so to assistive technology, and the sentence is announced (a live region)
    expect(await page.getAttribute('#template', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#export-warnings', 'role')).toBe('status');
    // another format is not held up by a template it does not use
    await page.selectOption('#format', 'text');
    await previewOf(page, 'text', 'comfort - other track');
    expect(await page.getAttribute('#template', 'aria-invalid')).toBeNull();
    // remembered: a fresh visit (same browser) finds the last template
    await page.selectOption('#format', 'template');
    await page.fill('#template', '{index}) {name}');
    const again = await rig.browser.newPage({ storageState: await page.context().storageState() });
    try {
      await again.goto(rig.server.url);
      await again.waitForFunction(() => document.documentElement.classList.contains('ready'));
      expect(await again.inputValue('#template')).toBe('{index}) {name}');
    } finally {
      await again.close();
    }
  });

  it('copies the preview to the clipboard with one click', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'youtube');
    const preview = await previewOf(page, 'youtube', '1:05:04 sd');
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('action-status')?.textContent === 'Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(preview);
  });

  it('downloads the export with a sensible file name and the previewed content', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'cue');
    const preview = await previewOf(page, 'cue', 'TRACK 01 AUDIO');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('example-120.cue');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(preview);
    await page.selectOption('#format', 'youtube');
    await previewOf(page, 'youtube', '1:05:04 sd');
    const [second] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(second.suggestedFilename()).toBe('example-120.youtube.txt');
    expect(opened.errors).toEqual([]);
  });

  it('labels the template box briefly, with its syntax as its description (not in its name)', async () => {
    const { page } = opened;
    await page.selectOption('#format', 'template');
    expect(await page.getByLabel('Line template', { exact: true }).evaluate((el) => el.id)).toBe('template');
    const [describedBy, inLabel] = await page.$eval('#template', (el) => [el.getAttribute('aria-describedby'), el.closest('label') !== null]);
    expect(inLabel).toBe(false);
    expect(describedBy).toBe('template-note');
    expect(await page.textContent('#template-note')).toMatch(/\{index:02\}.*Remembered on this computer\.$/s);
  });
});
