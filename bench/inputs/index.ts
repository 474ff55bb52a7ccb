/**
 * Writes the bench inputs into a folder (git-ignored .bench/inputs), each once: a manifest keeps
 * a key per file (the generators' sources + parameters), so a file is rebuilt only when either changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAls, writeAls } from '../../test/helpers/als-builder';
import { bigSet, hugeSet, smallSet, tempoSet, type AlsInput, type Expected } from './ableton';
import { bigFlp, tempoFlp } from './flstudio';

/** One generated file, as the cases see it. */
export interface BenchInput {
  file: string;
  /** Bytes on disk. */
  bytes: number;
  /** Bytes of XML inside (Ableton). */
  xmlBytes?: number;
  /** Markers exactly, tempo points at least. */
  expected: Expected;
}

/** How big to make everything: `full` meets the issue's sizes, `quick` is for trying the bench out. */
export interface InputSizes {
  bigScale: number;
  /** Tracks of the 1 GB-XML set (see hugeSet). */
  hugeTracks: number;
  tempoBreakpoints: number;
  flpBytes: number;
  flpTempoPoints: number;
}

export const FULL_SIZES: InputSizes = { bigScale: 1, hugeTracks: 2_925, tempoBreakpoints: 100_000, flpBytes: 100e6, flpTempoPoints: 100_000 };
export const QUICK_SIZES: InputSizes = { bigScale: 0.05, hugeTracks: 60, tempoBreakpoints: 10_000, flpBytes: 5e6, flpTempoPoints: 10_000 };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['bench/inputs/ableton.ts', 'bench/inputs/flstudio.ts', 'bench/inputs/index.ts', 'test/helpers/als-builder.ts', 'test/helpers/als-parts.ts', 'test/helpers/als-junk.ts', 'test/helpers/flp-builder.ts'];

type Manifest = Record<string, BenchInput & { key: string }>;

function sourceHash(): string {
  const h = createHash('sha256');
  for (const s of SOURCES) h.update(readFileSync(join(ROOT, s)));
  return h.digest('hex');
}

/** Makes (or reuses) the inputs; `huge` adds the 1 GB-XML set. `log` hears what is being generated. */
export async function ensureInputs(dir: string, sizes: InputSizes, huge: boolean, log: (line: string) => void): Promise<Record<string, BenchInput>> {
  mkdirSync(dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const sources = sourceHash();
  const out: Record<string, BenchInput> = {};

  async function input(name: string, file: string, params: unknown, make: (path: string) => Promise<Omit<BenchInput, 'file'>>): Promise<void> {
    const path = join(dir, file);
    const key = createHash('sha256').update(sources).update(JSON.stringify(params)).digest('hex');
    const known = manifest[name];
    if (known && known.key === key && existsSync(path)) {
      out[name] = { ...known, file: path };
      return;
    }
    const t = performance.now();
    log(`generating ${file} …`);
    const made = { ...(await make(path)), file: path };
    log(`generated ${file}: ${made.bytes >= 1e6 ? `${(made.bytes / 1e6).toFixed(1)} MB` : `${(made.bytes / 1e3).toFixed(1)} KB`} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    manifest[name] = { ...made, key };
    out[name] = made;
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  const streamed = (set: AlsInput) => async (path: string) => {
    const { xmlBytes, fileBytes } = await writeAls(path, set.options);
    return { bytes: fileBytes, xmlBytes, expected: set.expected };
  };
  const small = (set: AlsInput) => async (path: string) => {
    const xml = buildAls(set.options, { gzip: false });
    const gz = buildAls(set.options);
    writeFileSync(path, gz);
    return { bytes: gz.length, xmlBytes: xml.length, expected: set.expected };
  };
  const flp = (make: () => { bytes: Uint8Array; expected: Expected }) => async (path: string) => {
    const { bytes, expected } = make();
    writeFileSync(path, bytes);
    return { bytes: bytes.length, expected };
  };

  await input('small', 'small.als', 1, small(smallSet()));
  await input('tempo', 'tempo.als', sizes.tempoBreakpoints, small(tempoSet(sizes.tempoBreakpoints)));
  await input('big', 'big.als', sizes.bigScale, streamed(bigSet(sizes.bigScale)));
  if (huge) await input('huge', 'huge.als', sizes.hugeTracks, streamed(hugeSet(sizes.hugeTracks)));
  await input('flpBig', 'big.flp', sizes.flpBytes, flp(() => bigFlp(sizes.flpBytes)));
  await input('flpTempo', 'tempo.flp', sizes.flpTempoPoints, flp(() => tempoFlp(sizes.flpTempoPoints)));
  return out;
}
