import { resolveLimits, type Limits } from '../../../lib/limits';
import type { Project } from '../../../lib/model';
import { readFlp } from '../../../lib/readers/flstudio';

/** Reads built bytes with the default limits (or some overridden). */
export function read(bytes: Uint8Array, options: { arrangement?: string | number; limits?: Partial<Limits> } = {}): Project {
  return readFlp(bytes, { limits: resolveLimits(options.limits), ...(options.arrangement !== undefined ? { arrangement: options.arrangement } : {}) });
}

/** The error code thrown by `fn`, or 'none'. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (e) {
    return (e as { code?: string }).code ?? `not a DawstampsError: ${String(e)}`;
  }
}

/** Stepped seconds at `beat`, summed step by step (an independent check of the tempo map). */
export function steppedSeconds(bpmAt: (beat: number) => number, beat: number, step = 1 / 128): number {
  const k = Math.floor(beat / step);
  let s = 0;
  for (let i = 0; i < k; i++) s += (step * 60) / bpmAt(i * step);
  return s + ((beat - k * step) * 60) / bpmAt(k * step);
}
