/** Timing helpers for the in-process cases. */

/** Runs `fn` once to warm up, then `runs` times; returns the median and the fastest, in ms. */
export function timeRuns(runs: number, fn: () => void): { ms: number; min: number } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor((times.length - 1) / 2)] as number, min: times[0] as number };
}

/** The same for async work. */
export async function timeRunsAsync(runs: number, fn: () => Promise<void>): Promise<{ ms: number; min: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor((times.length - 1) / 2)] as number, min: times[0] as number };
}
