/** Prefix sums anchored at one index: values[anchor] is given, the rest follow by adding widths. */

/**
 * Fills values[j] for every j so that values[j+1] − values[j] = width(j), with values[anchor]
 * as given; compensated (Neumaier) summation in both directions keeps 10⁶ segments exact.
 * Each width is computed once, when it is added (no array of widths).
 */
export function fillFromAnchor(values: Float64Array, width: (j: number) => number, anchor: number, anchorValue: number): void {
  values[anchor] = anchorValue;
  let sum = anchorValue;
  let comp = 0;
  for (let j = anchor; j < values.length - 1; j++) {
    const w = width(j);
    const t = sum + w;
    comp += Math.abs(sum) >= Math.abs(w) ? sum - t + w : w - t + sum;
    sum = t;
    values[j + 1] = sum + comp;
  }
  sum = anchorValue;
  comp = 0;
  for (let j = anchor - 1; j >= 0; j--) {
    const w = -width(j);
    const t = sum + w;
    comp += Math.abs(sum) >= Math.abs(w) ? sum - t + w : w - t + sum;
    sum = t;
    values[j] = sum + comp;
  }
}
