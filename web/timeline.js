// The picture of a set: an SVG timeline with the tempo curve and a focusable tick per marker.
import { curveVertices, tempoCurve } from './tempo-curve.js';
import { formatTime } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
const PAD = { left: 46, right: 14, top: 24, bottom: 26 };
const BPM_STEPS = [0.5, 1, 2, 5, 10, 20, 25, 50, 100];
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * @param {string} name
 * @param {Record<string, string | number>} [attrs]
 * @returns {SVGElement}
 */
function el(name, attrs = {}) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Draws the timeline of a result into `host` (replacing what was there), `width` pixels wide.
 * `onMarker` is told which marker is hovered or focused (null when none).
 * @param {HTMLElement} host
 * @param {any} result the JSON result
 * @param {number} width
 * @param {(text: string | null) => void} onMarker
 */
export function drawTimeline(host, result, width, onMarker) {
  const W = Math.max(280, Math.round(width));
  const H = W < 500 ? 170 : 220;
  const curve = tempoCurve(result);
  const markers = result.markers;
  const first = markers.length ? Math.min(0, markers[0].seconds) : 0;
  const last = markers.length ? markers[markers.length - 1].seconds : 0;
  const span = Math.max(last - first, 1);
  const t0 = first;
  const t1 = result.durationSeconds && result.durationSeconds > last ? result.durationSeconds : last + span * 0.08;
  const vertices = reduce(curveVertices(curve, curve.beatAt(t0), curve.beatAt(t1)), (t1 - t0) / (W * 2));
  let lo = Math.min(...vertices.map((v) => v[1]));
  let hi = Math.max(...vertices.map((v) => v[1]));
  const pad = hi - lo < 1 ? 10 : (hi - lo) * 0.12;
  lo = Math.max(0, lo - pad);
  hi += pad;
  const x = (/** @type {number} */ t) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (/** @type {number} */ bpm) => PAD.top + (1 - (bpm - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'timeline-svg', role: 'group' });
  svg.setAttribute('aria-label', `Tempo from ${fmtBpm(lo + pad)} to ${fmtBpm(hi - pad)} BPM over ${formatTime(t1 - t0, 's')}, ${markers.length} markers`);
  svg.append(axes(x, y, t0, t1, lo, hi, W, H));
  const path = vertices.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
  svg.append(el('path', { d: path, class: 'tempo-line' }));
  svg.append(ticks(markers, x, H, onMarker));
  host.replaceChildren(svg);
}

/** @param {number} v */
function fmtBpm(v) {
  return (Math.round(v * 10) / 10).toString();
}

/**
 * Keeps the first, lowest, highest and last vertex of each `bucket` seconds (long envelopes).
 * @param {Array<[number, number]>} vertices
 * @param {number} bucket
 * @returns {Array<[number, number]>}
 */
function reduce(vertices, bucket) {
  if (vertices.length < 1500) return vertices;
  /** @type {Array<[number, number]>} */
  const out = [];
  let group = [vertices[0]];
  const flush = () => {
    const lowest = group.reduce((a, b) => (b[1] < a[1] ? b : a));
    const highest = group.reduce((a, b) => (b[1] > a[1] ? b : a));
    const keep = [group[0], lowest, highest, group[group.length - 1]].sort((a, b) => a[0] - b[0]);
    for (const v of keep) if (out[out.length - 1] !== v) out.push(v);
  };
  for (const v of vertices.slice(1)) {
    if (Math.floor(v[0] / bucket) !== Math.floor(group[0][0] / bucket)) { flush(); group = []; }
    group.push(v);
  }
  flush();
  return out;
}

/**
 * Grid lines and labels: time along the bottom, BPM on the left.
 * @returns {SVGElement}
 */
function axes(/** @type {(t: number) => number} */ x, /** @type {(v: number) => number} */ y,
  /** @type {number} */ t0, /** @type {number} */ t1, /** @type {number} */ lo, /** @type {number} */ hi,
  /** @type {number} */ W, /** @type {number} */ H) {
  const g = el('g', { class: 'axes', 'aria-hidden': 'true' });
  const maxLabels = Math.max(2, Math.floor((W - PAD.left) / 70));
  const step = TIME_STEPS.find((s) => (t1 - t0) / s <= maxLabels) ?? 3600 * Math.ceil((t1 - t0) / 3600 / maxLabels);
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    g.append(el('line', { x1: x(t), x2: x(t), y1: PAD.top, y2: H - PAD.bottom, class: 'grid' }));
    const label = el('text', { x: x(t), y: H - 8, 'text-anchor': 'middle', class: 'axis-label' });
    label.textContent = formatTime(t, 's');
    g.append(label);
  }
  const bpmStep = BPM_STEPS.find((s) => (hi - lo) / s <= 4) ?? 200;
  for (let bpm = Math.ceil(lo / bpmStep) * bpmStep; bpm <= hi; bpm += bpmStep) {
    g.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(bpm), y2: y(bpm), class: 'grid' }));
    const label = el('text', { x: PAD.left - 6, y: y(bpm) + 4, 'text-anchor': 'end', class: 'axis-label' });
    label.textContent = fmtBpm(bpm);
    g.append(label);
  }
  const unit = el('text', { x: PAD.left - 6, y: 11, 'text-anchor': 'end', class: 'axis-label' });
  unit.textContent = 'BPM';
  g.append(unit);
  return g;
}

/**
 * One focusable tick per marker (roving tabindex: arrows move, Home/End jump), name in <title>.
 * @returns {SVGElement}
 */
function ticks(/** @type {any[]} */ markers, /** @type {(t: number) => number} */ x, /** @type {number} */ H,
  /** @type {(text: string | null) => void} */ onMarker) {
  const g = el('g', { class: 'ticks' });
  /** @type {SVGElement[]} */
  const items = [];
  markers.forEach((m, i) => {
    const text = `${formatTime(m.seconds, 'ms')} — ${m.name || '(no name)'} (bar ${m.position})`;
    const tick = el('g', { class: 'tick', tabindex: i === 0 ? 0 : -1, role: 'img', 'data-index': i });
    tick.setAttribute('aria-label', `Marker ${i + 1} of ${markers.length}: ${text}`);
    const title = el('title');
    title.textContent = text;
    tick.append(title);
    tick.append(el('rect', { x: x(m.seconds) - 5, y: PAD.top, width: 10, height: H - PAD.top - PAD.bottom, class: 'tick-hit' }));
    tick.append(el('line', { x1: x(m.seconds), x2: x(m.seconds), y1: PAD.top, y2: H - PAD.bottom, class: 'tick-line' }));
    tick.append(el('circle', { cx: x(m.seconds), cy: H - PAD.bottom, r: 3.5, class: 'tick-dot' }));
    tick.addEventListener('focus', () => onMarker(text));
    tick.addEventListener('mouseenter', () => onMarker(text));
    tick.addEventListener('blur', () => onMarker(null));
    tick.addEventListener('mouseleave', () => onMarker(null));
    items.push(tick);
    g.append(tick);
  });
  g.addEventListener('keydown', (e) => {
    const current = items.indexOf(/** @type {SVGElement} */ (e.target));
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next === undefined || next < 0 || next >= items.length) return;
    e.preventDefault();
    items[current].setAttribute('tabindex', '-1');
    items[next].setAttribute('tabindex', '0');
    /** @type {any} */ (items[next]).focus();
  });
  return g;
}
