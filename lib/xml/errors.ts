import { DawstampsError } from '../errors';

/** A 'corrupt-file' error for broken XML; `what` says what is wrong, quoting the file. */
export function broken(what: string): DawstampsError {
  // `what` quotes the file, which may hold megabyte names, line breaks or control characters: one short line
  const shown = (what.length > 200 ? `${what.slice(0, 200)}…` : what).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return new DawstampsError('corrupt-file', `The XML is broken: ${shown}.`);
}
