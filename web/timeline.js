// The picture of a set: an SVG timeline with the tempo line (lib's tempo map: ramps and curves
// as they are, from the worker's tempoVertices) and a focusable tick per marker.
import { formatClock } from './dawstamps.js';

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
 * @param {{ from: number, to: number, vertices: Array<[number, number]> }} curve seconds from the start, BPM
 * @param {number} width
 * @param {(text: string | null) => void} onMarker
 */
export function drawTimeline(host, result, curve, width, onMarker) {
  const W = Math.max(280, Math.round(width));
  const H = W < 500 ? 170 : 220;
  const markers = result.markers;
  const { from: t0, to: t1, vertices } = curve;
  let lo = Math.min(...vertices.map((v) => v[1]));
  let hi = Math.max(...vertices.map((v) => v[1]));
  const pad = hi - lo < 1 ? 10 : (hi - lo) * 0.12;
  lo = Math.max(0, lo - pad);
  hi += pad;
  const x = (/** @type {number} */ t) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (/** @type {number} */ bpm) => PAD.top + (1 - (bpm - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'timeline-svg', role: 'group' });
  svg.setAttribute('aria-label', `Tempo from ${fmtBpm(lo + pad)} to ${fmtBpm(hi - pad)} BPM over ${formatClock(t1 - t0)}, ${markers.length} markers`);
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
    label.textContent = formatClock(t);
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
    const text = `${formatClock(m.seconds, { precision: 'ms' })} — ${m.name} (bar ${m.position})`;
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
    const from = items[current];
    const to = next === undefined ? undefined : items[next];
    if (!from || !to) return;
    e.preventDefault();
    from.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
    to.focus();
  });
  return g;
}
