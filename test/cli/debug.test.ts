/**
 * Plain words, facts with --debug: warnings and errors read as sentences for a DJ; their technical
 * facts (Warning.detail, DawstampsError.details) reach the CLI's stderr only with --debug, and never
 * the JSON a program or the API gets. runCli with its I/O passed in (no child process).
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib';
import { runCli, type CliIo } from '../../functions/cli/run';
import { FlpBuilder } from '../helpers/flp-builder';

/** An FL 20 project whose playlist is damaged: a warning (no tempo automation depends on it). */
const damagedPlaylist = new FlpBuilder().version('20.8.4.2576').tempo(120).arrangement(0, 'A')
  .data(233, Array.from({ length: 32 }, (_, i) => i)).marker({ ticks: 0, name: 'x' }).currentArrangement(0).build();
/** An FL project cut in the middle of an event: an error. */
const cut = new FlpBuilder().version('20.8.4.2576').tempo(120).raw([241, 0x7f, 0x41, 0]).build();

async function cli(args: string[], bytes: Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: async () => bytes, version: 'test' };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('--debug', () => {
  it('a warning is a sentence; its detail (byte offset, sizes) is printed only with --debug', async () => {
    const plain = await cli(['mix.flp'], damagedPlaylist);
    expect(plain.stderr).toBe("dawstamps: mix.flp: warning (flp-playlist-damaged): The project's playlist is damaged and was left out: the length of the song is unknown, and no audio clips can be listed from it.\n");
    const debug = await cli(['mix.flp', '--debug'], damagedPlaylist);
    expect(debug.stderr).toMatch(/^dawstamps: mix\.flp: warning \(flp-playlist-damaged\): The project's playlist is damaged .+ \[event 233 at byte \d+, 32 bytes: not records of 32, 60, 80 bytes with 20480 at offset 4\]\n$/);
  });

  it('an error is a sentence; --debug adds its details', async () => {
    const plain = await cli(['mix.flp'], cut);
    expect([plain.code, plain.stderr]).toEqual([2, 'dawstamps: mix.flp: corrupt-file: The project is cut short or damaged: its data stops in the middle of an entry (was the file copied in full?).\n']);
    const debug = await cli(['mix.flp', '--debug'], cut);
    expect(debug.stderr).toMatch(/corrupt-file: The project is cut short or damaged: .+ \[\{"offset":\d+,"detail":"event 241 at byte \d+ needs 127 bytes past the end of the data at byte \d+"\}\]/);
  });

  it('the detail never reaches JSON: --format json and the library result serialise without it', async () => {
    const result = await convert(damagedPlaylist);
    const [w] = result.warnings;
    expect(w!.detail).toMatch(/^event 233 at byte/);
    expect(JSON.parse(JSON.stringify(result)).warnings).toEqual([{ code: 'flp-playlist-damaged', message: w!.message }]);
    const json = await cli(['mix.flp', '--format', 'json', '--debug'], damagedPlaylist);
    expect(JSON.parse(json.stdout).warnings).toEqual([{ code: 'flp-playlist-damaged', message: w!.message }]);
  });
});
