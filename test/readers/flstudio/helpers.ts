import { resolveLimits, type Limits } from '../../../lib/limits';
import { readFlp } from '../../../lib/readers/flstudio';
import { chooseTimeline } from '../../../lib/timeline';
import { flatten, type FlatProject } from '../../helpers/project';

/**
 * Reads built bytes with the default limits (or some overridden), flattened for assertions: the
 * project's fields and those of the arrangement `arrangement` names (default: the current one).
 */
export function read(bytes: Uint8Array, options: { arrangement?: string | number; limits?: Partial<Limits> } = {}): FlatProject {
  const project = readFlp(bytes, { limits: resolveLimits(options.limits) });
  const { timeline, warnings } = chooseTimeline(project, options.arrangement);
  const flat = flatten(project, project.timelines.indexOf(timeline));
  return { ...flat, warnings: [...flat.warnings, ...warnings] };
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
