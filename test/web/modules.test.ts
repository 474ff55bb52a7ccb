// The page's pure modules, in Node: sizes, refusals from lib's reader list, what to try after an
// error, the retention sentence, and the comparison of the preview with the server's result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, listFormats } from '../../lib/index';
import { fixtureBytes } from './page-kit';
import { REPO } from '../helpers/functions/server-process';
import { agree, refuse, settings, status } from './web-modules';

const { formatBytes, kindsText, refuseReason } = refuse;
const { hintFor } = status;
const { linkLifetime, retentionText } = settings;
const { differences } = agree;
const kinds = listFormats();

describe('refusals before anything is read', () => {
  const max = 100 * 1024 * 1024;
  it('accepts every extension lib reads, of any case, within the limit', () => {
    for (const ext of kinds.flatMap((k) => k.extensions)) expect(refuseReason({ name: `Mix${ext.toUpperCase()}`, size: 10 }, max, kinds)).toBeNull();
    expect(refuseReason({ name: 'song.flp', size: max }, max, kinds)).toBeNull();
  });
  it('refuses other types, empty files and files over the limit with a sentence naming lib\'s kinds', () => {
    expect(refuseReason({ name: 'mix.wav', size: 10 }, max, kinds)).toBe(`"mix.wav" is not a project file dawstamps reads: ${kindsText(kinds)}. Pick the project file itself, not an audio file or an export.`);
    for (const k of kinds) expect(kindsText(kinds)).toContain(`${k.label} (${k.extensions.join(', ')})`);
    expect(refuseReason({ name: 'mix.als.zip', size: 10 }, max, kinds)).toMatch(/not a project file/);
    expect(refuseReason({ name: 'a.als', size: 0 }, max, kinds)).toMatch(/is empty/);
    expect(refuseReason({ name: 'a.als', size: max + 1 }, max, kinds)).toBe('"a.als" is 100 MB; the limit is 100 MB. Projects are rarely this big: check that you picked the project file, not an archive or audio.');
    expect(formatBytes(101 * 1024 * 1024)).toBe('101 MB');
    expect(hintFor('not-a-project', kinds)).toContain(kindsText(kinds));
  });
});

describe('what to try after an error', () => {
  it('has its own sentence for a link that expired or cannot be reached, and none promises a tracklist that may not be there', () => {
    expect(hintFor('link-expired', kinds)).not.toBe(hintFor('upload-expired', kinds));
    expect(hintFor('link-expired', kinds)).toMatch(/new link/);
    expect(hintFor('link-unreachable', kinds)).toMatch(/reload the page/);
    expect(hintFor('network-error', kinds)).not.toMatch(/tracklist/);
    expect(hintFor('converter-failed', kinds)).toMatch(/^Reload the page/);
  });
});

describe('retention sentence', () => {
  it('says the project file is deleted once read, and how long a result and its link are kept', () => {
    expect(retentionText({ uploads: 'deleted-once-read', uploadsDays: 1, resultsDays: 7 })).toBe('Your project file is deleted as soon as it has been read; its tracklist is kept for 7 days, so its link works that long.');
    expect(retentionText({ uploads: 'deleted-once-read', uploadsDays: null, resultsDays: null })).toMatch(/deleted as soon as it has been read; .*until its operator deletes it/);
    expect(linkLifetime({ uploads: 'deleted-once-read', uploadsDays: 1, resultsDays: 1 })).toBe('for 1 day');
    expect(retentionText(undefined)).toBeNull();
  });
});

describe('the preview and the server\'s result', () => {
  it('agree when names and times (within 1 ms), DAW and timing model agree', async () => {
    const result = await convert(fixtureBytes('ableton/automation.als'));
    const server = JSON.parse(JSON.stringify(result));
    expect(differences(result, server)).toEqual([]);
    server.markers[1].seconds += 0.0009;
    expect(differences(result, server)).toEqual([]);
    server.markers[1].seconds += 0.0002;
    expect(differences(result, server)).toEqual(['1 time differs by more than 1 ms']);
    server.markers[2].name = 'Other';
    server.timing.model = 'continuous';
    expect(differences(result, server)).toEqual(['the timing model is continuous, not stepped', '1 name differs', '1 time differs by more than 1 ms']);
    expect(differences(result, { ...server, markers: server.markers.slice(1) })).toContain(`it has ${result.markers.length - 1} entries, not ${result.markers.length}`);
  });
});

describe('the page\'s code', () => {
  it('keeps no clock, tempo curve or list of DAWs of its own: times and kinds are lib\'s', () => {
    const web = join(REPO, 'web');
    for (const file of readdirSync(web).filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
      const text = readFileSync(join(web, file), 'utf8');
      expect(text, file).not.toMatch(/Ableton|FL Studio|\.als\b|\.flp\b|REAPER|DAWproject/);
      expect(text, file).not.toMatch(/function formatTime|padStart\(2|Math\.log\(/);
    }
  });
});
