/** YouTube's chapter rules: checked (fix off) or made true (fix on), every change a warning. */
import type { Warning } from '../model';
import { formatClockUnits } from '../text';

export interface Chapter {
  /** Whole seconds. */
  time: number;
  name: string;
}

export const MIN_CHAPTERS = 3;
export const MIN_LENGTH = 10;

/** `m:ss`, or `h:mm:ss` from an hour on, as YouTube writes them. */
export function ytClock(seconds: number): string {
  return formatClockUnits(seconds, 1, { hours: Math.abs(seconds) >= 3600 });
}

function lengthOf(chapters: readonly Chapter[], i: number, end: number | null): number {
  const next = chapters[i + 1];
  return next ? next.time - chapters[i]!.time : end === null ? Infinity : end - chapters[i]!.time;
}

/** What `fixChapters` made of a list: valid chapters (`fixed`), or the list unchanged and one warning why not. */
export interface FixedChapters {
  chapters: Chapter[];
  warnings: Warning[];
  fixed: boolean;
}

/** A length for the last chapter when the set's end is unknown: longer than any real one. */
const OPEN_END = 1e12;

/**
 * Makes a chapter list (whole seconds, in time order) valid for YouTube: the first at 0:00, at
 * least three, each at least 10 s long (the last until the set's end, when known).
 *
 * Chapters are only ever dropped, never renamed: every chapter keeps the name of the marker at its
 * time. The 0:00 chapter is the one exception YouTube forces: when no marker is at 0:00, it is a
 * marker from the first 10 s moved there (`youtube-moved`) or, when there is none, an added
 * "Intro" (`youtube-intro`). A marker is dropped (`youtube-merged`: its time becomes part of the
 * chapter before) only when it must be: the kept set is the largest one that meets the rules
 * and, among those, the one whose markers had the longest chapters, so of two neighbours too
 * close together the shorter one's name goes. When no list can meet the rules (a set under 30 s,
 * fewer than three markers that far apart) the list is left as it is, with one warning saying why.
 */
export function fixChapters(input: readonly Chapter[], end: number | null): FixedChapters {
  const n = input.length;
  const times = input.map((c) => c.time);
  // each marker's own chapter length, to choose which of two neighbours too close together to keep
  const weight = times.map((t, i) => (i + 1 < n ? times[i + 1]! : end === null ? t + OPEN_END : end) - t);
  const latest = end === null ? Infinity : end - MIN_LENGTH;

  // The 0:00 chapter: the marker of the first 10 s with the longest chapter (the earliest of equals).
  let head = -1;
  for (let i = 0; i < n && times[i]! < MIN_LENGTH; i++) if (times[i]! >= 0 && (head < 0 || weight[i]! > weight[head]!)) head = i;

  // The chapters after it (from 10 s on): the most markers at least 10 s apart, then the longest
  // chapters, by dynamic programming over the times in order (linear: a pointer runs behind).
  const count = new Array<number>(n).fill(0);
  const score = new Array<number>(n).fill(0);
  const prev = new Array<number>(n).fill(-1);
  const better = (a: number, b: number): boolean => b < 0 || count[a]! > count[b]! || (count[a] === count[b] && score[a]! > score[b]!);
  let best = -1; // the best chain ending at or before `behind`
  let behind = 0;
  let last = -1; // the best chain overall
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (t < MIN_LENGTH || t > latest) continue;
    for (; behind < i && times[behind]! <= t - MIN_LENGTH; behind++) {
      if (count[behind]! > 0 && better(behind, best)) best = behind;
    }
    count[i] = 1 + (best < 0 ? 0 : count[best]!);
    score[i] = weight[i]! + (best < 0 ? 0 : score[best]!);
    prev[i] = best;
    if (better(i, last)) last = i;
  }
  const kept: number[] = [];
  for (let i = last; i >= 0; i = prev[i]!) kept.unshift(i);

  const total = 1 + kept.length;
  if (total < MIN_CHAPTERS || (end !== null && end < MIN_LENGTH * MIN_CHAPTERS)) {
    return { chapters: input.map((c) => ({ ...c })), warnings: [impossible(total, n, end)], fixed: false };
  }

  const warnings: Warning[] = [];
  const chapters: Chapter[] = [];
  const first = kept[0] === undefined ? Infinity : times[kept[0]]!;
  if (head >= 0) {
    const marker = input[head]!;
    if (marker.time > 0) warnings.push({ code: 'youtube-moved', message: `"${marker.name}" moved from ${ytClock(marker.time)} to 0:00: YouTube chapters start at 0:00.` });
    chapters.push({ time: 0, name: marker.name });
  } else {
    chapters.push({ time: 0, name: 'Intro' });
    warnings.push({ code: 'youtube-intro', message: `Added "0:00 Intro": YouTube chapters start at 0:00 and "${input[kept[0]!]!.name}" starts at ${ytClock(first)}.` });
  }
  let k = 0;
  input.forEach((marker, i) => {
    if (i === kept[k]) {
      chapters.push({ ...marker });
      k++;
    } else if (i !== head) {
      const into = chapters[chapters.length - 1]!;
      warnings.push({ code: 'youtube-merged', message: `${whyDropped(marker, weight[i]!, end)}: merged into "${into.name}".` });
    }
  });
  return { chapters, warnings, fixed: true };
}

