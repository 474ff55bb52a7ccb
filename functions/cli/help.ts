/** The --help text: formats from the exporters registry, inputs from the readers, options from lib's option table. */
import { exportFormats, listFormats } from '../../lib';
import { OPTION_SPECS, type OptionSpec } from '../../lib/option-table';

const WIDTH = 100;
const INDENT = 26;

/** `text` wrapped to the help's width, every line after the first indented to the description column. */
function wrap(text: string, first: string): string {
  const lines: string[] = [];
  let line = first.padEnd(INDENT);
  for (const word of text.split(' ')) {
    if (line.length + word.length > WIDTH && line.trim().length > 0 && line.length > INDENT) {
      lines.push(line.trimEnd());
      line = ' '.repeat(INDENT);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function optionLine(spec: OptionSpec): string {
  if (spec.type === 'flag') {
    const flag = spec.default ? `--no-${spec.flag}` : `--${spec.flag}`;
    return wrap(spec.description, `  ${flag}`);
  }
  const values = spec.type === 'choice' ? ` One of ${spec.values.join(', ')}${spec.default ? `; default ${spec.default}` : ''}.` : '';
  const shorthands = spec.type === 'choice' && spec.shorthands ? Object.entries(spec.shorthands).map(([flag, value]) => ` --${flag} = --${spec.flag} ${value}.`).join('') : '';
  return wrap(`${spec.description}${values}${shorthands}`, `  --${spec.flag} ${spec.placeholder ?? 'VALUE'}`);
}

/** The usage text printed by --help. */
export function helpText(): string {
  const width = Math.max(...exportFormats.map((f) => f.id.length)) + 1;
  const formats = exportFormats.map((f) => `    ${f.id.padEnd(width)} ${f.label}`).join('\n');
  const inputs = listFormats()
    .map((f) => `${f.label} (${f.extensions.join(', ')})`)
    .join(', ');
  const specs = OPTION_SPECS as readonly OptionSpec[];
  return `Usage: dawstamps [options] FILE...

Prints the timestamped tracklist of each project: ${inputs}.

Options:
  -f, --format NAME       output format (default text):
${formats}
${specs.filter((s) => s.stage === 'time').map(optionLine).join('\n')}
${specs.filter((s) => s.stage === 'export').map(optionLine).join('\n')}
  --debug                 show stack traces, and the technical details of warnings
  -h, --help              this text
  -v, --version           the version

Exit status: 0 all files converted, 2 some file could not be, 1 usage error.
`;
}
