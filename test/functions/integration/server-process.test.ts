/** The test helper that runs `node dist/server.js`: stop() must return for a process already gone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../helpers/functions/server-process';

const dir = mkdtempSync(join(tmpdir(), 'dawstamps-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves to 'hung' when `p` has not settled within `ms`. */
const within = <T>(p: Promise<T>, ms: number): Promise<T | 'hung'> => Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);

describe('startServerProcess().stop()', () => {
  it('returns null for a process killed by a signal, and again at once when called a second time', async () => {
    const server = await startServerProcess({ DATA_DIR: dir });
    expect(await within(server.stop('SIGKILL'), 10_000)).toBeNull();
    // killed by a signal: exitCode stays null, signalCode is set, and no second 'exit' event comes
    expect(await within(server.stop(), 2_000)).toBeNull();
    expect(await within(server.stop('SIGKILL'), 2_000)).toBeNull();
  });
});
