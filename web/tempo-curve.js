// The tempo of a result as a function of time: BPM at a beat, seconds at a beat, anchored on the markers.

/**
 * @typedef {{ beat: number, seconds: number }} Anchor
 * @typedef {{ bpmAt: (beat: number) => number, secondsAt: (beat: number) => number,
 *   beatAt: (seconds: number) => number, breakpoints: Array<[number, number]> }} TempoCurve
 */

const MIN_BPM = 1;

/**
 * Builds the curve from `result.tempo.points` (linear in beats between breakpoints, jumps where two
 * share a beat) and the markers' beat/seconds pairs, so the drawing agrees with the table exactly.
 * @param {{ tempo: { initialBpm: number, points: Array<[number, number]> }, markers: Anchor[], start: { beat: number } }} result
 * @returns {TempoCurve}
 */
export function tempoCurve(result) {
  /** @type {Array<[number, number]>} */
  const points = result.tempo.points.length > 0
    ? result.tempo.points.map(([b, v]) => [b, Math.max(MIN_BPM, v)])
    : [[0, Math.max(MIN_BPM, result.tempo.initialBpm)]];
  // cum[i]: continuous seconds from points[0] to points[i]
  const cum = [0];
  for (let i = 1; i < points.length; i++) cum.push(cum[i - 1] + segmentSeconds(points[i - 1], points[i], points[i][0]));

  /** Index of the last breakpoint at or before `beat` (-1 when before all). */
  const lastAtOrBefore = (/** @type {number} */ beat) => {
    let lo = 0;
    let hi = points.length - 1;
    if (beat < points[0][0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (points[mid][0] <= beat) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const bpmAt = (/** @type {number} */ beat) => {
    const i = lastAtOrBefore(beat);
    if (i < 0) return points[0][1];
    if (i === points.length - 1) return points[i][1];
    const [b0, v0] = points[i];
    const [b1, v1] = points[i + 1];
    return b1 === b0 ? v1 : v0 + ((v1 - v0) * (beat - b0)) / (b1 - b0);
  };

  /** Continuous seconds from points[0] to `beat` (negative before it). */
  const integral = (/** @type {number} */ beat) => {
    const i = lastAtOrBefore(beat);
    if (i < 0) return ((beat - points[0][0]) * 60) / points[0][1];
    if (i === points.length - 1) return cum[i] + ((beat - points[i][0]) * 60) / points[i][1];
    return cum[i] + segmentSeconds(points[i], points[i + 1], beat);
  };

  const anchors = result.markers.length > 0
    ? [...result.markers].sort((a, b) => a.beat - b.beat)
    : [{ beat: result.start.beat, seconds: 0 }];

  const secondsAt = (/** @type {number} */ beat) => {
    let lo = 0;
    let hi = anchors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid].beat <= beat) lo = mid;
      else hi = mid - 1;
    }
    const anchor = anchors[lo];
    return anchor.seconds + integral(beat) - integral(anchor.beat);
  };

  const beatAt = (/** @type {number} */ seconds) => {
    let lo = anchors[0].beat;
    let hi = lo;
    let span = 1;
    while (secondsAt(lo) > seconds && span < 1e9) { lo -= span; span *= 2; }
    span = 1;
    while (secondsAt(hi) < seconds && span < 1e9) { hi += span; span *= 2; }
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (secondsAt(mid) < seconds) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };

  return { bpmAt, secondsAt, beatAt, breakpoints: points };
}

/**
 * Seconds from p0's beat to `beat` inside the linear segment p0 → p1.
 * @param {[number, number]} p0
 * @param {[number, number]} p1
 * @param {number} beat
 * @returns {number}
 */
function segmentSeconds([b0, v0], [b1, v1], beat) {
  if (b1 === b0 || v1 === v0) return ((beat - b0) * 60) / v0;
  const k = (v1 - v0) / (b1 - b0);
  const v = Math.max(MIN_BPM, v0 + k * (beat - b0));
  return (60 / k) * Math.log(v / v0);
}

/**
 * The curve's vertices (seconds, bpm) between two beats: every breakpoint (two at a jump),
 * with extra samples inside ramps (BPM is linear in beats, not in seconds).
 * @param {TempoCurve} curve
 * @param {number} fromBeat
 * @param {number} toBeat
 * @returns {Array<[number, number]>}
 */
export function curveVertices(curve, fromBeat, toBeat) {
  /** @type {Array<[number, number]>} */
  const out = [[curve.secondsAt(fromBeat), curve.bpmAt(fromBeat)]];
  const inside = curve.breakpoints.filter(([b]) => b > fromBeat && b < toBeat);
  const ramps = inside.length < 400;
  let prevBeat = fromBeat;
  let prevBpm = curve.bpmAt(fromBeat);
  for (const [beat, bpm] of [...inside, [toBeat, curve.bpmAt(toBeat)]]) {
    if (ramps && beat > prevBeat) {
      const end = curve.bpmAt(beat - 1e-9 * Math.max(1, Math.abs(beat)));
      if (Math.abs(end - prevBpm) > 1e-6) {
        for (let k = 1; k < 12; k++) {
          const b = prevBeat + ((beat - prevBeat) * k) / 12;
          out.push([curve.secondsAt(b), curve.bpmAt(b)]);
        }
      }
    }
    out.push([curve.secondsAt(beat), bpm]);
    prevBeat = beat;
    prevBpm = bpm;
  }
  return out;
}
