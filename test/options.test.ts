/**
 * One source for every option: lib's table gives the library's checks, the CLI's flags and help,
 * the API's query and body schemas (and the OpenAPI document); a bad value reads the same
 * everywhere, an unknown query parameter is named, an option that does not apply is a warning.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCommandLine } from '../functions/cli/args';
import { helpText } from '../functions/cli/help';
import { convert, exportResult, type ExportOptions, type TimeOptions } from '../lib';
import { OPTION_SPECS, optionFromText, type OptionName, type OptionSpec } from '../lib/option-table';
import { buildAls } from './helpers/als-builder';
import { localHarness } from './helpers/functions/local-app';

const specs = OPTION_SPECS as readonly OptionSpec[];
const set = buildAls({ live: 11, locators: [{ time: 0, name: 'A' }, { time: 16, name: 'B' }] });

/** The error of a call, as { code, message }. */
async function errorOf(run: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('no error');
}

describe('the option table', () => {
  it('covers exactly the options of TimeOptions and ExportOptions', () => {
    expectTypeOf<OptionName<'time'>>().toEqualTypeOf<Exclude<keyof TimeOptions, 'fileName' | 'tempoPoints'>>();
    expectTypeOf<OptionName<'export'>>().toEqualTypeOf<keyof ExportOptions>();
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
    expect(new Set(specs.map((s) => s.flag)).size).toBe(specs.length);
  });

  it('gives every option a CLI flag that sets it, and a line in --help', () => {
    const help = helpText();
    for (const spec of specs) {
      const sample = spec.type === 'choice' ? spec.values[spec.values.length - 1]! : spec.type === 'flag' ? null : spec.type === 'arrangement' ? 'Main' : spec.name === 'template' ? '{name}' : 'B';
      const onByDefault = spec.type === 'flag' && spec.default;
      const args = sample === null ? [onByDefault ? `--no-${spec.flag}` : `--${spec.flag}`] : [`--${spec.flag}`, sample];
      const request = parseCommandLine([...args, 'mix.als']);
      const options = spec.stage === 'time' ? request.convert : request.export;
      expect((options as Record<string, unknown>)[spec.name], spec.name).toBe(sample === null ? !onByDefault : sample);
      expect(help, spec.flag).toMatch(new RegExp(`--(no-)?${spec.flag}\\b`));
    }
    expect(parseCommandLine(['--ms', 'a.als']).export.precision).toBe('ms');
  });
});

describe('a bad option value reads the same everywhere: invalid-option and lib\'s sentence', () => {
  it.each([
    ['timing', 'smooth'],
    ['source', 'markers'],
    ['clipAnchor', 'end'],
    ['includeMutedTracks', 'yes'],
    ['precision', 'us'],
    ['rounding', 'sideways'],
    ['template', '{index:02}. {titel}'],
  ])('%s=%s', async (name, value) => {
    const spec = specs.find((s) => s.name === name)!;
    const lib = await errorOf(() => optionFromText(spec, value));
    expect(lib.code).toBe('invalid-option');
    expect(lib.message).toContain(name);
    // the library, called with the value as a program would pass it
    if (spec.type === 'choice') {
      const direct = spec.stage === 'time' ? await errorOf(() => convert(set, { [name]: value })) : await errorOf(() => exportResult({} as never, 'text', { [name]: value }));
      expect(direct).toEqual(lib);
    }
    // the CLI
    const flag = spec.type === 'flag' ? null : spec.flag;
    if (flag) expect(await errorOf(() => parseCommandLine([`--${flag}`, value, 'a.als']))).toEqual(lib);
    // the API
    const h = await localHarness();
    try {
      const res = await h.request(`/v1/convert?${name}=${encodeURIComponent(value)}`, { method: 'POST', body: set as Uint8Array<ArrayBuffer> });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: unknown }).error).toEqual(lib);
    } finally {
      await h.close();
    }
  });

  it('in a job\'s JSON options too', async () => {
    const h = await localHarness();
    try {
      const res = await h.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'a.als', options: { timing: 'smooth' } }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: unknown }).error).toEqual(await errorOf(() => convert(set, { timing: 'smooth' as never })));
    } finally {
      await h.close();
    }
  });
});

