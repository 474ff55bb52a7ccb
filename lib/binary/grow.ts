/** Growing columns of numbers: a typed array of the same kind, `length` long, holding `array`'s values first. */
export function enlarged<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number, fill = 0): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  if (fill !== 0) out.fill(fill);
  out.set(array);
  return out;
}
