/**
 * Shared pieces of the fuzz suite: a seeded PRNG, the case budget, and the one check every case
 * passes — convert() returns a sane Result or throws a DawstampsError with a known code and a
 * one-line sentence; anything else (a TypeError, a RangeError, NaN seconds, a hang) fails.
 *
 *   FUZZ_SEED=7 FUZZ_CASES=50000 npx vitest run test/fuzz     (npm run fuzz)
 */
import { expect } from 'vitest';
import { convert, isDawstampsError, type ConvertOptions, type Result } from '../../lib/index';
import type { ErrorCode } from '../../lib/errors';

/** Every ErrorCode; the type check below fails when lib/errors.ts gains one this list lacks. */
export const KNOWN_CODES = [
  'empty-file', 'not-a-project', 'corrupt-file', 'unsupported-version', 'unsupported-format', 'invalid-option',
  'file-too-large', 'inflated-too-large', 'unsafe-xml', 'xml-too-deep', 'value-too-long', 'too-many-markers',
  'too-many-breakpoints', 'too-many-events', 'too-many-entries', 'timeout', 'export-failed', 'empty-tracklist', 'invalid-project',
] as const satisfies readonly ErrorCode[];
type Unlisted = Exclude<ErrorCode, (typeof KNOWN_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

/** The seed of this run (FUZZ_SEED, default 20261126). */
export const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126) >>> 0;

/** Total cases of the whole suite (FUZZ_CASES, default 4000); each file takes its share. */
export const TOTAL_CASES = Math.max(100, Number(process.env['FUZZ_CASES'] ?? 4000) || 4000);

/** The number of cases for a share (0…1) of the total, at least `min`. */
export function casesFor(share: number, min = 1): number {
  return Math.max(min, Math.round(TOTAL_CASES * share));
}

/** Vitest's timeout for one fuzz test: the default 30 s, more when FUZZ_CASES asks for a long run. */
export const FUZZ_TIMEOUT = Math.max(30_000, TOTAL_CASES * 25);

/** The hang guard: no single case may take this long (a generous bound, not a speed test). */
export const HANG_MS = 5000;

/** A seeded PRNG (mulberry32) with the helpers the mutators need. */
export interface Rng {
  (): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
}

/** A PRNG for one test: the run's seed mixed with the test's own salt, so tests stay independent. */
export function rng(salt: number): Rng {
  let a = (SEED ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = next as Rng;
  r.int = (n) => Math.floor(next() * n);
  r.pick = (list) => list[Math.floor(next() * list.length)]!;
  return r;
}

/** What the cases of one test came to: outcome counts and the slowest case. */
export class Tally {
  readonly counts = new Map<string, number>();
  cases = 0;
  slowestMs = 0;
  slowestLabel = '';

  /** Runs one case through `safeConvert`, counting its outcome and timing it. */
  async run(label: string, bytes: Uint8Array, options: ConvertOptions = {}): Promise<string> {
    const started = performance.now();
    const outcome = await safeConvert(bytes, options, label);
    const ms = performance.now() - started;
    this.cases++;
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    if (ms > this.slowestMs) {
      this.slowestMs = ms;
      this.slowestLabel = label;
    }
    return outcome;
  }

  /** Asserts the hang guard and that every case was counted. */
  finish(expected: number): void {
    expect(this.cases).toBe(expected);
    expect(this.slowestMs, `slowest case: ${this.slowestLabel}`).toBeLessThan(HANG_MS);
  }

  /** One line for the log: counts by outcome and the slowest case. */
  summary(): string {
    const parts = [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
    return `${this.cases} cases (${parts.join(', ')}); slowest ${this.slowestMs.toFixed(0)} ms (${this.slowestLabel})`;
  }
}

/** 'ok' or the error code; fails the test for an untyped throw, a bad message or a broken result. */
export async function safeConvert(bytes: Uint8Array, options: ConvertOptions, label: string): Promise<string> {
  let result: Result;
  try {
    result = await convert(bytes, options);
  } catch (e) {
    if (!isDawstampsError(e)) {
      throw new Error(`[${label}] threw something other than a DawstampsError: ${e instanceof Error ? e.stack : String(e)}`);
    }
    checkError(e, label);
    return e.code;
  }
  checkResult(result, options, label);
  return 'ok';
}

/** A known code and a message that is one sentence: non-empty, one line, no stack frames. */
export function checkError(e: { code: string; message: string }, label: string): void {
  const where = `[${label}] ${e.code}: ${JSON.stringify(e.message)}`;
  if (!(KNOWN_CODES as readonly string[]).includes(e.code)) throw new Error(`${where} — unknown error code`);
  if (e.message.trim().length < 10) throw new Error(`${where} — the message is not a sentence`);
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(e.message)) throw new Error(`${where} — the message spans several lines or holds control characters`);
  if (e.message.length > 600) throw new Error(`${where.slice(0, 300)}… — the message is ${e.message.length} characters long`);
  if (/\bat .+:\d+:\d+\)?/.test(e.message)) throw new Error(`${where} — the message holds a stack frame`);
}

/** Finite times, none negative unless asked for, markers in time order. */
export function checkResult(r: Result, options: ConvertOptions, label: string): void {
  const fail = (what: string): never => {
    throw new Error(`[${label}] result: ${what}`);
  };
  const negativeOk = options.beforeStart === 'negative';
  for (const list of [r.markers, r.otherMarkers]) {
    let previous = -Infinity;
    for (const m of list) {
      if (typeof m.name !== 'string') fail(`a marker name is ${typeof m.name}`);
      if (!Number.isFinite(m.beat) || !Number.isFinite(m.seconds)) fail(`marker "${m.name}" at beat ${m.beat} has seconds ${m.seconds}`);
      if (!negativeOk && m.seconds < 0) fail(`marker "${m.name}" has negative seconds ${m.seconds}`);
      if (m.seconds < previous) fail(`marker "${m.name}" at ${m.seconds} s comes after one at ${previous} s`);
      if (m.endSeconds !== undefined && m.endSeconds !== null && !Number.isFinite(m.endSeconds)) fail(`marker "${m.name}" ends at ${m.endSeconds}`);
      if (list === r.markers && (m.endSeconds === undefined || m.durationSeconds !== (m.endSeconds === null ? null : m.endSeconds - m.seconds))) {
        fail(`entry "${m.name}" has end ${m.endSeconds} and duration ${m.durationSeconds}`);
      }
      previous = m.seconds;
    }
  }
  if (r.durationSeconds !== null && !Number.isFinite(r.durationSeconds)) fail(`durationSeconds is ${r.durationSeconds}`);
  if (!Number.isFinite(r.tempo.initialBpm) || r.tempo.initialBpm <= 0) fail(`initial tempo ${r.tempo.initialBpm}`);
  for (const [beat, bpm] of r.tempo.points ?? []) if (!Number.isFinite(beat) || !Number.isFinite(bpm) || !(bpm > 0)) fail(`tempo point ${beat} → ${bpm}`);
  if (!Number.isFinite(r.start.beat)) fail(`start beat ${r.start.beat}`);
  JSON.stringify(r); // every result must serialise
}