describe('options the API does not know, and options that do not apply', () => {
  it('names an unknown query parameter with 400 unknown-parameter', async () => {
    const h = await localHarness();
    try {
      for (const path of ['/v1/convert?timming=stepped', `/v1/jobs/${'0'.repeat(32)}/export/text?timming=stepped`, `/v1/jobs/${'0'.repeat(32)}?inclde=tempo`]) {
        const res = await h.request(path, { method: path.startsWith('/v1/convert') ? 'POST' : 'GET', ...(path.startsWith('/v1/convert') ? { body: set as Uint8Array<ArrayBuffer> } : {}) });
        expect(res.status, path).toBe(400);
        const { error } = (await res.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe('unknown-parameter');
        expect(error.message).toMatch(/Unknown query parameter "(timming|inclde)"/);
      }
    } finally {
      await h.close();
    }
  });

  it('an arrangement on a project with one, or clip options on a tracklist from markers, is a warning', async () => {
    const r = await convert(set, { arrangement: 'Main', clipAnchor: 'crossfade-middle', includeMutedTracks: true });
    expect(r.markers.map((m) => m.name)).toEqual(['A', 'B']);
    expect(r.warnings).toEqual([
      { code: 'option-ignored', message: 'This project has a single arrangement, so the arrangement option "Main" was ignored.' },
      { code: 'option-ignored', message: 'The options --include-muted and --clip-anchor only apply to a tracklist from clips; this one comes from the locators, so they were ignored.' },
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('describes every option on the routes that take it, with its values', async () => {
    const h = await localHarness();
    try {
      const doc = (await (await h.request('/v1/openapi.json')).json()) as any;
      const params = doc.paths['/v1/convert'].post.parameters as Array<{ name: string; description?: string; schema: { enum?: string[] } }>;
      for (const spec of specs) {
        const p = params.find((x) => x.name === spec.name);
        expect(p, spec.name).toBeDefined();
        expect(p!.description ?? (p!.schema as { description?: string }).description).toBe(spec.description);
        if (spec.type === 'choice') expect(p!.schema.enum).toEqual([...spec.values]);
      }
      const jobOptions = doc.components.schemas.JobOptions.properties;
      expect(Object.keys(jobOptions).sort()).toEqual(specs.filter((s) => s.stage === 'time').map((s) => s.name).sort());
    } finally {
      await h.close();
    }
  });
});

describe('options from programs that pass anything', () => {
  it('refuses names no call takes, values of the wrong type and limits that would switch themselves off', async () => {
    const code = async (run: () => unknown): Promise<string> => (await errorOf(run)).code;
    expect(await errorOf(() => convert(set, { timming: 'stepped' } as never))).toEqual({ code: 'invalid-option', message: 'There is no conversion option "timming".' });
    expect(await errorOf(() => exportResult({} as never, 'text', { prescision: 'ms' } as never))).toEqual({ code: 'invalid-option', message: 'There is no export option "prescision".' });
    expect(await code(() => convert(set, { fileName: 5 } as never))).toBe('invalid-option');
    expect(await code(() => convert(set, { tempoPoints: 'no' } as never))).toBe('invalid-option');
    expect(await errorOf(() => convert(set, { limits: { maxMarkers: Number.NaN } }))).toMatchObject({ code: 'invalid-option', message: expect.stringMatching(/maxMarkers must be a number above 0/) });
    expect(await code(() => convert(set, { limits: { maxMarker: 5 } as never }))).toBe('invalid-option');
    expect(await code(() => convert(set, 'fast' as never))).toBe('invalid-option');
  });

  it('takes null for no options, as it takes nothing', async () => {
    const plain = await convert(set);
    expect(await convert(set, null)).toEqual(plain);
    expect(exportResult(plain, 'text', null).text).toBe(exportResult(plain, 'text').text);
  });
});
