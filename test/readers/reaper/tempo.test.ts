// REAPER's tempo map through the reader: beats of positions stored in seconds, checked against
// calculations written out here (closed forms and numeric integration), never the reader's numbers.
import { describe, expect, it } from 'vitest';
import { convert, parseProject } from '../../../lib';
import { RAMP_TOLERANCE_SECONDS } from '../../../lib/readers/reaper/ramp';
import { createTempoMap } from '../../../lib/tempo';
import { rppBytes, type RppTempoPointSpec } from '../../helpers/rpp-builder';

/** Beats from 0 s to `s` for REAPER points read as linear in TIME, by closed form (test's own). */
function closedFormBeats(points: RppTempoPointSpec[], s: number): number {
  let beats = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (s <= p.seconds) break;
    const end = next ? Math.min(s, next.seconds) : s;
    const tau = end - p.seconds;
    if (!next || p.shape === 1) beats += (p.bpm * tau) / 60;
    else {
      const k = (next.bpm - p.bpm) / (next.seconds - p.seconds);
      beats += (p.bpm * tau + (k * tau * tau) / 2) / 60;
    }
  }
  return beats;
}

/** The same by Simpson's rule over bpm(t)/60, 20,000 steps per segment. */
function integratedBeats(points: RppTempoPointSpec[], s: number): number {
  const bpmAt = (t: number): number => {
    let i = 0;
    while (i + 1 < points.length && points[i + 1]!.seconds <= t) i++;
    const p = points[i]!;
    const next = points[i + 1];
    if (!next || p.shape === 1) return p.bpm;
    return p.bpm + ((next.bpm - p.bpm) * (t - p.seconds)) / (next.seconds - p.seconds);
  };
  const cuts = [0, ...points.map((p) => p.seconds).filter((t) => t > 0 && t < s), s];
  let sum = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c]!;
    const b = cuts[c + 1]!;
    const n = 20_000;
    const h = (b - a) / n;
    let acc = bpmAt(a + 1e-12) + bpmAt(b - 1e-12);
    for (let j = 1; j < n; j++) acc += (j % 2 === 1 ? 4 : 2) * bpmAt(a + j * h);
    sum += (acc * h) / 3 / 60;
  }
  return sum;
}

/** Seconds at `beat` inside one linear-in-time ramp from (0 s, v0) to (T s, v1): the quadratic's root. */
function rampSeconds(v0: number, v1: number, T: number, beat: number): number {
  const k = (v1 - v0) / T;
  return (120 * beat) / (v0 + Math.sqrt(v0 * v0 + 120 * k * beat));
}

const tempo: RppTempoPointSpec[] = [
  { seconds: 0, bpm: 120, shape: 0 },
  { seconds: 30, bpm: 140, shape: 1 },
  { seconds: 45, bpm: 90, shape: 0 },
  { seconds: 75.5, bpm: 174, shape: 1 },
];
const at = [0, 7.25, 29.999, 30, 37.5, 45, 60.125, 75.5, 100];

