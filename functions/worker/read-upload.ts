/** An upload read once: the stored project document and the job's result (lib only, any runtime). */
import { parseProject, projectToJson, timeProject, type ConvertOptions, type Result } from '../../lib/index';

/** What reading an upload gives: the project as JSON text (to store) and the result for the job's options. */
export interface ReadUploadOutput {
  project: string;
  /** The result for the job's own options, without the tempo breakpoints (they stay in the project). */
  result: Result;
}

/** Reads one upload (the conversion a job stores). Converter errors are DawstampsErrors. */
export type ReadUpload = (bytes: Uint8Array, options: ConvertOptions) => Promise<ReadUploadOutput>;

/** The ReadUpload of this thread (the threaded one runs this in a conversion thread). */
export async function readUpload(bytes: Uint8Array, options: ConvertOptions): Promise<ReadUploadOutput> {
  const project = await parseProject(bytes, options);
  return { project: JSON.stringify(projectToJson(project)), result: timeProject(project, { ...options, tempoPoints: false }) };
}
