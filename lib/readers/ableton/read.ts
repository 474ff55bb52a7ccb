/** Reads an Ableton Live set: inflate → stream through the extractor → the common Project model. */
import { concatBytes } from '../../binary/concat';
import { DawstampsError, echoValue } from '../../errors';
import { pakoInflate } from '../../inflate';
import type { ByteSource } from '../../input';
import type { LoopRange, Project, Warning } from '../../model';
import { XmlByteReader, XmlExtractor } from '../../xml';
import type { ReadOptions } from '../types';
import { warning } from '../warning';
import { readClips } from './clips';
import { collectRules, emptyRawSet } from './collect';
import { readLocators } from './locators';
import { readMeter } from './meter';
import type { RawSet } from './raw';
import { startsLikeXml } from './sniff';
import { readTempo } from './tempo';
import { autoTiming, readVersion } from './version';

/** Plain XML is fed in pieces of this size, so no whole-document string is ever made. */
const PLAIN_CHUNK = 1024 * 1024;

/** Reads an Ableton Live set (gzip or plain XML; whole bytes or a peeked source) into the common model. */
export async function readAbleton(input: Uint8Array | ByteSource, options: ReadOptions): Promise<Project> {
  const raw = await scanSet(input, options);
  return buildProject(raw);
}

/** The streaming pass: every needed LiveSet-level piece, nothing else. A source is inflated as it arrives. */
export async function scanSet(input: Uint8Array | ByteSource, options: ReadOptions): Promise<RawSet> {
  const { limits } = options;
  const raw = emptyRawSet();
  const extractor = new XmlExtractor(collectRules(raw, limits), limits);
  const sink = new XmlByteReader(extractor, limits.maxInflatedBytes);
  const head = input instanceof Uint8Array ? input : input.head;
  const plain = (bytes: Uint8Array): void => {
    for (let at = 0; at < bytes.length; at += PLAIN_CHUNK) sink.write(bytes.subarray(at, at + PLAIN_CHUNK));
  };
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const content = xmlInside(sink);
    await (options.inflate ?? pakoInflate)(input, content.write);
    content.end();
  } else if (input instanceof Uint8Array) {
    plain(input);
  } else {
    for await (const chunk of input) plain(chunk);
  }
  sink.end();
  if (extractor.rootName !== 'Ableton') {
    throw new DawstampsError('not-a-project', 'This file is XML, but not an Ableton Live set.', { detail: `root element <${(extractor.rootName ?? '').slice(0, 60)}>, not <Ableton>` });
  }
  raw.rootName = extractor.rootName;
  raw.rootAttrs = extractor.rootAttrs ?? {};
  return raw;
}

/**
 * Passes a gzip's content on once its first bytes look like XML. Any gzip sniffs as a Live set, so
 * gzipped text or random bytes (an intact gzip around something else) are 'not-a-project' here,
 * before the XML reader would call them broken ('corrupt-file' stays for damaged gzip or XML).
 */
function xmlInside(sink: XmlByteReader): { write: (chunk: Uint8Array) => void; end: () => void } {
  let head: Uint8Array | null = new Uint8Array(0);
  const notXml = (what: string): DawstampsError =>
    new DawstampsError('not-a-project', 'This file is compressed the way Live sets are, but what is inside is not an Ableton Live set.', { detail: `gzip content: ${what}` });
  return {
    write(chunk) {
      if (head === null) return sink.write(chunk);
      const seen = head.length === 0 ? chunk : concatBytes([head, chunk], head.length + chunk.length);
      const verdict = startsLikeXml(seen);
      if (verdict === false) throw notXml('what it holds is not XML');
      if (verdict === undefined) {
        head = seen.slice(); // whitespace or a lone `<` so far: under 4 KB, and the inflater may reuse its buffer
        return;
      }
      head = null;
      sink.write(seen);
    },
    end() {
      if (head === null) return;
      if (head.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf)) throw notXml('it holds no XML');
      sink.write(head); // a lone `<` at the end: the XML reader says where it broke off
    },
  };
}

/** Turns the collected pieces into the Project every DAW shares. */
export function buildProject(raw: RawSet): Project {
  const warnings: Warning[] = [];
  const version = readVersion(raw.rootAttrs);
  if (version.major !== null && version.major < 8) {
    warnings.push(warning('old-version', `This set was saved by Live ${echoValue(version.text ?? '', 40)}; dawstamps knows sets from Live 8 to 12, so check the times against Live.`));
  }
  if (raw.masterName === null) warnings.push(warning('no-master-track', 'The set has no master track, where Live keeps the tempo: the times assume 120 BPM in 4/4.'));
  if (raw.badEvents > 0) {
    const which = raw.badEvents === 1 ? 'One automation point' : `${raw.badEvents} automation points`;
    warnings.push(warning('bad-breakpoint', `${which} on the master track could not be read and ${raw.badEvents === 1 ? 'was' : 'were'} skipped; if ${raw.badEvents === 1 ? 'it belongs' : 'they belong'} to the tempo, the times near ${raw.badEvents === 1 ? 'it' : 'them'} may be off.`, `${raw.badEvents} FloatEvent/EnumEvent/BoolEvent element(s) without a numeric Time or Value`));
  }
  const { staticBpm, tempo } = readTempo(raw, raw.masterName === null ? [] : warnings);
  const { meter, meterChanges } = readMeter(raw, warnings);
  const { markers, songStartBeat } = readLocators(raw, warnings);
  const timelineWarnings: Warning[] = [];
  const { clips, endBeat } = readClips(raw, timelineWarnings);
  if (clips.length === 0) {
    timelineWarnings.push(warning('no-clips', 'The arrangement has no audio clips (clips in Session View are not part of it), so there is no tracklist from clips.'));
  }
  return {
    daw: 'ableton',
    version: version.text,
    application: version.text === null ? null : `Ableton Live ${version.text}`,
    staticBpm,
    tempoStep: 0.25,
    autoTiming: autoTiming(version),
    tracklist: { markers: 'locators', clipsWhenNoMarkers: true },
    timelines: [{
      arrangement: null,
      tempo,
      meter,
      meterChanges,
      markers,
      clips,
      songStartBeat,
      loop: readLoop(raw),
      endBeat,
      warnings: timelineWarnings,
    }],
    defaultTimeline: 0,
    warnings,
  };
}

function readLoop(raw: RawSet): LoopRange | null {
  const l = raw.loop;
  if (!l || l.start === undefined || l.length === undefined) return null;
  return { startBeat: l.start, endBeat: l.start + Math.max(0, l.length), enabled: l.on === true };
}
