/** An upload read once: the stored project document and the job's result (lib only, any runtime). */
import { isDawstampsError, parseProject, projectToJson, timeProject, type ConvertOptions, type Result } from '../../lib/index';

/** Why a job's own options could not be applied to its file; `bug`: an untyped error's stack, for the log only. */
export interface TimingError {
  error: { code: string; message: string };
  bug?: string;
}

/**
 * What reading an upload gives: the project as JSON text (to store), and the result for the job's
 * own options without the tempo breakpoints (they stay in the project) — or, when those options do
 * not apply to this file (a start marker it does not have), why not. The project is kept either way:
 * parsed once, it can be timed with any other options.
 */
export interface ReadUploadOutput {
  project: string;
  timed: { result: Result } | TimingError;
}

/** Reads one upload (the conversion a job stores). A file that cannot be parsed throws its DawstampsError. */
export type ReadUpload = (bytes: Uint8Array, options: ConvertOptions) => Promise<ReadUploadOutput>;

/** The ReadUpload of this thread (the threaded one runs this in a conversion thread). */
export async function readUpload(bytes: Uint8Array, options: ConvertOptions): Promise<ReadUploadOutput> {
  const parsed = await parseProject(bytes, options);
  const project = JSON.stringify(projectToJson(parsed));
  try {
    return { project, timed: { result: timeProject(parsed, { ...options, tempoPoints: false }) } };
  } catch (e) {
    if (isDawstampsError(e)) return { project, timed: { error: { code: e.code, message: e.message } } };
    return {
      project,
      timed: { error: { code: 'internal-error', message: 'The converter failed to time this file; the fault has been logged.' }, bug: e instanceof Error ? e.stack ?? e.message : String(e) },
    };
  }
}
