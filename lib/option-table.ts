/**
 * Every option of a conversion and an export, defined once. The CLI's flags and help, the API's
 * query and body schemas (and so its OpenAPI document), the page's menus and lib's own checks are
 * all derived from this table; a bad value is the same 'invalid-option' sentence everywhere.
 */
import { DawstampsError, echoValue } from './errors';
import { checkTemplate } from './exporters/template-parse';

/** Which call takes an option: timeProject/convert ('time') or exportResult ('export'). */
export type OptionStage = 'time' | 'export';

interface SpecBase {
  /** The name in lib, the API (query and JSON) and the page (camelCase). */
  name: string;
  stage: OptionStage;
  /** The CLI flag without dashes (kebab-case). */
  flag: string;
  /** One sentence for help texts and the OpenAPI document. */
  description: string;
  /** The CLI's word for the value in help texts ("MODEL", "WHERE"). */
  placeholder?: string;
}

/** One of a few words. */
export interface ChoiceSpec extends SpecBase {
  type: 'choice';
  values: readonly string[];
  /** What leaving it out means; none where that depends on another option (rounding). */
  default?: string;
  /** What the page's menu says for each value. */
  labels: Readonly<Record<string, string>>;
  /** CLI shorthands: `--ms` = `--precision ms`. */
  shorthands?: Readonly<Record<string, string>>;
}

/** On or off (CLI: `--flag` / `--no-flag`; API: true, false, 1, 0). */
export interface FlagSpec extends SpecBase {
  type: 'flag';
  default: boolean;
}

/** Free text up to `maxLength` characters. */
export interface TextSpec extends SpecBase {
  type: 'text';
  maxLength: number;
  /** Further checks of the text (the template's syntax); throws DawstampsError 'invalid-option'. */
  check?: (value: string) => void;
}

/** Where 0:00 is (parseStart), or which FL Studio arrangement (a name or a whole number). */
export interface PlaceSpec extends SpecBase {
  type: 'start' | 'arrangement';
  maxLength: number;
}

export type OptionSpec = ChoiceSpec | FlagSpec | TextSpec | PlaceSpec;

/** The options, in the order help texts list them. */
export const OPTION_SPECS = [
  {
    name: 'timing', stage: 'time', flag: 'timing', type: 'choice', placeholder: 'MODEL', values: ['auto', 'stepped', 'continuous'], default: 'auto',
    description: 'The tempo model: by DAW and version (auto), as Live up to 12.2 and FL Studio play ramps (stepped), or the exact integral (continuous).',
    labels: { auto: 'Automatic (by DAW version)', stepped: 'Stepped (as the DAW plays it)', continuous: 'Continuous (exact integral)' },
  },
  {
    name: 'start', stage: 'time', flag: 'start', type: 'start', placeholder: 'WHERE', maxLength: 500,
    description: 'Where 0:00 is: zero (default), a beat (32 or beat:32), a marker name (or locator:NAME), #N (the Nth entry), song-start or loop.',
  },
  {
    name: 'beforeStart', stage: 'time', flag: 'before-start', type: 'choice', placeholder: 'WHAT', values: ['drop', 'negative'], default: 'drop',
    description: 'Entries before the start: left out (drop) or listed with negative times (negative).',
    labels: { drop: 'Leave them out', negative: 'Negative times' },
  },
  {
    name: 'source', stage: 'time', flag: 'source', type: 'choice', placeholder: 'WHAT', values: ['auto', 'locators', 'clips'], default: 'auto',
    description: 'Where the tracklist comes from: the markers (locators), the arrangement\'s audio clips (clips), or the markers when there are any, else the clips (auto).',
    labels: { auto: 'Automatic (markers, else clips)', locators: 'Markers (Ableton: locators)', clips: 'Arrangement clips (one entry per song)' },
  },
  {
    name: 'includeDisabledClips', stage: 'time', flag: 'include-disabled', type: 'flag', default: false,
    description: 'Tracklists from clips: keep disabled clips.',
  },
  {
    name: 'includeMutedTracks', stage: 'time', flag: 'include-muted', type: 'flag', default: false,
    description: 'Tracklists from clips: keep clips on muted tracks.',
  },
  {
    name: 'clipAnchor', stage: 'time', flag: 'clip-anchor', type: 'choice', placeholder: 'WHERE', values: ['start', 'crossfade-middle'], default: 'start',
    description: 'Tracklists from clips: an entry sits at its clip\'s start, or in the middle of the crossfade into it.',
    labels: { start: 'Clip start', 'crossfade-middle': 'Middle of the crossfade' },
  },
  {
    name: 'arrangement', stage: 'time', flag: 'arrangement', type: 'arrangement', placeholder: 'NAME|N', maxLength: 500,
    description: 'Projects with several arrangements (FL Studio 12.9+): which one, by name or number; default the current one.',
  },
  {
    name: 'precision', stage: 'export', flag: 'precision', type: 'choice', placeholder: 'UNIT', values: ['s', 'ms'], default: 's',
    description: 'Times in whole seconds (s) or with milliseconds (ms).',
    labels: { s: 'Whole seconds', ms: 'Milliseconds' },
    shorthands: { ms: 'ms' },
  },
  {
    name: 'rounding', stage: 'export', flag: 'rounding', type: 'choice', placeholder: 'HOW', values: ['down', 'nearest', 'up'],
    description: 'How times are rounded to the precision: down, nearest or up (default: down to whole seconds, nearest to milliseconds).',
    labels: { down: 'Down', nearest: 'Nearest', up: 'Up' },
  },
  {
    name: 'fix', stage: 'export', flag: 'fix', type: 'flag', default: true,
    description: 'Make the list valid for its destination (YouTube\'s chapter rules), as by default; off (--no-fix): as it is, with a warning per broken rule.',
  },
  {
    name: 'cleanNames', stage: 'export', flag: 'clean-names', type: 'flag', default: false,
    description: 'Remove download junk from names (".mp3", "01. ", site tags); keeps "(Original Mix)".',
  },
  {
    name: 'title', stage: 'export', flag: 'title', type: 'text', placeholder: 'TEXT', maxLength: 500,
    description: 'The mix title (CUE TITLE, FFmpeg title); default: the project\'s file name.',
  },
  {
    name: 'performer', stage: 'export', flag: 'performer', type: 'text', placeholder: 'TEXT', maxLength: 500,
    description: 'The mix performer (CUE PERFORMER, FFmpeg artist).',
  },
  {
    name: 'audioFile', stage: 'export', flag: 'audio-file', type: 'text', placeholder: 'TEXT', maxLength: 500,
    description: 'The audio file a CUE sheet points at; default: the project\'s name with .wav.',
  },
  {
    name: 'template', stage: 'export', flag: 'template', type: 'text', placeholder: 'TEXT', maxLength: 1000, check: checkTemplate,
    description: 'The template format\'s line for each entry, e.g. "{index:02}. {artist} - {title} [{start:hh:mm:ss}]": placeholders index, name, artist, title, start, end, duration, bar, isrc; times as m:ss, mm:ss, h:mm:ss, hh:mm:ss (.ms adds milliseconds), ms or s; {{ for a brace.',
  },
] as const satisfies readonly OptionSpec[];

