// Picking, uploading and failing in real Chromium: byte progress, refusals before upload, typed errors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError, listFormats } from '../../lib/index';
import { dropFile, expectedMarkers, expectTimes, fixtureBytes, openPage, tableRows, waitForServer, waitForTable, usePageRig } from './page-kit';
import { refuse } from './web-modules';

const rig = usePageRig();

/** Records every value the progress bar takes. */
async function recordProgress(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const bar = document.getElementById('progress') as HTMLProgressElement;
    const seen: number[] = [];
    (window as unknown as { seen: number[] }).seen = seen;
    new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  return () => page.evaluate(() => (window as unknown as { seen: number[] }).seen);
}

/** The API requests the page made (method and path). */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/v1/') && !['/v1/config', '/v1/formats'].includes(url.pathname)) calls.push(`${r.method()} ${url.pathname}`);
  });
  return calls;
}

describe('uploading', () => {
  it('shows real byte progress up to 100 %, then the result', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    const seen = await recordProgress(page);
    // 628 KB at 256 KB/s: the upload takes seconds, so progress events arrive on the way
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await page.setInputFiles('#file', { name: 'live9-automation.als', mimeType: 'application/octet-stream', buffer: fixtureBytes('ableton/live9-automation.als') });
    await page.locator('#status').waitFor({ state: 'visible' });
    expect(await page.textContent('#status-file')).toContain('live9-automation.als');
    await waitForTable(page);
    await waitForServer(page);
    const values = await seen();
    expect(values.at(-1)).toBe(100);
    expect(values.filter((v) => v > 0 && v < 100).length).toBeGreaterThan(0);
    expect([...values].sort((a, b) => a - b)).toEqual(values.slice().sort((a, b) => a - b));
    expectTimes(await tableRows(page), expectedMarkers('ableton/live9-automation.als'));
    expect(errors).toEqual([]);
    await close();
  });

  it('refuses a file of the wrong type at once, before any upload', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const calls = apiCalls(page);
    await dropFile(page, 'mix.wav', new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0]));
    await page.locator('#refusal').waitFor({ state: 'visible' });
    expect(await page.textContent('#refusal')).toBe(`"mix.wav" is not a project file dawstamps reads: ${refuse.kindsText(listFormats())}. Pick the project file itself, not an audio file or an export.`);
    expect(await page.getAttribute('#file', 'accept')).toBe(listFormats().flatMap((k) => k.extensions).join(','));
    await page.waitForTimeout(300);
    expect(calls).toEqual([]);
    expect(await page.isVisible('#status')).toBe(false);
    await close();
  });

  it('refuses a file over the limit (100 MB) at once, before any upload', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const calls = apiCalls(page);
    const big = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(101 * 1024 * 1024)], 'huge.als'));
      return dt;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: big });
    await page.locator('#refusal').waitFor({ state: 'visible' });
    expect(await page.textContent('#refusal')).toMatch(/"huge\.als" is 101 MB; the limit is 100 MB\./);
    await page.waitForTimeout(300);
    expect(calls).toEqual([]);
    await close();
  });

  it('shows a junk file\'s error and what to try', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'junk.als', fixtureBytes('ableton/junk.als'));
    await page.locator('#failure').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.textContent('#failure-code')).toBe('not-a-project');
    // the server's answer, when it comes, is the same
    await page.waitForFunction(() => document.getElementById('status-title')?.textContent === 'That did not work', undefined, { timeout: 20_000 });
    expect(await page.textContent('#failure-code')).toBe('not-a-project');
    // the same typed error the converter (and so the CLI and the API) gives
    const error = await convert(fixtureBytes('ableton/junk.als')).then(() => null, (e: unknown) => e);
    expect(isDawstampsError(error)).toBe(true);
    expect(await page.textContent('#failure-message')).toBe((error as Error).message);
    expect(await page.textContent('#failure-hint')).toMatch(/^What to try: Pick the project file itself/);
    expect(await page.isVisible('#result')).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('converts another file without reloading the page', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await waitForTable(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#again')]);
    expect(await page.isVisible('#result')).toBe(false);
    await chooser.setFiles({ name: 'fl-markers.flp', mimeType: 'application/octet-stream', buffer: fixtureBytes('flstudio/fl-markers.flp') });
    await waitForTable(page);
    expectTimes(await tableRows(page), expectedMarkers('flstudio/fl-markers.flp'));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await close();
  });
});
