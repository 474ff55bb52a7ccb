/**
 * DAWproject timing through convert(): hold and linear tempo automation in beats and in seconds,
 * markers in beats and in seconds, bar positions under meter changes. Every expected time is
 * hand-checked or comes from the independent reference (reference.ts: the tempo curve written out
 * from the points and integrated numerically), never from the reader; each within 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { convert, parseProject, projectFromJson, projectToJson, timeProject, type Result } from '../../../lib';
import { buildDawproject, projectXml, type DawprojectSpec, type MarkerSpec, type TempoPointSpec } from '../../helpers/dawproject-builder';
import { zip } from '../../helpers/zip-writer';
import { beatAt, pointsFromSeconds, secondsAt, within1ms, type BeatPoint } from './reference';

const markersAt = (beats: number[]): MarkerSpec[] => beats.map((b) => ({ time: b, name: `at ${b}` }));
const run = (spec: DawprojectSpec, options = {}): Promise<Result> => convert(buildDawproject(spec), options);
const beatPoints = (points: TempoPointSpec[]): BeatPoint[] =>
  points.map((p) => ({ beat: p.time, bpm: p.value, interpolation: p.interpolation === 'linear' ? 'linear' : 'hold' }));

describe('tempo automation in beats', () => {
  it('hold points are steps: 120 BPM to beat 16, 60 to beat 32, then 180 (hand-checked)', async () => {
    const points: TempoPointSpec[] = [
      { time: 0, value: 120, interpolation: 'hold' },
      { time: 16, value: 60, interpolation: 'hold' },
      { time: 32, value: 180 }, // no interpolation attribute: hold, the format's default
    ];
    const r = await run({ tempo: 120, tempoAutomation: { points }, markers: { markers: markersAt([0, 8, 16, 24, 32, 41]) } });
    // 8 beats at 120 = 4 s; 16 beats = 8 s; +8 beats at 60 = 16 s; +16 beats at 60 = 24 s; +9 beats at 180 = 27 s
    const expected = [0, 4, 8, 16, 24, 27];
    r.markers.forEach((m, i) => within1ms(m.seconds, expected[i]!, m.name));
    r.markers.forEach((m) => within1ms(m.seconds, secondsAt(beatPoints(points), m.beat), m.name));
    expect(r.tempo.points).toEqual([[0, 120], [16, 120], [16, 60], [32, 60], [32, 180]]);
  });

  it('linear points ramp linearly in beats, timed as the exact integral (closed form written out, and numerically)', async () => {
    const points: TempoPointSpec[] = [
      { time: 0, value: 100, interpolation: 'linear' },
      { time: 32, value: 140, interpolation: 'hold' },
    ];
    const r = await run({ tempo: 100, tempoAutomation: { points }, markers: { markers: markersAt([8, 16, 32, 48]) } });
    // on the ramp bpm(b) = 100 + 40·b/32, so t(b) = ∫0^b 60/bpm = 60·32/40 · ln(bpm(b)/100)
    const ramp = (b: number): number => ((60 * 32) / 40) * Math.log((100 + (40 * b) / 32) / 100);
    const closed = [ramp(8), ramp(16), ramp(32), ramp(32) + (16 * 60) / 140];
    expect(closed[2]).toBeCloseTo(16.151, 3); // 48·ln 1.4
    r.markers.forEach((m, i) => within1ms(m.seconds, closed[i]!, m.name));
    r.markers.forEach((m) => within1ms(m.seconds, secondsAt(beatPoints(points), m.beat), m.name));
  });

  it('hold and linear mixed, a ramp down, a jump at a point, markers past the last point', async () => {
    const points: TempoPointSpec[] = [
      { time: 0, value: 128, interpolation: 'hold' },
      { time: 32, value: 128, interpolation: 'linear' },
      { time: 64, value: 174, interpolation: 'linear' },
      { time: 96, value: 90, interpolation: 'hold' },
      { time: 128, value: 140, interpolation: 'linear' },
      { time: 128, value: 70, interpolation: 'linear' }, // two points at one time: the later one wins from there
      { time: 160, value: 95, interpolation: 'hold' },
    ];
    const beats = [0, 31.5, 40, 64, 80, 96, 112, 128, 144, 160, 200];
    const r = await run({ tempo: 128, tempoAutomation: { points }, markers: { markers: markersAt(beats) } });
    expect(r.markers.map((m) => m.beat)).toEqual(beats);
    const ref = beatPoints(points);
    r.markers.forEach((m) => within1ms(m.seconds, secondsAt(ref, m.beat), m.name));
    // hand check of one segment: beats 96–128 hold 90 → 32·60/90 = 21.333 s
    within1ms(r.markers[7]!.seconds - r.markers[5]!.seconds, (32 * 60) / 90, '96→128');
    expect(r.warnings).toEqual([]);
  });

  it('points out of time order are sorted (stably) and reported', async () => {
    const points: TempoPointSpec[] = [
      { time: 32, value: 60, interpolation: 'hold' },
      { time: 0, value: 120, interpolation: 'hold' },
    ];
    const r = await run({ tempoAutomation: { points }, markers: { markers: markersAt([16, 40]) } });
    within1ms(r.markers[0]!.seconds, 8, '16 beats at 120');
    within1ms(r.markers[1]!.seconds, 16 + 8, '32 at 120 then 8 at 60');
    expect(r.warnings.map((w) => w.code)).toContain('tempo-points-out-of-order');
  });

  it('an unknown interpolation is read as hold, with a warning; an unusable point is dropped', async () => {
    const points: TempoPointSpec[] = [
      { time: 0, value: 120, interpolation: 'bezier' },
      { time: 8, value: -5, interpolation: 'linear' },
      { time: 16, value: 60 },
    ];
    const r = await run({ tempoAutomation: { points }, markers: { markers: markersAt([16, 20]) } });
    within1ms(r.markers[0]!.seconds, 8, 'held 120');
    within1ms(r.markers[1]!.seconds, 12, 'then 60');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['unknown-interpolation', 'bad-tempo-point']));
  });

  it('without automation the Transport tempo is used; a single point is the tempo everywhere', async () => {
    const plain = await run({ tempo: 128, markers: { markers: markersAt([32]) } });
    within1ms(plain.markers[0]!.seconds, (32 * 60) / 128, 'static 128');
    expect(plain.tempo).toMatchObject({ initialBpm: 128, automated: false });
    const single = await run({ tempo: 128, tempoAutomation: { points: [{ time: 8, value: 96 }] }, markers: { markers: markersAt([32]) } });
    within1ms(single.markers[0]!.seconds, 20, '32 beats at 96');
    const none = await run({ tempo: null, markers: { markers: markersAt([8]) } });
    within1ms(none.markers[0]!.seconds, 4, '120 assumed');
    expect(none.warnings.map((w) => w.code)).toContain('no-tempo');
  });
});

describe('tempo automation timed in seconds', () => {
  it('places the points in beats exactly (hold and linear-in-beats segments), then times markers in beats', async () => {
    const points = [
      { time: 0, bpm: 120, interpolation: 'linear' as const },
      { time: 10, bpm: 180, interpolation: 'hold' as const },
      { time: 20, bpm: 90, interpolation: 'linear' as const },
      { time: 30, bpm: 150, interpolation: 'hold' as const },
    ];
    const ref = pointsFromSeconds(points);
    // hand check: the ramp 120→180 over 10 s covers 10·(180−120)/(60·ln 1.5) = 24.663 beats
    expect(ref[1]!.beat).toBeCloseTo(24.6630, 3);
    const markerBeats = [10, 24, 30, 40, 50, 60, 80];
    const r = await run({
      tempoAutomation: { timeUnit: 'seconds', points: points.map((p) => ({ time: p.time, value: p.bpm, interpolation: p.interpolation })) },
      markers: { markers: markersAt(markerBeats) },
    });
    r.markers.forEach((m) => within1ms(m.seconds, secondsAt(ref, m.beat), m.name));
    // the points themselves: the tempo map's breakpoints sit at the reference's beats
    const at = (r.tempo.points ?? []).map(([b]) => b);
    for (const p of ref) expect(at.some((b) => Math.abs(b - p.beat) < 1e-6), `a breakpoint at beat ${p.beat}`).toBe(true);
    // and a point's own time comes back: the beat of the 20 s point is at 20 s
    within1ms(secondsAt(ref, ref[2]!.beat), 20, 'the 20 s point');
  });

  it('a point before zero seconds and one at a negative time: the first tempo holds back to it', async () => {
    const points = [
      { time: -4, bpm: 60, interpolation: 'hold' as const },
      { time: 6, bpm: 120, interpolation: 'hold' as const },
    ];
    const ref = pointsFromSeconds(points);
    expect(ref[0]!.beat).toBeCloseTo(-4, 9); // 4 s at 60 BPM before zero
    expect(ref[1]!.beat).toBeCloseTo(6, 9);
    const r = await run({ tempoAutomation: { timeUnit: 'seconds', points: points.map((p) => ({ time: p.time, value: p.bpm, interpolation: p.interpolation })) }, markers: { markers: markersAt([3, 10]) } });
    within1ms(r.markers[0]!.seconds, 3, 'beat 3 at 60 BPM');
    within1ms(r.markers[1]!.seconds, 6 + 2, 'beat 10: 6 s, then 4 beats at 120');
  });

  it('a nearly flat linear ramp keeps every digit: an hour from 120 to 120·(1 + 1e-13) BPM', async () => {
    const v1 = 120 * (1 + 1e-13);
    const points = [{ time: 0, value: 120, interpolation: 'linear' }, { time: 3600, value: v1 }];
    const project = await parseProject(buildDawproject({ tempoAutomation: { timeUnit: 'seconds', points }, markers: { markers: markersAt([0]) } }));
    // Δb = Δt·(v1 − v0)/(60·ln(v1/v0)), ln(1 + r)/r by its series (r = 1e-13: three terms are exact)
    const r = (v1 - 120) / 120;
    const expected = (3600 * 120) / (60 * (1 - r / 2 + (r * r) / 3));
    const end = project.timelines[0]!.tempo.points().at(-1)!.beat;
    expect(Math.abs(end - expected) / expected).toBeLessThan(1e-15);
  });
});

describe('markers in seconds', () => {
  const points: TempoPointSpec[] = [
    { time: 0, value: 90, interpolation: 'linear' },
    { time: 64, value: 150, interpolation: 'hold' },
  ];
  const seconds = [0, 12.5, 30, 61.25, 90];
  const spec: DawprojectSpec = { tempoAutomation: { points }, markers: { timeUnit: 'seconds', markers: seconds.map((s) => ({ time: s, name: `${s} s` })) } };

  it('are their own times; their beats (and bar positions) come through the tempo map', async () => {
    const r = await run(spec);
    expect(r.markers.map((m) => m.seconds)).toEqual(seconds);
    const ref = beatPoints(points);
    for (const m of r.markers) {
      const beat = beatAt(ref, m.seconds);
      expect(Math.abs(m.beat - beat), m.name).toBeLessThan(1e-6);
      within1ms(secondsAt(ref, m.beat), m.seconds, m.name);
    }
    // 90 s: the ramp's 64 beats take 60·64/60·ln(150/90) = 32.69 s, then 150 BPM: 64 + 57.31·2.5 = 207.27 beats = bar 52, beat 4, sixteenth 2
    const last = r.markers.at(-1)!;
    expect(last.beat).toBeCloseTo(64 + ((90 - 64 * Math.log(150 / 90)) * 150) / 60, 6);
    expect(last.position).toBe('52.4.2');
  });

  it('keep their times when another timing model is forced; only their beats move', async () => {
    const r = await run(spec, { timing: 'stepped' });
    expect(r.timing.model).toBe('stepped');
    expect(r.timing.step).toBe(0.25);
    expect(r.markers.map((m) => m.seconds)).toEqual(seconds);
  });

  it('survive the stored project (JSON) with their seconds: timing it again gives the same result, any model', async () => {
    const project = await parseProject(buildDawproject(spec));
    expect(project.timelines[0]!.markers.map((m) => m.seconds)).toEqual(seconds);
    const stored = projectFromJson(JSON.parse(JSON.stringify(projectToJson(project))));
    for (const options of [{}, { timing: 'stepped' as const }]) expect(timeProject(stored, options)).toEqual(await run(spec, options));
  });

  it('the start option counts from a marker in seconds', async () => {
    const r = await run(spec, { start: '30 s' });
    // timeProject takes the zero from the start's beat (map.seconds(beatAt(30))), so it can be ~1e-12 s off the stored 30 s
    expect(r.markers).toHaveLength(3);
    [0, 31.25, 60].forEach((s, i) => expect(Math.abs(r.markers[i]!.seconds - s)).toBeLessThan(1e-9));
  });

  it('a marker in beats and one in seconds on the same map agree (the Markers timeUnit is honoured)', async () => {
    const inBeats = await run({ tempoAutomation: { points }, markers: { markers: markersAt([40]) } });
    const t = inBeats.markers[0]!.seconds;
    const inSeconds = await run({ tempoAutomation: { points }, markers: { timeUnit: 'seconds', markers: [{ time: t, name: 'back' }] } });
    expect(inSeconds.markers[0]!.beat).toBeCloseTo(40, 6);
    expect(inSeconds.markers[0]!.position).toBe('11.1.1');
  });
});

describe('bar positions under meter changes', () => {
  it('reads the Transport time signature and TimeSignatureAutomation points (in beats)', async () => {
    // 4/4 bars 1–4 (beats 0–16), 3/4 from beat 16 (bar 5), 7/8 from beat 25 (bar 8: 16 + 3·3), 6/8 from beat 32 (bar 10: 25 + 2·3.5)
    const r = await run({
      timeSignature: { numerator: 4, denominator: 4 },
      meterAutomation: { points: [{ time: 16, numerator: 3, denominator: 4 }, { time: 25, numerator: 7, denominator: 8 }, { time: 32, numerator: 6, denominator: 8 }] },
      markers: { markers: markersAt([0, 15.75, 16, 19, 24.5, 25, 28.5, 29, 32, 35.25]) },
    });
    expect(r.markers.map((m) => m.position)).toEqual(['1.1.1', '4.4.4', '5.1.1', '6.1.1', '7.3.3', '8.1.1', '9.1.1', '9.2.1', '10.1.1', '11.1.2']);
  });

  it('a time signature timed in seconds is placed through the tempo map', async () => {
    // 120 BPM: 8 s is beat 16
    const r = await run({
      tempo: 120,
      meterAutomation: { timeUnit: 'seconds', points: [{ time: 8, numerator: 3, denominator: 4 }] },
      markers: { markers: markersAt([16, 19]) },
    });
    expect(r.markers.map((m) => m.position)).toEqual(['5.1.1', '6.1.1']);
  });

  it('a second TimeSignatureAutomation is ignored with a warning, not merged into the first in its time unit', async () => {
    const xml = projectXml({ tempo: 120, meterAutomation: { points: [{ time: 0, numerator: 4, denominator: 4 }] }, markers: { markers: markersAt([3, 8]) } });
    const second = '<TimeSignatureAutomation timeUnit="seconds"><TimeSignaturePoint time="2" numerator="3" denominator="4"/></TimeSignatureAutomation>';
    const r = await convert(zip([{ name: 'project.xml', data: xml.replace('</TimeSignatureAutomation>', `</TimeSignatureAutomation>${second}`) }]));
    expect(r.markers.map((m) => m.position)).toEqual(['1.4.1', '3.1.1']);
    expect(r.warnings.map((w) => w.code)).toContain('extra-time-signature-automation');
  });

  it('a Transport meter other than 4/4 applies from beat 0', async () => {
    const r = await run({ timeSignature: { numerator: 3, denominator: 4 }, markers: { markers: markersAt([3, 7.5]) } });
    expect(r.markers.map((m) => m.position)).toEqual(['2.1.1', '3.2.3']);
  });
});

describe('the result names the source and the timing', () => {
  it('daw, application and version from <Application>; the continuous model and why', async () => {
    const r = await run({ application: { name: 'Bitwig Studio', version: '5.0' }, markers: { markers: markersAt([0]) } }, { fileName: 'mix.dawproject' });
    expect(r.source).toEqual({ daw: 'dawproject', version: '5.0', application: 'Bitwig Studio 5.0', file: 'mix.dawproject' });
    expect(r.timing.model).toBe('continuous');
    expect(r.timing.step).toBeNull();
    expect(r.timing.reason).toMatch(/^DAWproject linear tempo ramps/);
    expect(r.timing.reason).toContain('the format does not say how Bitwig Studio 5.0 plays a ramp');
    expect(r.markerSource).toBe('markers');
  });

  it('other applications; no Application element is a warning', async () => {
    const s1 = await run({ application: { name: 'Studio One', version: '6.5.1.96553' }, markers: { markers: markersAt([0]) } });
    expect(s1.source).toMatchObject({ application: 'Studio One 6.5.1.96553', version: '6.5.1.96553' });
    const none = await run({ application: null, markers: { markers: markersAt([0]) } });
    expect(none.source).toMatchObject({ application: null, version: null });
    expect(none.warnings.map((w) => w.code)).toContain('no-application');
  });
});
