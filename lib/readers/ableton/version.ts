/** Which Live saved the set, and which timing model that implies (docs/timing.md). */
import type { TimingModel } from '../../model';

export interface LiveVersion {
  /** As shown to people: "11.3.4", "12.0b16", or from MinorVersion "12.3.0" / "10.0". */
  text: string | null;
  major: number | null;
  minor: number | null;
}

/** Reads the version from `Creator` ("Ableton Live 12.3.2"), else from `MinorVersion` ("12.0_12300"). */
export function readVersion(attrs: Record<string, string>): LiveVersion {
  const creator = /^Ableton Live\s+((\d+)\.(\d+)\S*)/.exec(attrs['Creator'] ?? '');
  if (creator) return { text: creator[1]!, major: Number(creator[2]), minor: Number(creator[3]) };
  const minor = /^(\d+)\.(\d+)_(\d+)/.exec(attrs['MinorVersion'] ?? '');
  if (!minor) return { text: null, major: null, minor: null };
  const build = Number(minor[3]);
  if (build >= 10_000) {
    // 12300 = 12.3.0, 11300 = 11.3.0: major·1000 + minor·100 + patch.
    const major = Math.floor(build / 1000);
    const min = Math.floor((build % 1000) / 100);
    return { text: `${major}.${min}.${build % 100}`, major, minor: min };
  }
  return { text: `${minor[1]}.${minor[2]}`, major: Number(minor[1]), minor: Number(minor[2]) };
}

/**
 * Live ≤ 12.2 steps tempo ramps every sixteenth (measured); 12.3 and later follow them
 * continuously, which is inferred from a public report, not measured, and so is the stepped model
 * assumed for a set of unknown version: those two are `inferred` (docs/timing.md#which-model-is-used).
 */
export function autoTiming(v: LiveVersion): { model: TimingModel; reason: string; inferred: boolean } {
  if (v.major === null || v.minor === null) return { model: 'stepped', reason: 'Live version unknown (assumed < 12.3)', inferred: true };
  const continuous = v.major > 12 || (v.major === 12 && v.minor >= 3);
  return continuous
    ? { model: 'continuous', reason: `Live ${v.text} (≥ 12.3)`, inferred: true }
    : { model: 'stepped', reason: `Live ${v.text} (< 12.3)`, inferred: false };
}
