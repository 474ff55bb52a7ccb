/** The CLI's command line: flags derived from lib's option table, values checked by lib (same sentences). */
import { isDawstampsError, type ConvertOptions, type ExportOptions } from '../../lib';
import { OPTION_SPECS, optionFromText, type OptionSpec } from '../../lib/option-table';
import { parseStart } from '../../lib/options';

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

/** A mistake on the command line (exit code 1); `code` is lib's error code for a bad option value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly code: string | null = null) {
    super(message);
  }
}

type ArgSpec = { type: 'string' | 'boolean'; short?: string };

const SPECS = OPTION_SPECS as readonly OptionSpec[];

/** node:util parseArgs options: the table's flags (`--no-x` for flags on by default or not), shorthands, and the CLI's own. */
function argSpecs(): Record<string, ArgSpec> {
  const specs: Record<string, ArgSpec> = {
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
    debug: { type: 'boolean' },
  };
  for (const spec of SPECS) {
    if (spec.type === 'flag') {
      specs[spec.flag] = { type: 'boolean' };
      specs[`no-${spec.flag}`] = { type: 'boolean' };
    } else {
      specs[spec.flag] = { type: 'string' };
    }
    if (spec.type === 'choice') for (const shorthand of Object.keys(spec.shorthands ?? {})) specs[shorthand] = { type: 'boolean' };
  }
  return specs;
}

/** Parses argv (without node and the script); throws UsageError. */
export function parseCommandLine(argv: string[]): CliRequest {
  // node:util is loaded at Node's start-up: no ESM import of it (each costs start-up time)
  const { parseArgs } = process.getBuiltinModule('node:util');
  const parse = () => parseArgs({ args: argv, options: argSpecs(), allowPositionals: true, strict: true });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '.') : String(e));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const stages = { time: {} as Record<string, unknown>, export: {} as Record<string, unknown> };
  for (const spec of SPECS) {
    let value: unknown;
    try {
      if (spec.type === 'flag') {
        if (v[spec.flag] === true && v[`no-${spec.flag}`] === true) throw new UsageError(`--${spec.flag} and --no-${spec.flag} contradict each other.`);
        value = v[spec.flag] === true ? true : v[`no-${spec.flag}`] === true ? false : undefined;
      } else {
        const shorthand = spec.type === 'choice' ? Object.entries(spec.shorthands ?? {}).find(([flag]) => v[flag] === true) : undefined;
        const text = typeof v[spec.flag] === 'string' ? (v[spec.flag] as string) : shorthand?.[1];
        if (text !== undefined) value = optionFromText(spec, text);
        if (spec.type === 'start' && typeof value === 'string') parseStart(value); // a malformed start is refused before any file is read
      }
    } catch (e) {
      if (isDawstampsError(e)) throw new UsageError(e.message, e.code);
      throw e;
    }
    if (value !== undefined) stages[spec.stage][spec.name] = value;
  }
  return {
    files: parsed.positionals,
    // --template alone means the template format
    format: typeof v.format === 'string' ? v.format : stages.export.template !== undefined ? 'template' : 'text',
    convert: stages.time as ConvertOptions,
    export: stages.export as ExportOptions,
    help: v.help === true,
    version: v.version === true,
    debug: v.debug === true,
  };
}
