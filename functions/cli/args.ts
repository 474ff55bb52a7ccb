/** The CLI's command line: node:util parseArgs, then the lib's own option checks. */
import { parseStart, type ConvertOptions, type ExportOptions } from '../../lib';

/** What one invocation asks for. */
export interface CliRequest {
  files: string[];
  format: string;
  convert: ConvertOptions;
  export: ExportOptions;
  help: boolean;
  version: boolean;
  debug: boolean;
}

/** A mistake on the command line (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  timing: { type: 'string' },
  start: { type: 'string' },
  'before-start': { type: 'string' },
  ms: { type: 'boolean' },
  rounding: { type: 'string' },
  arrangement: { type: 'string' },
  source: { type: 'string' },
  'include-disabled': { type: 'boolean' },
  'include-muted': { type: 'boolean' },
  'clip-anchor': { type: 'string' },
  'no-fix': { type: 'boolean' },
  'clean-names': { type: 'boolean' },
  title: { type: 'string' },
  performer: { type: 'string' },
  'audio-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  debug: { type: 'boolean' },
} as const;

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

/** Parses argv (without node and the script); throws UsageError. */
export function parseCommandLine(argv: string[]): CliRequest {
  // node:util is loaded at Node's start-up: no ESM import of it (each costs start-up time)
  const { parseArgs } = process.getBuiltinModule('node:util');
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '.') : String(e));
  }
  const v = parsed.values;
  const convert: ConvertOptions = {};
  const timing = choice('timing', v.timing, ['auto', 'stepped', 'continuous'] as const);
  if (timing) convert.timing = timing;
  if (v.start !== undefined) {
    try {
      parseStart(v.start);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    convert.start = v.start;
  }
  const beforeStart = choice('before-start', v['before-start'], ['drop', 'negative'] as const);
  if (beforeStart) convert.beforeStart = beforeStart;
  const source = choice('source', v.source, ['auto', 'locators', 'clips'] as const);
  if (source) convert.source = source;
  const anchor = choice('clip-anchor', v['clip-anchor'], ['start', 'crossfade-middle'] as const);
  if (anchor) convert.clipAnchor = anchor;
  if (v.arrangement !== undefined) convert.arrangement = /^\d+$/.test(v.arrangement) ? Number(v.arrangement) : v.arrangement;
  if (v['include-disabled']) convert.includeDisabledClips = true;
  if (v['include-muted']) convert.includeMutedTracks = true;

  const exportOptions: ExportOptions = {};
  if (v.ms) exportOptions.precision = 'ms';
  const rounding = choice('rounding', v.rounding, ['down', 'nearest', 'up'] as const);
  if (rounding) exportOptions.rounding = rounding;
  if (v['no-fix']) exportOptions.fix = false;
  if (v['clean-names']) exportOptions.cleanNames = true;
  if (v.title !== undefined) exportOptions.title = v.title;
  if (v.performer !== undefined) exportOptions.performer = v.performer;
  if (v['audio-file'] !== undefined) exportOptions.audioFile = v['audio-file'];

  return {
    files: parsed.positionals,
    format: v.format ?? 'text',
    convert,
    export: exportOptions,
    help: v.help === true,
    version: v.version === true,
    debug: v.debug === true,
  };
}
