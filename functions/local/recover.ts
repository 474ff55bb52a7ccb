/** Restart recovery of the local mode: uploads that have no result yet are queued again. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobKeys, JobRecord } from '../jobs';
import { isJobId } from '../jobs';
import { objectCreatedBody } from '../queue/s3-event';
import type { LocalStorage } from '../storage/local-storage';

/** Finds every job whose upload is stored but whose result is not, and sends its notification again. */
export async function requeuePending(storage: LocalStorage, keys: JobKeys, jobPrefix: string, send: (body: string) => void): Promise<number> {
  const dir = join(storage.dataDir, jobPrefix);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let count = 0;
  for (const name of names) {
    const jobId = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !isJobId(jobId)) continue;
    const record = JSON.parse(await readFile(join(dir, name), 'utf8')) as JobRecord;
    const upload = await storage.head(record.uploadKey);
    if (!upload || (await storage.head(keys.result(jobId)))) continue;
    send(objectCreatedBody(storage.bucketName, record.uploadKey, upload.size));
    count += 1;
  }
  return count;
}
