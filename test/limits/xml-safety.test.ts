// XML that attacks parsers: entity expansion (billion laughs), external entities, and element or
// attribute names that would pollute prototypes if they became object keys.
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib/index';
import { FlpBuilder } from '../helpers/flp-builder';
import { gzip } from '../fuzz/mutate';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

async function codeOf(xml: string): Promise<string> {
  try {
    await convert(gzip(xml));
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `untyped: ${String(e)}`;
  }
}

const laughs = (): string => {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `${DECL}<!DOCTYPE Ableton [${dtd}]><Ableton><LiveSet><Locators><Locators><Locator><Time Value="1" /><Name Value="&lol9;" /></Locator></Locators></Locators></LiveSet></Ableton>`;
};

describe('XML safety', () => {
  it('refuses a billion-laughs document quickly, without expanding anything', async () => {
    const started = performance.now();
    expect(await codeOf(laughs())).toBe('unsafe-xml');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses external entities: SYSTEM and PUBLIC doctypes, parameter entities, in read and skipped parts', async () => {
    const docs = [
      `${DECL}<!DOCTYPE Ableton SYSTEM "file:///etc/passwd"><Ableton><LiveSet /></Ableton>`,
      `${DECL}<!DOCTYPE Ableton PUBLIC "-//X//EN" "http://127.0.0.1:1/x.dtd"><Ableton><LiveSet /></Ableton>`,
      `${DECL}<!DOCTYPE Ableton [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Ableton><LiveSet><Locators><Locators><Locator><Time Value="1" /><Name Value="&xxe;" /></Locator></Locators></Locators></LiveSet></Ableton>`,
      `${DECL}<!DOCTYPE Ableton [<!ENTITY % p SYSTEM "http://127.0.0.1:1/p.dtd"> %p;]><Ableton />`,
      `${DECL}<Ableton><LiveSet><Tracks><MidiTrack><!DOCTYPE x SYSTEM "file:///etc/passwd"></MidiTrack></Tracks></LiveSet></Ableton>`,
      `${DECL}<Ableton><LiveSet><Junk><!ENTITY a "b"></Junk></LiveSet></Ableton>`,
    ];
    for (const doc of docs) expect(await codeOf(doc), doc).toBe('unsafe-xml');
  });

  it('leaves undeclared entity references as written (nothing is looked up)', async () => {
    const r = await convert(gzip(`${DECL}<Ableton><LiveSet><Locators><Locators><Locator><Time Value="1" /><Name Value="&xxe; &amp; &#x41;&#0;" /></Locator></Locators></Locators></LiveSet></Ableton>`));
    expect(r.markers.map((m) => m.name)).toEqual(['&xxe; & A&#0;']);
  });

  it('reads __proto__, constructor and prototype as plain names and pollutes nothing', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
    const hostileChildren = names.map((n) => `<${n} Value="1" polluted="yes" ${n}="x" />`).join('');
    const hostileAttrs = names.map((n) => ` ${n}="polluted"`).join('');
    const locators = names.map((n, i) => `<Locator${hostileAttrs}><Time Value="${i * 4}" />${hostileChildren}<Name Value="${n}"${hostileAttrs} /></Locator>`).join('');
    const xml = `${DECL}<Ableton MinorVersion="11.0_11300"${hostileAttrs}><LiveSet${hostileAttrs}>${hostileChildren}<__proto__><polluted Value="yes" /></__proto__>`
      + `<Tracks><AudioTrack Id="__proto__"${hostileAttrs}><Name><EffectiveName Value="constructor" /></Name>${hostileChildren}</AudioTrack></Tracks>`
      + `<MasterTrack${hostileAttrs}>${hostileChildren}<DeviceChain><Mixer><Tempo><Manual Value="120" />${hostileChildren}<AutomationTarget Id="__proto__" /></Tempo></Mixer></DeviceChain>`
      + `<AutomationEnvelopes><Envelopes><AutomationEnvelope><EnvelopeTarget><PointeeId Value="__proto__" /></EnvelopeTarget><Automation><Events><FloatEvent Time="0" Value="120"${hostileAttrs} /><__proto__ Time="8" Value="130" /></Events></Automation></AutomationEnvelope></Envelopes></AutomationEnvelopes></MasterTrack>`
      + `<Locators><Locators>${locators}</Locators></Locators></LiveSet></Ableton>`;
    const results: Result[] = [];
    for (const bytes of [gzip(xml), new TextEncoder().encode(xml)]) results.push(await convert(bytes, { start: 'locator:__proto__' }));
    results.push(await convert(gzip(xml), { start: 'constructor' }));
    expect(results[0]!.markers.map((m) => m.name)).toEqual(names);
    expect(results[2]!.start.label).toBe('"constructor"');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expect(typeof Object.prototype.hasOwnProperty).toBe('function');
  });

  it('FL Studio arrangement and marker names like __proto__ are plain names too', async () => {
    const flp = new FlpBuilder().version('20.8.4.2576').tempo(120)
      .arrangement(0, 'constructor').marker({ ticks: 0, name: '__proto__' })
      .arrangement(1, '__proto__').marker({ ticks: 96, name: 'prototype' })
      .currentArrangement(0).build();
    const r = await convert(flp, { arrangement: '__proto__' });
    expect(r.arrangement?.used.name).toBe('__proto__');
    expect(r.markers.map((m) => m.name)).toEqual(['prototype']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
