// The result view in real Chromium against `npm start`'s server: table times, timing, start, timeline.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib/index';
import { formatClock } from '../../lib/text/time';
import { dropFile, expectedMarkers, expectTimes, fixtureBytes, openPage, tableRows, waitForTable, usePageRig } from './page-kit';

const rig = usePageRig();

/** The summary's rows, by their term. */
function summaryOf(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#summary dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])));
}

describe('the result view', () => {
  it('shows an Ableton set dropped on the page with the times of expected.json, and re-times it', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'automation-intense.als', fixtureBytes('ableton/automation-intense.als'));
    await waitForTable(page);
    const expected = expectedMarkers('ableton/automation-intense.als');
    expectTimes(await tableRows(page), expected);
    const summary = await page.textContent('#summary');
    expect(summary).toContain('Ableton Live 10.1.7');
    expect(summary).toMatch(/Stepped.*Why: Live 10\.1\.7/);

    // the continuous model
    await page.selectOption('#timing', 'continuous');
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('Continuous'));
    expectTimes(await tableRows(page), expected.map((m) => ({ name: m.name, seconds: m.secondsContinuous })));

    // milliseconds in the table
    await page.selectOption('#precision', 'ms');
    const rows = await tableRows(page);
    const third = expected[2]!;
    expect(rows[2]!.time).toBe(`0:0${Math.floor(third.secondsContinuous)}.${String(Math.round((third.secondsContinuous % 1) * 1000)).padStart(3, '0')}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('measures from a chosen locator: it is at 0:00 and the earlier ones are left out', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await waitForTable(page);
    const expected = expectedMarkers('ableton/automation.als');
    const labels = await page.$$eval('#start option', (os) => os.map((o) => o.textContent ?? ''));
    // the set has a loop but no song start marker: the menu offers only what it has
    expect(labels.slice(0, 2)).toEqual(['Beat 0 (the arrangement start)', 'The loop start']);
    expect(labels.slice(2).map((l) => l.replace(/^Marker \d+: (.*) \(.*\)$/, '$1'))).toEqual(expected.map((m) => m.name));
    await page.selectOption('#start', { index: 2 + 2 });
    await page.waitForFunction(() => document.querySelectorAll('#markers tbody tr').length === 4);
    const base = expected[2]!.seconds;
    expectTimes(await tableRows(page), expected.slice(2).map((m) => ({ name: m.name, seconds: m.seconds - base })));
    await close();
  });

  it('says why a start point is refused, keeps the table, and the sentence goes with the next change', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'automation.als', fixtureBytes('ableton/automation.als'));
    await waitForTable(page);
    expect(await page.$$eval('#start option', (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain('song-start');
    // a choice the menu does not offer (as a stale menu or a hand-edited page could send)
    await page.evaluate(() => document.getElementById('start')!.append(new Option('The song start marker', 'song-start')));
    await page.selectOption('#start', 'song-start');
    await page.locator('#options-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#options-error')).toMatch(/no song start/i);
    expect(await page.inputValue('#start')).toBe('zero');
    expect((await tableRows(page)).length).toBe(6);
    await page.selectOption('#timing', 'continuous');
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('Continuous'));
    expect(await page.isVisible('#options-error')).toBe(false);
    await close();
  });

  it('shows an FL Studio project with the times of expected.json', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await page.setInputFiles('#file', { name: 'fl-test.flp', mimeType: 'application/octet-stream', buffer: fixtureBytes('flstudio/fl-test.flp') });
    await waitForTable(page);
    expectTimes(await tableRows(page), expectedMarkers('flstudio/fl-test.flp'));
    expect(await page.textContent('#summary')).toContain('FL Studio');
    await close();
  });

  it('spells out the warnings of the conversion, and says when there are no markers', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const bytes = fixtureBytes('flstudio/complex.flp');
    await dropFile(page, 'complex.flp', bytes);
    await waitForTable(page);
    const { warnings } = await convert(bytes, { fileName: 'complex.flp' });
    expect(warnings.map((w) => w.code)).toContain('flp-muted-tempo-clip');
    expect(await page.isVisible('#warnings')).toBe(true);
    expect(await page.$$eval('#warning-list li', (lis) => lis.map((li) => li.textContent))).toEqual(warnings.map((w) => w.message));

    await page.click('#again');
    await dropFile(page, 'auto-basic.flp', fixtureBytes('flstudio/auto-basic.flp'));
    await page.waitForFunction(() => document.querySelector('#warning-list li')?.getAttribute('data-code') === 'no-tracklist-markers');
    expect(await page.textContent('#markers tbody')).toMatch(/^No markers: add a marker at each song in your DAW/);
    await close();
  });

  it('draws the tempo curve with a tick per marker: name on hover (<title>) and on keyboard focus', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'automation-intense.als', fixtureBytes('ableton/automation-intense.als'));
    await waitForTable(page);
    const expected = expectedMarkers('ableton/automation-intense.als');
    const titles = await page.$$eval('#timeline .tick title', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(titles).toHaveLength(expected.length);
    titles.forEach((t, i) => expect(t).toContain(expected[i]!.name));
    // the curve has ramps: many distinct heights, not a flat line
    const d = await page.getAttribute('#timeline .tempo-line', 'd');
    const heights = new Set([...(d ?? '').matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => m[1]));
    expect(heights.size).toBeGreaterThan(20);
    // keyboard: focus the first tick, arrow to the next
    await page.focus('#timeline .tick[tabindex="0"]');
    expect(await page.textContent('#timeline-focus')).toContain(expected[0]!.name);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
    expect(await page.textContent('#timeline-focus')).toContain(`— ${expected[1]!.name} (bar`);
    await close();
  });

  it('gives the set\'s length, which runs past its last marker (live8-markers-auto.als)', async () => {
    const bytes = fixtureBytes('ableton/live8-markers-auto.als');
    const result = await convert(bytes, { fileName: 'live8-markers-auto.als' });
    const last = result.markers.at(-1)!.seconds;
    expect(formatClock(last)).toBe('2:05');
    expect(result.durationSeconds).toBeGreaterThan(last);
    const { page, close } = await openPage(rig.browser, rig.server.url);
    await dropFile(page, 'live8-markers-auto.als', bytes);
    await waitForTable(page);
    const summary = await summaryOf(page);
    expect(summary['Length']).toBe(formatClock(result.durationSeconds!));
    expect(summary['Length']).not.toBe('2:05');
    await close();
  });
});