/** The values a choice option takes, as a type (the option types are derived from the table). */
export type ChoiceValue<N extends string> = Extract<(typeof OPTION_SPECS)[number], { name: N }> extends { values: readonly (infer V)[] } ? V : never;

/** The option names of a stage (the keys of TimeOptions and ExportOptions the table covers). */
export type OptionName<S extends OptionStage = OptionStage> = Extract<(typeof OPTION_SPECS)[number], { stage: S }>['name'];

/** The spec of an option by name. */
export const OPTION_BY_NAME: ReadonlyMap<string, OptionSpec> = new Map(OPTION_SPECS.map((s): [string, OptionSpec] => [s.name, s]));

const bad = (message: string): DawstampsError => new DawstampsError('invalid-option', message);

/**
 * Checks one option's value as a program passes it (JSON types) and returns it; throws
 * DawstampsError 'invalid-option' with the sentence every surface shows.
 */
export function checkOptionValue(spec: OptionSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'choice':
      if (typeof value !== 'string' || !spec.values.includes(value)) throw bad(`The ${spec.name} "${echoValue(value)}" is not one of ${spec.values.join(', ')}.`);
      return value;
    case 'flag':
      if (typeof value !== 'boolean') throw bad(`The ${spec.name} option must be true or false; got "${echoValue(value)}".`);
      return value;
    default: {
      // text; a start may also be a beat number, an arrangement a whole number (its index)
      if (spec.type === 'start' && typeof value === 'number') return value;
      if (spec.type === 'arrangement' && typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value !== 'string') throw bad(`The ${spec.name} must be ${TEXT_KINDS[spec.type]}.`);
      if (value.length > spec.maxLength) throw bad(`The ${spec.name} "${echoValue(value)}" is longer than ${spec.maxLength} characters.`);
      if (spec.type === 'text') spec.check?.(value);
      return value;
    }
  }
}

/** What a text-like option takes, as a sentence says it. */
const TEXT_KINDS: Record<'text' | 'start' | 'arrangement', string> = { text: 'text', start: 'a string or a number', arrangement: 'a name or a whole number' };

/**
 * Checks an options object of one stage: an object (or nothing), no name the stage does not know
 * (`also`: the names a call takes beside the table's, as fileName or limits), every value right.
 */
export function checkOptionsObject(stage: OptionStage, options: unknown, also: readonly string[] = []): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) throw bad('The options must be an object.');
  for (const name of Object.keys(options)) {
    if (OPTION_BY_NAME.get(name)?.stage !== stage && !also.includes(name)) {
      throw bad(`There is no ${stage === 'time' ? 'conversion' : 'export'} option "${echoValue(name)}".`);
    }
  }
  checkStageOptions(stage, options);
}

/** One option's value from text (a query parameter, a CLI argument) in its JSON type; throws 'invalid-option'. */
export function optionFromText(spec: OptionSpec, text: string): unknown {
  if (spec.type === 'flag') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    throw bad(`The ${spec.name} option must be true or false (or 1 or 0); got "${echoValue(text)}".`);
  }
  if (spec.type === 'arrangement' && /^\d{1,9}$/.test(text)) return Number(text);
  return checkOptionValue(spec, text);
}

/** Options by stage from text values (query parameters); unknown names are the caller's business. */
export function optionsFromText(values: Readonly<Record<string, string | undefined>>): { time: Record<string, unknown>; export: Record<string, unknown> } {
  const out = { time: {} as Record<string, unknown>, export: {} as Record<string, unknown> };
  for (const spec of OPTION_SPECS as readonly OptionSpec[]) {
    const text = values[spec.name];
    if (text !== undefined) out[spec.stage][spec.name] = optionFromText(spec, text);
  }
  return out;
}

/** Checks every option of one stage present in `options` (callers from JSON may pass anything). */
export function checkStageOptions(stage: OptionStage, options: object): void {
  const record = options as Record<string, unknown>;
  for (const spec of OPTION_SPECS as readonly OptionSpec[]) {
    if (spec.stage === stage && record[spec.name] !== undefined) checkOptionValue(spec, record[spec.name]);
  }
}
