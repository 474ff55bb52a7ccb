/**
 * The DAWproject container: only project.xml is inflated (a huge or broken audio entry beside it is
 * never touched), stored or deflated, with data descriptors, in any place in the archive, written by
 * zip.js itself; sniffing by content; a ZIP that is no DAWproject; the ZIP limits at their edges.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError, listFormats, parseProject, type ConvertOptions, type Result } from '../../../lib';
import { detectReader } from '../../../lib/readers';
import { buildDawproject, mixSpec, projectXml, type DawprojectSpec } from '../../helpers/dawproject-builder';
import { fixture } from '../../helpers/fixtures';
import { deflateBomb, zip } from '../../helpers/zip-writer';

const spec: DawprojectSpec = {
  ...mixSpec([{ name: 'Intro', file: 'intro.wav', beats: 32 }, { name: 'Main', file: 'main.wav', beats: 64 }]),
  tempo: 124,
  markers: { markers: [{ time: 0, name: 'Start' }, { time: 32, name: 'Drop' }] },
};
const reference = (): Promise<Result> => convert(buildDawproject(spec));

async function codeOf(bytes: Uint8Array, options: ConvertOptions = {}): Promise<string> {
  try {
    await convert(bytes, options);
    return 'ok';
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return e.code;
  }
}

async function errorOf(bytes: Uint8Array, options: ConvertOptions = {}): Promise<{ code: string; message: string }> {
  try {
    await convert(bytes, options);
  } catch (e) {
    if (isDawstampsError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('converted');
}

describe('only project.xml is inflated', () => {
  // a 4 GiB "audio file" that is 4 MB of deflate data: inflating it would blow any limit
  const huge = deflateBomb('RIFF', 256, '');

  it('a 4 GiB compressed audio entry and a broken one beside project.xml are never inflated', async () => {
    expect(huge.inflatedBytes).toBeGreaterThan(4 * 1024 ** 3);
    const bytes = buildDawproject(spec, {
      extra: [
        { name: 'audio/huge.wav', deflated: huge.deflated, size: 0xfffffffe, crc: 0 },
        { name: 'audio/broken.wav', deflated: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), size: 1000 },
        { name: 'plugins/d19b1f6e.clap-preset', data: new Uint8Array(4096).fill(7) },
        { name: '../../escapes.wav', data: 'never extracted, so never unsafe', method: 0 },
      ],
    });
    const started = performance.now();
    const r = await convert(bytes, { limits: { maxInflatedBytes: 64 * 1024 } });
    const ms = performance.now() - started;
    expect(r).toEqual(await reference());
    expect(ms).toBeLessThan(2000); // inflating 4 GiB takes seconds; listing it takes none
  });

  it('the same audio bomb named project.xml is stopped at the limit (the entry read is the one that counts)', async () => {
    const bytes = zip([{ name: 'project.xml', deflated: deflateBomb('<?xml version="1.0"?><Project version="1.0"><Scenes>', 16, '</Scenes></Project>').deflated, size: 0xfffffffe, crc: 0 }]);
    expect(await codeOf(bytes, { limits: { maxInflatedBytes: 1024 * 1024 } })).toBe('inflated-too-large');
  });
});

describe('how project.xml is stored', () => {
  it('deflated or stored, with or without data descriptors, first or last: the same result', async () => {
    const expected = await reference();
    const xml = projectXml(spec);
    const variants: Array<[string, Uint8Array]> = [
      ['stored', buildDawproject(spec, { method: 0 })],
      ['data descriptors (Java ZipOutputStream)', buildDawproject(spec, { descriptor: true })],
      ['project.xml first', zip([{ name: 'project.xml', data: xml }, { name: 'metadata.xml', data: '<MetaData/>' }, { name: 'audio/intro.wav', data: 'RIFF', method: 0 }])],
      ['folders and a directory entry', zip([{ name: 'audio/', data: '', method: 0 }, { name: 'audio/main.wav', data: 'RIFF' }, { name: 'project.xml', data: xml, descriptor: true }])],
    ];
    for (const [label, bytes] of variants) expect(await convert(bytes), label).toEqual(expected);
  });

  it('a file written by zip.js itself reads the same', async () => {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
    await writer.add('metadata.xml', new Uint8ArrayReader(new TextEncoder().encode('<MetaData/>')));
    await writer.add('audio/intro.wav', new Uint8ArrayReader(new Uint8Array(10_000).fill(1)), { level: 0 });
    await writer.add('project.xml', new Uint8ArrayReader(new TextEncoder().encode(projectXml(spec))), { dataDescriptor: true });
    const bytes = await writer.close();
    expect(await convert(bytes)).toEqual(await reference());
  });

  it('two entries called project.xml: the first is read, with a warning', async () => {
    const other = projectXml({ markers: { markers: [{ time: 0, name: 'Second file' }] } });
    const r = await convert(zip([{ name: 'project.xml', data: projectXml(spec) }, { name: 'project.xml', data: other }]));
    expect(r.markers.map((m) => m.name)).toEqual(['Start', 'Drop']);
    expect(r.warnings.map((w) => w.code)).toContain('duplicate-entry');
  });
});

describe('sniffing by content', () => {
  it('a ZIP is a DAWproject candidate; the other formats still go to their readers', () => {
    expect(detectReader(buildDawproject(spec)).daw).toBe('dawproject');
    expect(detectReader(zip([])).daw).toBe('dawproject'); // an empty archive starts with its end record
    expect(detectReader(fixture('ableton/example-120.als')).daw).toBe('ableton');
    expect(detectReader(fixture('flstudio/fl-markers.flp')).daw).toBe('flstudio');
    expect(listFormats()).toContainEqual({ daw: 'dawproject', label: 'DAWproject file', extensions: ['.dawproject'] });
  });

  it('the name is only a hint: a DAWproject called mix.als is read as what it is', async () => {
    const r = await convert(buildDawproject(spec), { fileName: 'mix.als' });
    expect(r.source).toMatchObject({ daw: 'dawproject', file: 'mix.als' });
  });

  it('a ZIP without project.xml is not-a-project, with a sentence that says so', async () => {
    const cases: Array<[string, Uint8Array]> = [
      ['an ordinary ZIP', zip([{ name: 'readme.txt', data: 'hello' }, { name: 'photo.jpg', data: new Uint8Array(100) }])],
      ['an empty ZIP', zip([])],
      ['project.xml in a folder', zip([{ name: 'mix/project.xml', data: projectXml(spec) }])],
      ['Project.XML', zip([{ name: 'Project.XML', data: projectXml(spec) }])],
    ];
    for (const [label, bytes] of cases) {
      const e = await errorOf(bytes);
      expect(e.code, label).toBe('not-a-project');
      expect(e.message, label).toMatch(/^The file is a ZIP archive with \d+ entr(y|ies) but no project\.xml, so it is not a DAWproject file/);
    }
  });

  it('a project.xml that is not a DAWproject document is not-a-project too', async () => {
    const e = await errorOf(zip([{ name: 'project.xml', data: '<?xml version="1.0"?><project><name>maven</name></project>' }]));
    expect(e).toEqual({ code: 'not-a-project', message: 'The ZIP archive holds a project.xml, but its root element is <project>, not <Project>, so it is not a DAWproject file.' });
  });
});

describe('the ZIP limits at their edges', () => {
  const bytes = buildDawproject(spec);
  const xmlBytes = new TextEncoder().encode(projectXml(spec)).length;

  it('maxInflatedBytes: project.xml of exactly the limit converts, one byte more does not', async () => {
    expect(await codeOf(bytes, { limits: { maxInflatedBytes: xmlBytes } })).toBe('ok');
    const e = await errorOf(bytes, { limits: { maxInflatedBytes: xmlBytes - 1 } });
    expect(e.code).toBe('inflated-too-large');
    expect(e.message).toContain('project.xml');
  });

  it('maxZipEntries: as many entries as the limit convert, one more does not', async () => {
    const entries = 2 + 2; // metadata.xml, two audio files, project.xml
    expect(await codeOf(bytes, { limits: { maxZipEntries: entries } })).toBe('ok');
    expect(await codeOf(bytes, { limits: { maxZipEntries: entries - 1 } })).toBe('too-many-entries');
  });

  it('maxFileBytes applies to the archive', async () => {
    expect(await codeOf(bytes, { limits: { maxFileBytes: bytes.length } })).toBe('ok');
    expect(await codeOf(bytes, { limits: { maxFileBytes: bytes.length - 1 } })).toBe('file-too-large');
  });

  it('the XML caps apply to project.xml: markers, breakpoints, depth, value length', async () => {
    expect(await codeOf(bytes, { limits: { maxMarkers: 1 } })).toBe('too-many-markers');
    const tempo = buildDawproject({ tempoAutomation: { points: [{ time: 0, value: 120 }, { time: 4, value: 130 }, { time: 8, value: 140 }] } });
    expect(await codeOf(tempo, { limits: { maxBreakpoints: 3 } })).toBe('ok');
    expect(await codeOf(tempo, { limits: { maxBreakpoints: 2 } })).toBe('too-many-breakpoints');
    expect(await codeOf(bytes, { limits: { maxXmlDepth: 8 } })).toBe('xml-too-deep');
    const long = buildDawproject({ markers: { markers: [{ time: 0, name: 'x'.repeat(5000) }] } });
    expect(await codeOf(long, { limits: { maxValueBytes: 4096 } })).toBe('value-too-long');
  });

  it('parseProject gives the stored project the same way', async () => {
    const project = await parseProject(bytes);
    expect(project).toMatchObject({ daw: 'dawproject', application: 'Bitwig Studio 5.0', version: '5.0', tracklist: { markers: 'markers', clipsWhenNoMarkers: true } });
  });
});
