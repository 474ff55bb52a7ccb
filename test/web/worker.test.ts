// The page's converter worker failing in real Chromium (worker.js missing, or crashing): no call
// is left hanging. With the upload on, the server's result is shown (its stored project timed in
// the page itself); with the project kept on this computer, a clear message; a link still opens.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFile, expectClear, expectedMarkers, expectTimes, fixtureBytes, openPage, previewOf, tableRows, uploadedJob, waitForFailure, waitForServer, waitForTable, usePageRig } from './page-kit';

const FIXTURE = 'ableton/automation.als';

const rig = usePageRig();

/** worker.js answered 404, or as a worker that crashes on its first message. */
const BROKEN = {
  missing: (page: Page) => page.context().route('**/worker.js', (route) => route.fulfill({ status: 404, body: 'Not found' })),
  crashing: (page: Page) => page.context().route('**/worker.js', (route) => route.fulfill({
    status: 200, contentType: 'text/javascript', body: 'self.onmessage = (e) => { throw new Error("crashed on " + e.data.type); };',
  })),
};

describe('a converter worker that does not load or crashes', () => {
  for (const [how, breakIt] of Object.entries(BROKEN)) {
    it(`${how}: with the upload on, shows the server's result, re-timed and exported in the page`, async () => {
      const { page, uncaught, close } = await openPage(rig.browser, rig.server.url, {}, { before: breakIt });
      await dropFile(page, 'automation.als', fixtureBytes(FIXTURE));
      expect(await waitForServer(page)).toBe('adopted');
      expectTimes(await tableRows(page), expectedMarkers(FIXTURE));
      expect(await page.textContent('#notice')).toMatch(/^This browser could not read the file \(This browser could not run the page's converter, so it cannot read the project here\.\); the server could, and its result is shown\.$/);
      expect(await page.isVisible('#status')).toBe(false);
      expect(await page.isVisible('#share')).toBe(true);
      await page.selectOption('#timing', 'continuous');
      await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('Continuous'));
      expectTimes(await tableRows(page), expectedMarkers(FIXTURE).map((m) => ({ name: m.name, seconds: m.secondsContinuous })));
      await page.selectOption('#format', 'cue');
      await previewOf(page, 'cue', 'TRACK 01 AUDIO');
      expect(uncaught).toEqual([]);
      await close();
    });
  }

  it('with the project kept on this computer, says the browser cannot read it and what to do; the page stays usable', async () => {
    const { page, uncaught, close } = await openPage(rig.browser, rig.server.url, {}, { before: BROKEN.missing });
    await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
    await dropFile(page, 'automation.als', fixtureBytes(FIXTURE));
    const failure = await waitForFailure(page, 'converter-failed', 10_000);
    expectClear(failure);
    expect(failure.title).toBe('That did not work');
    expect(failure.message).toBe('This browser could not run the page\'s converter, so it cannot read the project here.');
    expect(failure.hint).toMatch(/turn off "Keep my project on this computer"/);
    expect(await page.isVisible('#result')).toBe(false);
    // doing what it says works: the server reads the file
    await page.getByRole('switch', { name: 'Keep my project on this computer' }).uncheck();
    await dropFile(page, 'automation.als', fixtureBytes(FIXTURE));
    expect(await waitForServer(page)).toBe('adopted');
    expect(uncaught).toEqual([]);
    await close();
  });

  it('opens a link /?job=ID in the page itself', async () => {
    const jobId = await uploadedJob(rig.server.url, 'automation.als', fixtureBytes(FIXTURE));
    const { page, uncaught, close } = await openPage(rig.browser, `${rig.server.url}/?job=${jobId}`, {}, { before: BROKEN.missing });
    await waitForTable(page);
    expect(await page.evaluate(() => document.getElementById('result')?.dataset.origin)).toBe('link');
    expectTimes(await tableRows(page), expectedMarkers(FIXTURE));
    await previewOf(page, 'text', expectedMarkers(FIXTURE)[1]!.name);
    expect(uncaught).toEqual([]);
    await close();
  });
});
