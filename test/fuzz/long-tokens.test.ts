// A tag that arrives over many inflated pieces must not be read again from its start with every
// piece: that is quadratic, and a 12 KB gzip of one 8 MB start tag (under the default 16 MB value
// limit) would cost the worker a minute of CPU. Each case here is far under the hang guard when
// the reading is linear (≈ 0.3 s). Found by this suite; see the hostile-input report.
import { describe, expect, it } from 'vitest';
import { HANG_MS, Tally } from './fuzz-kit';
import { gzip } from './mutate';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Ableton MinorVersion="11.0_11300"><LiveSet>';
const TAIL = '</LiveSet></Ableton>';
const MB = 1024 * 1024;

describe('long tokens under the default value limit', () => {
  it.each([
    ['an 8 MB element name', `<${'A'.repeat(8 * MB)} />`],
    ['an 8 MB attribute name', `<Junk ${'A'.repeat(8 * MB)}="1" />`],
    ['8 MB of attributes on a skipped element', `<Junk${' a="b"'.repeat((8 * MB) / 6)} />`],
    ['8 MB of attributes on a captured locator', `<Locators><Locators><Locator${' a="b"'.repeat((8 * MB) / 6)}><Time Value="1" /></Locator></Locators></Locators>`],
    ['a 15 MB locator name', `<Locators><Locators><Locator><Time Value="1" /><Name Value="${'A'.repeat(15 * MB)}" /></Locator></Locators></Locators>`],
  ])('%s is read within the hang guard', async (label, body) => {
    const tally = new Tally();
    const bytes = gzip(HEAD + body + TAIL);
    expect(bytes.length).toBeLessThan(40_000);
    await tally.run(label, bytes);
    expect(tally.slowestMs, `${label}: ${tally.slowestMs.toFixed(0)} ms`).toBeLessThan(HANG_MS);
  }, 120_000);

  it('an error about a huge element name stays a short sentence', async () => {
    const tally = new Tally();
    // ends inside an element with a 100 KB name: the message must not quote all of it
    expect(await tally.run('unclosed 100 KB element name', gzip(HEAD + `<${'A'.repeat(100_000)}>`))).toBe('corrupt-file');
    expect(await tally.run('100 KB name closed by another', gzip(HEAD + `<${'A'.repeat(100_000)}></B>` + TAIL))).toBe('corrupt-file');
    const name = 'A'.repeat(100_000);
    const limits = { maxValueBytes: 1000 };
    expect(await tally.run('long attribute on a 100 KB name', gzip(HEAD + `<${name} v="${'x'.repeat(2000)}" />` + TAIL), { limits })).toBe('value-too-long');
    const text = `<Locators><Locators><Locator><${name}>${'t'.repeat(2000)}</${name}></Locator></Locators></Locators>`;
    expect(await tally.run('long text in a 100 KB name', gzip(HEAD + text + TAIL), { limits })).toBe('value-too-long');
  });
});
