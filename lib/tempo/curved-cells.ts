/**
 * The stepped sum over a curved segment, Σ step·60/bpm(g_k), in bounded time: short runs one
 * cell at a time; long runs sum HEAD cells at each end directly and the middle by
 * Euler–Maclaurin (the continuous integral, computed in the curve parameter, plus the
 * trapezoid and first-derivative corrections). A run is first split where the beat curve is
 * flattest, so a BPM that rises almost vertically mid-segment is summed cell by cell too.
 */
import { beatFraction, bpmAtU, curveBpm, curveSeconds, curveSlope, flattestU, solveU, type CurveSegment } from './bezier';

const DIRECT = 48;
const HEAD = 12;

/** Cells k0 … k0+count-1 one at a time; each solve starts from the previous one's parameter. */
function direct(seg: CurveSegment, k0: number, count: number, step: number): number {
  const span = seg.b1 - seg.b0;
  let u = 0;
  let sum = 0;
  for (let m = 0; m < count; m++) {
    u = solveU(seg, ((k0 + m) * step - seg.b0) / span, u);
    sum += (60 * step) / bpmAtU(seg, u);
  }
  return sum;
}

/** Cell k0+m alone. */
function cell(seg: CurveSegment, k0: number, m: number, step: number): number {
  return (60 * step) / curveBpm(seg, (k0 + m) * step);
}

/** d(cell)/dm = −60·step²·bpm′/bpm² at cell k0+m (0 where the beat curve stands vertical). */
function cellSlope(seg: CurveSegment, k0: number, m: number, step: number): number {
  const x = (k0 + m) * step;
  const v = curveBpm(seg, x);
  const d = (-60 * step * step * curveSlope(seg, x)) / (v * v);
  return Number.isFinite(d) ? d : 0;
}

function run(seg: CurveSegment, k0: number, count: number, step: number): number {
  if (count <= DIRECT) return direct(seg, k0, count, step);
  const sum = direct(seg, k0, HEAD, step) + direct(seg, k0 + count - HEAD, HEAD, step);
  const a = HEAD;
  const b = count - 1 - HEAD;
  const span = seg.b1 - seg.b0;
  const ua = solveU(seg, ((k0 + a) * step - seg.b0) / span);
  const ub = solveU(seg, ((k0 + b) * step - seg.b0) / span);
  return sum + curveSeconds(seg, ua, ub) + (cell(seg, k0, a, step) + cell(seg, k0, b, step)) / 2 + (cellSlope(seg, k0, b, step) - cellSlope(seg, k0, a, step)) / 12;
}

/** Σ_{m=0}^{count-1} step·60/bpm((k0+m)·step) over a curved segment. */
export function curvedCells(seg: CurveSegment, k0: number, count: number, step: number): number {
  if (count > DIRECT) {
    const u = flattestU(seg);
    if (u >= 0) {
      const split = Math.floor((seg.b0 + beatFraction(seg, u) * (seg.b1 - seg.b0)) / step) - k0;
      if (split > HEAD && split < count - HEAD) return run(seg, k0, split, step) + run(seg, k0 + split, count - split, step);
    }
  }
  return run(seg, k0, count, step);
}
