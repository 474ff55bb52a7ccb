// Files that are not what they claim, in real Chromium, with the upload on and with the project
// kept on this computer: an empty file, a text file named .als, a cut-off .als. Each ends in lib's
// own sentence and what to try, with no stack; the page takes the next file.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError } from '../../lib/index';
import { buildAls } from '../helpers/als-builder';
import { dropFile, expectClear, fixtureBytes, openPage, waitForFailure, waitForTable, usePageRig } from './page-kit';

const rig = usePageRig();

const example = fixtureBytes('ableton/example-120.als');
const BAD: Array<[string, string, Uint8Array]> = [
  ['a text file named .als', 'notes.als', new TextEncoder().encode('Friday mix notes\n1. Intro\n2. Peak time\n')],
  ['an .als cut off halfway (an unfinished copy)', 'cut.als', example.subarray(0, Math.floor(example.length / 2))],
];

/** The error lib gives for these bytes (as the CLI and the API do). */
async function libError(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  const error = await convert(bytes).then(() => null, (e: unknown) => e);
  if (!isDawstampsError(error)) throw new Error('lib converted a file these tests take as bad');
  return { code: error.code, message: error.message };
}

/** The page takes the next file: a good one gives a table. */
async function takesAnother(page: Page): Promise<void> {
  await dropFile(page, 'good.als', buildAls({ live: 11, locators: [{ time: 0, name: 'One' }, { time: 32, name: 'Two' }] }));
  await waitForTable(page);
}

describe('a bad file', () => {
  for (const keepLocal of [false, true]) {
    const mode = keepLocal ? 'kept on this computer' : 'with the upload on';
    it(`${mode}: an empty file is refused at once, before anything is read or sent`, async () => {
      const { page, uncaught, close } = await openPage(rig.browser, rig.server.url);
      if (keepLocal) await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
      const calls: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/v1/jobs')) calls.push(r.url());
      });
      await dropFile(page, 'empty.als', new Uint8Array(0));
      await page.locator('#refusal').waitFor({ state: 'visible' });
      expect(await page.textContent('#refusal')).toBe('"empty.als" is empty (0 bytes). Save the project again in your DAW and pick the new copy.');
      await page.waitForTimeout(300);
      expect(calls).toEqual([]);
      expect(await page.isVisible('#status')).toBe(false);
      await takesAnother(page);
      expect(await page.isVisible('#refusal')).toBe(false);
      expect(uncaught).toEqual([]);
      await close();
    });

    for (const [what, name, bytes] of BAD) {
      it(`${mode}: ${what} gets lib's sentence and what to try`, async () => {
        const expected = await libError(bytes);
        const { page, uncaught, close } = await openPage(rig.browser, rig.server.url);
        if (keepLocal) await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
        await dropFile(page, name, bytes);
        // with the upload on, the server's answer ends it (the same error, from the same lib)
        if (!keepLocal) await page.waitForFunction(() => document.getElementById('status-title')?.textContent === 'That did not work', undefined, { timeout: 20_000 });
        const failure = await waitForFailure(page, expected.code);
        expectClear(failure);
        // the sentence up to its detail: how gzip words a cut-off stream depends on the inflater (pako here, node:zlib on the server)
        expect(failure.message.split(/[:“]/)[0]).toBe(expected.message.split(/[:“]/)[0]);
        expect(await page.textContent('#status-title')).toBe('That did not work');
        expect(await page.isVisible('#result')).toBe(false);
        await takesAnother(page);
        expect(await page.isVisible('#failure')).toBe(false);
        expect(uncaught).toEqual([]);
        await close();
      });
    }
  }
});
