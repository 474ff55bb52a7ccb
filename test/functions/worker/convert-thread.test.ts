/** Conversions in a thread with a wall-time limit, using the built bundle (dist/server.js) as the thread script. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jobKeys, type JobRecord } from '../../../functions/jobs';
import { convertThread, MAX_CONVERTS } from '../../../functions/node/convert-thread';
import { convert, projectFromJson, timeProject } from '../../../lib';
import { createLocalStorage } from '../../../functions/storage/local-storage';
import { createWorkerHandler } from '../../../functions/worker/handler';
import { batch, createdRecord } from '../../helpers/functions/events';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { REPO } from '../../helpers/functions/server-process';

const script = pathToFileURL(join(REPO, 'dist/server.js'));

describe('the conversion thread', () => {
  it('reads an upload into the stored project and the job\'s result (no tempo points), as lib does', async () => {
    const { readUpload } = convertThread(script, 20_000);
    const read = await readUpload(fixture('ableton/automation.als'), { fileName: 'a.als', timing: 'continuous' });
    const direct = await convert(fixture('ableton/automation.als'), { fileName: 'a.als', timing: 'continuous' });
    const { tempo: { points: _points, ...tempo }, ...rest } = direct;
    expect(read.timed).toEqual({ result: { ...rest, tempo } });
    expect(timeProject(projectFromJson(JSON.parse(read.project)), { fileName: 'a.als', timing: 'continuous' })).toEqual(direct);
  });

  it('converts in one reused thread, in order, with the same results as convert()', async () => {
    const run = convertThread(script, 20_000, 3).convert;
    const [a, b, c] = await Promise.all([
      run(fixture('ableton/automation.als'), { fileName: 'a.als' }),
      run(fixture('ableton/junk.als'), {}).catch((e: unknown) => e),
      run(fixture('flstudio/fl-markers.flp'), { fileName: 'c.flp' }),
    ]);
    expect(a.source.file).toBe('a.als');
    expect(markersMatch(a.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    expect(b).toMatchObject({ code: 'not-a-project' });
    expect((c as { source: { daw: string } }).source.daw).toBe('flstudio');
    expect(markersMatch((c as typeof a).markers, expectedMarkers('flstudio/fl-markers.flp'))).toBe(true);
  });

  it('moves bytes that own their buffer to the thread (no copy) and copies a slice of a larger one', async () => {
    const run = convertThread(script, 20_000).convert;
    const own = new Uint8Array(fixture('ableton/automation.als'));
    const length = own.byteLength;
    const moved = await run(own, {});
    expect(markersMatch(moved.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    expect(own.byteLength).toBe(0); // detached: handed over
    const big = new Uint8Array(length + 10);
    big.set(fixture('ableton/automation.als'), 10);
    const slice = big.subarray(10);
    expect((await run(slice, {})).markers).toEqual(moved.markers);
    expect(slice.byteLength).toBe(length); // still the caller's
  });

  it('holds at most MAX_CONVERTS POST /v1/convert calls; one more is refused at once (503 busy, Retry-After), while uploads still wait their turn', async () => {
    const thread = convertThread(script, 20_000);
    const held = Array.from({ length: MAX_CONVERTS }, () => thread.convert(fixture('ableton/automation.als'), {}));
    const started = Date.now();
    await expect(thread.convert(fixture('ableton/automation.als'), {})).rejects.toMatchObject({ status: 503, code: 'busy', headers: { 'Retry-After': '20' } });
    expect(Date.now() - started).toBeLessThan(100); // refused, not queued
    const upload = thread.readUpload(fixture('ableton/automation.als'), { fileName: 'a.als' });
    for (const result of await Promise.all(held)) expect(markersMatch(result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    expect('result' in (await upload).timed).toBe(true);
    // room again once they are done
    expect((await thread.convert(fixture('ableton/automation.als'), {})).markers.length).toBeGreaterThan(0);
  });

  it('keeps the converter\'s typed errors', async () => {
    await expect(convertThread(script, 20_000).convert(fixture('ableton/junk.als'), {})).rejects.toMatchObject({ name: 'DawstampsError', code: 'not-a-project' });
  });

  it('stops a conversion at the time limit with DawstampsError timeout', async () => {
    const started = Date.now();
    await expect(convertThread(script, 1).convert(fixture('ableton/live9-automation.als'), {})).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a conversion over the limit becomes the job\'s failure (timeout), not a retry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-thread-'));
    try {
      const storage = await createLocalStorage({ dataDir: dir });
      const keys = jobKeys('uploads/', 'results/', 'jobs/');
      const jobId = 'e'.repeat(32);
      const key = keys.upload(jobId, 'slow.als');
      const record: JobRecord = { jobId, fileName: 'slow.als', uploadKey: key, options: {}, createdAt: '', expiresAt: '' };
      await storage.put(keys.record(jobId), JSON.stringify(record), 'application/json');
      await storage.put(key, fixture('ableton/live9-automation.als'), 'x');
      const out = await createWorkerHandler({ storage, keys, readUpload: convertThread(script, 1).readUpload })(batch(createdRecord(key)));
      expect(out.batchItemFailures).toEqual([]);
      const stored = JSON.parse(new TextDecoder().decode((await storage.get(keys.result('e'.repeat(32))))!.body));
      expect(stored).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the batch handler and the invocation clock', () => {
  it('leaves records for a retry when too little time remains for one more conversion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-clock-'));
    try {
      const storage = await createLocalStorage({ dataDir: dir });
      const keys = jobKeys('uploads/', 'results/', 'jobs/');
      const r = createdRecord(keys.upload('f'.repeat(32), 'a.als'));
      const out = await createWorkerHandler({ storage, keys, minRemainingMs: 25_000 })(batch(r), { getRemainingTimeInMillis: () => 10_000 });
      expect(out.batchItemFailures).toEqual([{ itemIdentifier: r.messageId }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
