/** The --help text, with the format list taken from the exporters registry. */
import { exportFormats, listFormats } from '../../lib';

/** The usage text printed by --help. */
export function helpText(): string {
  const formats = exportFormats.map((f) => `    ${f.id.padEnd(11)} ${f.label}`).join('\n');
  const inputs = listFormats()
    .map((f) => `${f.label} (${f.extensions.join(', ')})`)
    .join(', ');
  return `Usage: dawstamps [options] FILE...

Prints the timestamped tracklist of each project: ${inputs}.

Options:
  -f, --format NAME       output format (default text):
${formats}
  --timing MODEL          auto (default: by DAW version), stepped or continuous
  --start WHERE           where 0:00 is: a beat (32, beat:32), a locator name (or
                          locator:NAME), #N (the Nth marker), song-start, loop, zero
  --before-start WHAT     markers before the start: drop (default) or negative
  --ms                    milliseconds (mm:ss.mmm)
  --rounding HOW          down, nearest or up (whole seconds: default down)
  --source WHAT           tracklist from auto, locators or clips
  --include-disabled      clips source: keep disabled clips
  --include-muted         clips source: keep clips on muted tracks
  --clip-anchor WHERE     clips source: start or crossfade-middle
  --arrangement NAME|N    FL Studio: which arrangement
  --no-fix                emit chapters as they are (warn instead of fixing)
  --clean-names           remove download junk from names
  --title, --performer, --audio-file TEXT
                          mix title, performer and audio file (CUE, FFmpeg)
  --debug                 show stack traces
  -h, --help              this text
  -v, --version           the version

Exit status: 0 all files converted, 2 some file could not be, 1 usage error.
`;
}
