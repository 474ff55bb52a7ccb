/**
 * Writing a job's one outcome, and knowing whose stands. The outcome is created with
 * If-None-Match: the first upload of a job wins. But S3 may store a conditional PUT and lose its
 * answer (a 500, a reset connection): the SDK's retry then hears 412 as if another upload had won,
 * and a worker that believed it would delete the very project its stored outcome names. So the
 * stored outcome is read back, never guessed, and this worker's project is deleted only when the
 * outcome that stands is another one.
 */
import type { JobOutcome } from '../jobs';
import type { Storage } from '../storage';

/** Whose outcome stands: this worker's (also after a lost answer) or an earlier upload's. */
export type Standing = 'ours' | 'theirs';

async function storedText(storage: Storage, key: string): Promise<string | null> {
  const object = await storage.get(key);
  return object ? new TextDecoder().decode(object.body) : null;
}

/**
 * Creates `key` with the outcome; `projectKey` is the project stored for it (null for a failure).
 * When another outcome stands, the project is deleted. When the write fails, the project is
 * deleted too if no outcome names it (best effort: results/ expire after 7 days, the backstop),
 * and the error is thrown, so the message is retried. Storage faults while reading back throw.
 */
export async function storeOutcome(storage: Storage, key: string, outcome: JobOutcome, projectKey: string | null): Promise<Standing> {
  const text = JSON.stringify(outcome);
  let created: boolean;
  try {
    created = await storage.create(key, text, 'application/json');
  } catch (e) {
    // The write may have happened with its answer lost, or not at all: the stored outcome says.
    const stored = await storedText(storage, key).catch(() => undefined); // undefined: cannot tell, keep the project
    if (stored === text) return 'ours';
    if (stored !== undefined && projectKey !== null) await storage.delete(projectKey).catch(() => {});
    if (stored === undefined || stored === null) throw e;
    return 'theirs';
  }
  if (created) return 'ours';
  // 412: an outcome is there. Ours (the project in it is this worker's, unique), or an earlier one.
  const stored = await storedText(storage, key);
  if (stored === text) return 'ours';
  if (stored === null) throw new Error(`The outcome ${key} was there a moment ago and is not now.`);
  if (projectKey !== null) await storage.delete(projectKey);
  return 'theirs';
}
