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

/** Makes a chapter list valid: first at 0:00, each at least 10 s; says what it changed. */
export function fixChapters(input: readonly Chapter[], end: number | null): { chapters: Chapter[]; warnings: Warning[] } {
  const chapters = input.map((c) => ({ ...c }));
  const warnings: Warning[] = [];
  const first = chapters[0];
  if (first && first.time > 0) {
    if (first.time < MIN_LENGTH) {
      warnings.push({ code: 'youtube-moved', message: `"${first.name}" moved from ${ytClock(first.time)} to 0:00: YouTube chapters start at 0:00.` });
      first.time = 0;
    } else {
      chapters.unshift({ time: 0, name: 'Intro' });
      warnings.push({ code: 'youtube-intro', message: `Added "0:00 Intro": YouTube chapters start at 0:00 and "${first.name}" starts at ${ytClock(first.time)}.` });
    }
  }
  // One pass, linear even for hostile lists: a chapter is checked when the next one arrives.
  const out: Chapter[] = [];
  const merge = (length: number, into: Chapter): void => {
    const short = out.pop()!;
    const tail = out.length === 0 ? `"${into.name}", which now starts at 0:00` : `"${out[out.length - 1]!.name}"`;
    warnings.push({ code: 'youtube-merged', message: `${shortness(short, length, end)}: merged into ${tail}.` });
  };
  for (const chapter of chapters) {
    const last = out[out.length - 1];
    if (last && chapter.time - last.time < MIN_LENGTH) {
      merge(chapter.time - last.time, chapter);
      if (out.length === 0) chapter.time = 0;
    }
    out.push(chapter);
  }
  while (end !== null && out.length > 1 && end - out[out.length - 1]!.time < MIN_LENGTH) {
    const last = out[out.length - 1]!;
    merge(end - last.time, last);
  }
  return { chapters: out, warnings };
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
