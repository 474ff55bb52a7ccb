/** The CLI's behaviour, with its I/O passed in: convert each file, print, pick the exit code. */
import { convert, DEFAULT_LIMITS, exporters, exportResult, isDawstampsError, type ConvertInput, type Inflate, type Result, type Warning } from '../../lib';
import { echoValue } from '../../lib/errors';
import { parseCommandLine, UsageError, type CliRequest } from './args';
import { helpText } from './help';

/** Where the CLI reads and writes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's bytes or a stream of them; `maxBytes` is the size limit (fail early past it). */
  readFile(path: string, maxBytes: number): Promise<ConvertInput>;
  /** Gzip inflater for .als files (node:zlib on Node). */
  inflate?: Inflate;
  version: string;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_FAILED = 2;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** A file name as printed: quoted as JSON when it holds line breaks or control characters. */
const shownPath = (path: string): string => (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path) ? JSON.stringify(path) : path);
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

function describe(error: unknown, debug: boolean): { code: string; message: string; stack?: string } {
  if (isDawstampsError(error)) return { code: error.code, message: `${error.message}${debug && error.details ? ` [${JSON.stringify(error.details)}]` : ''}`, ...(debug && error.stack ? { stack: error.stack } : {}) };
  const nodeCode = (error as { code?: unknown }).code;
  if (nodeCode === 'ENOENT') return { code: 'file-not-found', message: 'There is no such file.' };
  if (nodeCode === 'EISDIR') return { code: 'not-a-file', message: 'This is a folder, not a file.' };
  if (nodeCode === 'EACCES') return { code: 'permission-denied', message: 'The file cannot be read (permission denied).' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal-error', message: `Unexpected failure: ${message}`, ...(debug && error instanceof Error && error.stack ? { stack: error.stack } : {}) };
}

function printWarnings(io: CliIo, file: string, warnings: Warning[], debug = false): void {
  for (const w of warnings) io.stderr(`dawstamps: ${shownPath(file)}: warning (${w.code}): ${oneLine(w.message)}${debug && w.detail ? ` [${oneLine(w.detail)}]` : ''}\n`);
}

async function convertOne(io: CliIo, request: CliRequest, path: string): Promise<Result | null> {
  try {
    const input = await io.readFile(path, request.convert.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes);
    // only the JSON output shows the tempo breakpoints (a set may hold 100,000: start-up time)
    const result = await convert(input, { ...request.convert, fileName: baseName(path), tempoPoints: request.format === 'json', ...(io.inflate ? { inflate: io.inflate } : {}) });
    printWarnings(io, path, result.warnings, request.debug);
    return result;
  } catch (error) {
    const { code, message, stack } = describe(error, request.debug);
    io.stderr(`dawstamps: ${shownPath(path)}: ${code}: ${oneLine(message)}\n`);
    if (stack) io.stderr(`${stack}\n`);
    return null;
  }
}

/** Runs one invocation; returns the exit code (0 ok, 1 usage, 2 a file failed). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let request: CliRequest;
  try {
    request = parseCommandLine(argv);
    if (!request.help && !request.version && !Object.hasOwn(exporters, request.format)) {
      throw new UsageError(`Unknown export format "${echoValue(request.format)}". Use one of: ${Object.keys(exporters).join(', ')}.`, 'invalid-option');
    }
    if (!request.help && !request.version && request.files.length === 0) throw new UsageError('Give at least one project file.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`dawstamps: ${error.code ? `${error.code}: ` : ''}${oneLine(error.message)}\nTry: dawstamps --help\n`);
    return EXIT_USAGE;
  }
  if (request.help) {
    io.stdout(helpText());
    return EXIT_OK;
  }
  if (request.version) {
    io.stdout(`${io.version}\n`);
    return EXIT_OK;
  }

  let failed = false;
  const results: Result[] = [];
  const several = request.files.length > 1;
  for (const path of request.files) {
    const result = await convertOne(io, request, path);
    if (!result) {
      failed = true;
      continue;
    }
    if (request.format === 'json') {
      results.push(result);
      continue;
    }
    try {
      const out = exportResult(result, request.format, request.export);
      printWarnings(io, path, out.warnings);
      io.stdout(several ? `==> ${shownPath(path)} <==\n${out.text}\n` : out.text);
    } catch (error) {
      const { code, message } = describe(error, request.debug);
      io.stderr(`dawstamps: ${shownPath(path)}: ${code}: ${oneLine(message)}\n`);
      failed = true;
    }
  }
  // json: the result exactly as lib returns it; an array (of the files that converted) for several
  if (request.format === 'json') {
    if (several) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else if (results[0]) io.stdout(`${JSON.stringify(results[0], null, 2)}\n`);
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