describe('REAPER tempo map', () => {
  it('puts markers at their stored seconds and at the beat of linear-in-time ramps (closed form and integration)', async () => {
    const bytes = rppBytes({ bpm: 120, tempo, markers: at.map((s, i) => ({ name: `m${i}`, seconds: s })) });
    const result = await convert(bytes);
    expect(result.markers.map((m) => m.seconds)).toEqual(at);
    for (const m of result.markers) {
      const closed = closedFormBeats(tempo, m.seconds);
      const integrated = integratedBeats(tempo, m.seconds);
      expect(Math.abs(closed - integrated)).toBeLessThan(1e-6);
      // within a microsecond's worth of beats of both (the 1 ms bound of the brief, a thousand times over)
      expect(Math.abs(m.beat - closed)).toBeLessThan(1e-9);
      expect(Math.abs(m.beat - integrated) * (60 / 174)).toBeLessThan(1e-6);
    }
  });

  it('bar positions by hand: 120→140 BPM over 30 s is 65 beats, a step to 90 BPM for 15 s adds 35', async () => {
    // 0–30 s: (120·30 + ½·(20/30)·30²)/60 = (3600 + 300)/60 = 65 beats; 30–45 s at 140: 35 beats → 100
    const bytes = rppBytes({ tempo, markers: [{ name: 'a', seconds: 30 }, { name: 'b', seconds: 45 }, { name: 'c', seconds: 15 }] });
    const result = await convert(bytes);
    const byName = Object.fromEntries(result.markers.map((m) => [m.name, m]));
    expect(byName.a!.beat).toBeCloseTo(65, 9);
    expect(byName.a!.position).toBe('17.2.1'); // 65 = 16 bars + 1 beat
    expect(byName.b!.beat).toBeCloseTo(100, 9);
    expect(byName.b!.position).toBe('26.1.1');
    // 15 s: (120·15 + ½·(2/3)·225)/60 = (1800 + 75)/60 = 31.25 → bar 8, beat 4, second sixteenth
    expect(byName.c!.beat).toBeCloseTo(31.25, 9);
    expect(byName.c!.position).toBe('8.4.2');
  });

  it('reads a linear ramp as linear in time, not in beats (the two differ by far more than a millisecond)', async () => {
    const ramp: RppTempoPointSpec[] = [{ seconds: 0, bpm: 60, shape: 0 }, { seconds: 60, bpm: 180, shape: 1 }];
    const result = await convert(rppBytes({ tempo: ramp, markers: [{ name: 'x', seconds: 30 }] }));
    // linear in time: 30 s into it the tempo is 120 BPM and (60·30 + ½·2·900)/60 = 45 beats have passed
    expect(result.markers[0]!.beat).toBeCloseTo(45, 9);
    // read linearly in beats over the ramp's 120 beats, beat 45 would come at 60·120/120·ln(105/60) = 33.58 s
    const inBeats = ((60 * 120) / 120) * Math.log((60 + (120 * 45) / 120) / 60);
    expect(inBeats - 30).toBeGreaterThan(3);
  });

  it('follows ramps to within RAMP_TOLERANCE_SECONDS at every beat, however steep', async () => {
    let seed = 12345;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const ramps: Array<[number, number, number]> = [[120, 128, 16], [60, 180, 60], [300, 30, 10], [30, 300, 600], [1, 960, 5], [174, 173.5, 0.25]];
    for (let k = 0; k < 12; k++) ramps.push([20 + random() * 300, 20 + random() * 300, 0.5 + random() * 400]);
    let worst = 0;
    for (const [v0, v1, T] of ramps) {
      const project = await parseProject(rppBytes({ tempo: [{ seconds: 0, bpm: v0, shape: 0 }, { seconds: T, bpm: v1, shape: 1 }] }));
      const timeline = project.timelines[0]!;
      const map = createTempoMap(timeline.tempo, { staticBpm: project.staticBpm, model: 'continuous', step: project.tempoStep });
      const total = ((v0 + v1) / 2) * (T / 60);
      for (let j = 0; j <= 2000; j++) {
        const beat = (total * j) / 2000 + (j % 7) * 1e-7;
        const error = Math.abs(map.seconds(beat) - rampSeconds(v0, v1, T, Math.min(beat, total)) - (beat > total ? ((beat - total) * 60) / v1 : 0));
        worst = Math.max(worst, error);
      }
      // the breakpoints' BPM stays on the ramp (within 1e-5 of it for tempos from 20 BPM up)
      if (Math.min(v0, v1) >= 20) {
        for (let i = 0; i < timeline.tempo.length; i++) {
          const b = timeline.tempo.beat[i]!;
          const onRamp = v0 + ((v1 - v0) * rampSeconds(v0, v1, T, Math.min(b, total))) / T;
          expect(Math.abs(timeline.tempo.bpm[i]! - onRamp) / onRamp).toBeLessThan(1e-5);
        }
      }
      // after the ramp the times stay exact: no drift carried on
      expect(Math.abs(map.seconds(total + 10) - T - (10 * 60) / v1)).toBeLessThan(1e-9 * Math.max(1, T));
    }
    expect(worst).toBeLessThan(RAMP_TOLERANCE_SECONDS);
    expect(worst).toBeGreaterThan(0); // an approximation, measured, not a tautology
  });

  it('square points step; the envelope DEFSHAPE stands for shape -1; the project tempo holds before a late first point', async () => {
    const bytes = rppBytes({
      bpm: 100,
      defaultShape: 1,
      tempo: [{ seconds: 6, bpm: 150, shape: -1 }, { seconds: 10, bpm: 75, shape: 1 }],
      markers: [{ name: 'a', seconds: 6 }, { name: 'b', seconds: 10 }, { name: 'c', seconds: 14 }],
    });
    const result = await convert(bytes);
    // 0–6 s at 100 (the TEMPO line): 10 beats; 6–10 s at 150: 10 beats; 10–14 s at 75: 5 beats
    expect(result.markers.map((m) => m.beat)).toEqual([10, 20, 25]);
    expect(result.warnings.map((w) => w.code)).toContain('tempo-before-first-point');
    expect(result.tempo.points).toEqual([[0, 100], [10, 100], [10, 150], [20, 150], [20, 75]]);
  });

  it('reads time signatures from tempo points (65536·denominator + numerator) for bar positions', async () => {
    const bytes = rppBytes({
      bpm: 120,
      meter: [4, 4],
      tempo: [{ seconds: 0, bpm: 120, shape: 1, meter: [3, 4] }, { seconds: 6, bpm: 120, shape: 1, meter: [7, 8] }],
      markers: [{ name: 'a', seconds: 3 }, { name: 'b', seconds: 6 }, { name: 'c', seconds: 8 }],
    });
    const result = await convert(bytes);
    // 3/4 from 0: 3 s = 6 beats = bar 3; 6 s = 12 beats = bar 5 where 7/8 starts; 8 s = 16 beats = 4 beats
    // into 7/8 (bars of 3.5 beats): bar 6, its first eighth
    expect(result.markers.map((m) => m.position)).toEqual(['3.1.1', '5.1.1', '6.2.1']);
  });

  it('a TEMPO time signature bar positions cannot use is 4/4 with bad-time-signature, as a tempo point\'s', async () => {
    for (const [numerator, denominator] of [[0, 0], [4, 3], [99999999, 4], [-4, 4]] as const) {
      const result = await convert(rppBytes({ bpm: 120, meter: [numerator, denominator], markers: [{ name: 'a', seconds: 6 }] }));
      expect(result.markers[0]!.position, `${numerator}/${denominator}`).toBe('4.1.1');
      expect(result.warnings.find((w) => w.code === 'bad-time-signature')?.message).toBe(`The project's time signature (TEMPO) ${numerator}/${denominator} is not n/d with d a power of two up to 1024; 4/4 is assumed.`);
    }
    const fine = await convert(rppBytes({ bpm: 120, meter: [7, 8], markers: [{ name: 'a', seconds: 6 }] }));
    expect([fine.markers[0]!.position, fine.warnings.map((w) => w.code)]).toEqual(['4.4.1', []]);
  });

  it('a project without tempo points plays at its TEMPO; without a TEMPO line at 120 BPM, with a warning', async () => {
    const plain = await convert(rppBytes({ bpm: 93.5, markers: [{ name: 'x', seconds: 60 }] }));
    expect(plain.markers[0]!.beat).toBeCloseTo(93.5, 12);
    expect(plain.tempo).toEqual({ initialBpm: 93.5, automated: false, points: [[0, 93.5]] });
    const none = await convert(rppBytes({ bpm: null, markers: [{ name: 'x', seconds: 60 }] }));
    expect(none.markers[0]!.beat).toBe(120);
    expect(none.warnings.map((w) => w.code)).toContain('no-tempo');
  });

  it('a forced stepped model keeps the stored times, moves the beats and says so', async () => {
    const bytes = rppBytes({ tempo, markers: [{ name: 'a', seconds: 37.5 }] });
    const stepped = await convert(bytes, { timing: 'stepped' });
    expect(stepped.timing.model).toBe('stepped');
    expect(stepped.timing.step).toBe(1 / 128);
    expect(stepped.timing.reason).toMatch(/^Forced by the timing option \(auto would be continuous: REAPER 7\.14 /);
    expect(stepped.markers[0]!.seconds).toBe(37.5);
    expect(Math.abs(stepped.markers[0]!.beat - closedFormBeats(tempo, 37.5))).toBeLessThan(0.05);
  });

  it('too many breakpoints for the ramps is a typed error, not a hang', async () => {
    const steep = rppBytes({ tempo: [{ seconds: 0, bpm: 1, shape: 0 }, { seconds: 1e8, bpm: 960, shape: 1 }] });
    await expect(convert(steep)).rejects.toMatchObject({ code: 'too-many-breakpoints' });
    await expect(convert(rppBytes({ tempo }), { limits: { maxBreakpoints: 3 } })).rejects.toMatchObject({ code: 'too-many-breakpoints' });
  });
});
