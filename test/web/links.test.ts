// A link /?job=ID that cannot open, in real Chromium: malformed, unknown, expired with no upload,
// its conversion failed, its stored project gone (410), the server unreachable. Each says why in
// its own sentence, with what to try and no stack; nothing is shown that is not there.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClear, fixtureBytes, openPage, uploadedJob, waitForFailure, type Failure, usePageRig } from './page-kit';

/** Upload forms valid for 2 s, and 1 s of grace for an upload begun in time: a job with no upload expires within the test. */
const EXPIRY_SECONDS = 2;
const GRACE_SECONDS = 1;

const rig = usePageRig({ UPLOAD_EXPIRY_SECONDS: String(EXPIRY_SECONDS), UPLOAD_GRACE_SECONDS: String(GRACE_SECONDS) });

/** Opens the link and reads its failure; nothing of a tracklist may show. */
async function failureOf(link: string, code: string, options: { offline?: boolean } = {}): Promise<Failure> {
  const { page, uncaught, close } = await openPage(rig.browser, `${rig.server.url}${link}`, {}, {
    before: async (p) => {
      if (options.offline) await p.route('**/v1/jobs/**', (route) => route.abort('connectionrefused'));
    },
  });
  try {
    const failure = await waitForFailure(page, code, 15_000);
    expectClear(failure);
    expect(failure.title).toBe('That did not work');
    expect(await page.isVisible('#result')).toBe(false);
    expect(await page.isVisible('#pick')).toBe(true);
    expect(uncaught).toEqual([]);
    return failure;
  } finally {
    await close();
  }
}

/** A job made with no upload (its form unused). */
async function jobWithoutUpload(): Promise<string> {
  const res = await fetch(`${rig.server.url}/v1/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ filename: 'mix.als', size: 100 }) });
  return ((await res.json()) as { jobId: string }).jobId;
}

describe('a link that cannot open', () => {
  it('malformed: says the link is incomplete', async () => {
    const failure = await failureOf('/?job=nonsense', 'invalid-job-id');
    expect(failure.hint).toBe('What to try: The link is incomplete: copy it again, whole.');
  });

  it('unknown: says there is no result under it', async () => {
    const failure = await failureOf(`/?job=${'0'.repeat(32)}`, 'job-not-found');
    expect(failure.message).toMatch(/^There is no result under this link\./);
    expect(failure.hint).toMatch(/Convert the project again/);
  });

  it('expired with no upload: says the link has expired, not to drop a file on a new upload permission', async () => {
    const jobId = await jobWithoutUpload();
    await new Promise((r) => setTimeout(r, (EXPIRY_SECONDS + GRACE_SECONDS) * 1000 + 500));
    const failure = await failureOf(`/?job=${jobId}`, 'link-expired');
    expect(failure.message).toBe('This link has expired: no file was uploaded to it in time, so it has no tracklist.');
    expect(failure.hint).toBe('What to try: Convert the project again to get a new link.');
  });

  it('still waiting for its upload: waits, then says the link has expired', async () => {
    const jobId = await jobWithoutUpload();
    await failureOf(`/?job=${jobId}`, 'link-expired');
  });

  it('its conversion failed: gives the conversion\'s error', async () => {
    const jobId = await uploadedJob(rig.server.url, 'junk.als', fixtureBytes('ableton/junk.als'));
    await failureOf(`/?job=${jobId}`, 'not-a-project');
  });

  it('its stored project is gone (410): says the result is no longer kept', async () => {
    const jobId = await uploadedJob(rig.server.url, 'automation.als', fixtureBytes('ableton/automation.als'));
    const stored = readdirSync(rig.server.dataDir, { recursive: true }).map(String).filter((p) => p.includes(`${jobId}.project-`));
    expect(stored).toHaveLength(1);
    rmSync(join(rig.server.dataDir, stored[0]!));
    const failure = await failureOf(`/?job=${jobId}`, 'project-expired');
    expect(failure.hint).toBe('What to try: The result is no longer kept. Convert the project again.');
  });

  it('the server unreachable: says so in its own words, promising no tracklist', async () => {
    const failure = await failureOf(`/?job=${'a'.repeat(32)}`, 'link-unreachable', { offline: true });
    expect(failure.message).toBe('The server could not be reached, so this link cannot be opened now.');
    expect(failure.hint).toBe('What to try: Check your connection, then reload the page: the link opens once the server answers.');
    expect(`${failure.message} ${failure.hint}`).not.toMatch(/tracklist/);
  });
});
