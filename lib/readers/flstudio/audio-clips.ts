/**
 * Audio clips on an FL Studio playlist, for tracklists built from clips.
 *
 * An audio clip is a channel (event 64 = its id) that names a sample (event 196, the file's path;
 * event 203, the channel name FL shows on the clip). The playlist (event 233) places it: an item
 * whose item index is ≤ 20480 is a channel id; its position and length are ticks on the
 * arrangement, so start = position / PPQ and end = (position + length) / PPQ beats — the tempo map
 * turns them into seconds like any marker. The item's start/end offsets say which part of the
 * sample plays, not where, so they do not matter here. A muted item (flag 0x2000) counts as a
 * disabled clip. Not read: playlist track mute/names (track records, event 238/239): trackMuted is
 * always false and tracks are named "Track N". Automation clips (channel type 5) have no sample.
 */
import { isDawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import type { ArrangementClip, Warning } from '../../model';
import { baseName } from '../../text/names';
import { warning } from '../warning';
import type { FlpContainer } from './container';
import { EventCursor } from './event-cursor';
import { EventId } from './event-ids';
import type { Span } from './scan';
import { PLAYLIST_MUTED, PLAYLIST_PATTERN_BASE, type PlaylistItem } from './tokens';

/** text: a sampler / audio clip channel's sample file path. */
const SAMPLE_PATH_EVENT = 196;
const AUTOMATION_CLIP_TYPE = 5;

interface SampleChannel {
  type: number;
  name: Span | null;
  path: Span | null;
}

const WANTED = new Uint8Array(256);
for (const id of [EventId.ChannelNew, EventId.ChannelType, EventId.ChannelName, SAMPLE_PATH_EVENT, EventId.ArrangementNew]) WANTED[id] = 1;

/** Channels by id with their name and sample path (one pass over the events). */
function readSampleChannels(bytes: Uint8Array, container: FlpContainer, limits: Limits): Map<number, SampleChannel> {
  const channels = new Map<number, SampleChannel>();
  const cursor = new EventCursor(bytes, container.dataStart, container.dataEnd, limits.maxFlpEvents, limits.maxValueBytes);
  let channel: SampleChannel | null = null;
  const span = (): Span => ({ start: cursor.dataStart, length: cursor.dataLength, offset: cursor.offset });
  try {
    while (cursor.next(WANTED)) {
      if (cursor.id === EventId.ArrangementNew) channel = null; // the channel list lies before the arrangements
      else if (cursor.id === EventId.ChannelNew) {
        channel = { type: -1, name: null, path: null };
        channels.set(cursor.value, channel);
      } else if (!channel) continue;
      else if (cursor.id === EventId.ChannelType) channel.type = cursor.value;
      else if (cursor.id === EventId.ChannelName) channel.name ??= span();
      else if (cursor.id === SAMPLE_PATH_EVENT) channel.path ??= span();
    }
  } catch (e) {
    // The reader's own pass walked these events with the same checks; damage it tolerated (a
    // warning) only means that the channels found so far are all there are.
    if (!isDawstampsError(e)) throw e;
  }
  return channels;
}

/** The playlist's audio clips in start order (at most `limits.maxMarkers`, else a warning). */
export function readAudioClips(
  bytes: Uint8Array,
  container: FlpContainer,
  items: readonly PlaylistItem[],
  text: (span: Span | null) => string,
  limits: Limits,
  warnings: Warning[],
): ArrangementClip[] {
  if (!items.some((i) => i.itemIndex <= PLAYLIST_PATTERN_BASE)) return [];
  const channels = readSampleChannels(bytes, container, limits);
  const clips: ArrangementClip[] = [];
  for (const item of items) {
    if (item.itemIndex > PLAYLIST_PATTERN_BASE) continue;
    const channel = channels.get(item.itemIndex);
    if (!channel || channel.type === AUTOMATION_CLIP_TYPE || !channel.path) continue;
    if (clips.length >= limits.maxMarkers) {
      warnings.push(warning('too-many-clips', `The playlist has more than ${limits.maxMarkers} audio clips; only the first ${limits.maxMarkers} are listed.`));
      break;
    }
    const ppq = container.ppq;
    clips.push({
      name: text(channel.name).trim(),
      fileName: baseName(text(channel.path)),
      trackName: `Track ${item.track + 1}`,
      trackIndex: item.track,
      startBeat: item.position / ppq,
      endBeat: (item.position + item.length) / ppq,
      disabled: (item.flags & PLAYLIST_MUTED) !== 0,
      trackMuted: false,
    });
  }
  return clips.sort((a, b) => a.startBeat - b.startBeat);
}
