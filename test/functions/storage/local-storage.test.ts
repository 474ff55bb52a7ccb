import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage, type LocalStorage } from '../../../functions/storage/local-storage';

let dir: string;
let storage: LocalStorage;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dawstamps-store-'));
  storage = await createLocalStorage({ dataDir: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('local storage', () => {
  it('puts, gets and heads objects by key; missing keys are null', async () => {
    await storage.put('results/abc.json', '{"a":1}', 'application/json');
    const got = await storage.get('results/abc.json');
    expect(new TextDecoder().decode(got!.body)).toBe('{"a":1}');
    expect((await storage.head('results/abc.json'))!.size).toBe(7);
    expect(await storage.get('results/none.json')).toBeNull();
    expect(await storage.head('results/none.json')).toBeNull();
  });

  it('writes through a temporary file and a rename: no partial file is ever visible, no temp file stays', async () => {
    const big = new Uint8Array(4 * 1024 * 1024).fill(7);
    await Promise.all([storage.put('results/x.json', big, 'x'), storage.put('results/x.json', big, 'x')]);
    expect((await storage.head('results/x.json'))!.size).toBe(big.length);
    expect(readdirSync(join(dir, '.tmp'))).toEqual([]);
  });

  it('create() writes only where nothing is (the local If-None-Match): of racing writers exactly one wins', async () => {
    expect(await storage.create('results/c.json', 'first', 'x')).toBe(true);
    expect(await storage.create('results/c.json', 'second', 'x')).toBe(false);
    expect(new TextDecoder().decode((await storage.get('results/c.json'))!.body)).toBe('first');
    const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => storage.create('results/race.json', `writer ${i}`, 'x')));
    expect(racing.filter(Boolean)).toHaveLength(1);
    const winner = racing.indexOf(true);
    expect(new TextDecoder().decode((await storage.get('results/race.json'))!.body)).toBe(`writer ${winner}`);
    expect(readdirSync(join(dir, '.tmp'))).toEqual([]);
  });

  it('deletes objects; deleting a missing one is no error', async () => {
    await storage.put('uploads/x/a.als', 'x', 'x');
    await storage.delete('uploads/x/a.als');
    expect(await storage.head('uploads/x/a.als')).toBeNull();
    await expect(storage.delete('uploads/x/a.als')).resolves.toBeUndefined();
    await expect(storage.delete('../outside')).rejects.toThrow(/outside the data directory/);
  });

  it('refuses keys that would leave the data directory or reach its private files', async () => {
    for (const key of ['../outside.json', 'uploads/../../x', '/etc/passwd', '.upload-secret', 'uploads/.hidden', 'a\0b']) {
      await expect(storage.put(key, 'x', 'x'), key).rejects.toThrow(/outside the data directory/);
      await expect(storage.get(key), key).rejects.toThrow(/outside the data directory/);
    }
  });

  it('keeps its signing secret across restarts (forms signed before a restart stay valid)', async () => {
    const again = await createLocalStorage({ dataDir: dir });
    expect(again.secret.equals(storage.secret)).toBe(true);
    expect(storage.secret.length).toBe(32);
  });
});
