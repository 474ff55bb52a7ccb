/** Reads a DAWproject file: ZIP → project.xml inflated piece by piece → streaming extractor → the common Project. */
import { DawstampsError } from '../../errors';
import type { ByteSource } from '../../input';
import type { Project } from '../../model';
import { XmlByteReader, XmlExtractor } from '../../xml';
import type { ReadOptions } from '../types';
import { buildProject } from './build';
import { collectRules } from './collect';
import { emptyRawProject, type RawProject } from './raw';
import { findProject, inflateEntry, PROJECT_ENTRY } from './zip';

/** Reads a .dawproject (whole bytes, or a source collected first: a ZIP needs random access) into the common model. */
export async function readDawproject(input: Uint8Array | ByteSource, options: ReadOptions): Promise<Project> {
  const bytes = input instanceof Uint8Array ? input : await input.readAll();
  return buildProject(await scanProject(bytes, options));
}

/** The streaming pass over project.xml: the archive's other entries are never inflated. */
async function scanProject(bytes: Uint8Array, options: ReadOptions): Promise<RawProject> {
  const { limits } = options;
  const { entry, duplicates } = await findProject(bytes, limits);
  const raw = emptyRawProject();
  const extractor = new XmlExtractor(collectRules(raw, limits), limits);
  const sink = new XmlByteReader(extractor, limits.maxInflatedBytes);
  try {
    await inflateEntry(entry, (chunk) => sink.write(chunk));
    sink.end();
  } catch (e) {
    if (e instanceof DawstampsError && e.code === 'inflated-too-large') {
      throw new DawstampsError('inflated-too-large', `The ${PROJECT_ENTRY} inside the DAWproject inflates to more than the limit of ${limits.maxInflatedBytes} bytes; dawstamps stopped there.`, e.details);
    }
    throw e;
  }
  if (extractor.rootName !== 'Project') {
    throw new DawstampsError('not-a-project', `The ZIP archive holds a ${PROJECT_ENTRY}, but its root element is <${(extractor.rootName ?? '').slice(0, 60)}>, not <Project>, so it is not a DAWproject file.`);
  }
  raw.counts.duplicateEntries = duplicates;
  return raw;
}