/** Why a marker was dropped: it starts too near (or after) the set's end, its chapter is too short, or its neighbours leave no room. */
function whyDropped(marker: Chapter, length: number, end: number | null): string {
  if (end !== null && marker.time > end - MIN_LENGTH) return shortness(marker, end - marker.time, end);
  if (length < MIN_LENGTH) return shortness(marker, length, end);
  return `"${marker.name}" at ${ytClock(marker.time)} would leave a neighbouring chapter under ${MIN_LENGTH} s (YouTube needs ${MIN_LENGTH} s)`;
}

/** The one warning of a list that cannot meet YouTube's rules. */
function impossible(total: number, markers: number, end: number | null): Warning {
  const why =
    end !== null && end < MIN_LENGTH * MIN_CHAPTERS
      ? `The set lasts ${ytClock(Math.floor(end))}, and YouTube needs at least ${MIN_CHAPTERS} chapters of ${MIN_LENGTH} s (${ytClock(MIN_LENGTH * MIN_CHAPTERS)})`
      : `Only ${total} chapter${total === 1 ? '' : 's'} of at least ${MIN_LENGTH} s can be made from ${markers} marker${markers === 1 ? '' : 's'}, and YouTube needs at least ${MIN_CHAPTERS}, the first at 0:00`;
  return { code: 'youtube-too-few', message: `${why}: the chapters are left as they are, and YouTube will not show them.` };
}

/** Why a chapter is too short, for a warning: its length, or that it starts after the set ends. */
function shortness(chapter: Chapter, length: number, end: number | null): string {
  const at = `"${chapter.name}" at ${ytClock(chapter.time)}`;
  if (end !== null && chapter.time >= end) return `${at} starts after the set ends (${ytClock(Math.floor(end))})`;
  return `${at} lasts ${Number(Math.max(0, length).toFixed(1))} s (YouTube needs ${MIN_LENGTH} s)`;
}

/** One warning per rule a chapter list breaks (nothing changed). */
export function checkChapters(chapters: readonly Chapter[], end: number | null): Warning[] {
  const warnings: Warning[] = [];
  const first = chapters[0];
  if (first && first.time !== 0) {
    warnings.push({ code: 'youtube-not-zero', message: `The first chapter "${first.name}" is at ${ytClock(first.time)}, not 0:00: YouTube will ignore the chapters.` });
  }
  chapters.forEach((c, i) => {
    const prev = chapters[i - 1];
    if (prev && c.time <= prev.time) {
      warnings.push({ code: 'youtube-order', message: `"${c.name}" (${ytClock(c.time)}) does not come after "${prev.name}" (${ytClock(prev.time)}): YouTube will ignore the chapters.` });
    }
    const next = chapters[i + 1];
    const length = lengthOf(chapters, i, end);
    if (length < MIN_LENGTH && (!next || next.time > c.time)) {
      warnings.push({ code: 'youtube-short', message: `${shortness(c, length, end)}: YouTube will ignore the chapters.` });
    }
  });
  return warnings;
}

/** The "fewer than three" warning, when it applies. */
export function countWarning(chapters: readonly Chapter[]): Warning[] {
  if (chapters.length >= MIN_CHAPTERS) return [];
  return [
    {
      code: 'youtube-too-few',
      message: `YouTube shows chapters only when there are at least ${MIN_CHAPTERS}; this list has ${chapters.length}, so YouTube will ignore it.`,
    },
  ];
}
