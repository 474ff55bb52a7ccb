/** Timing helpers for the in-process cases: wall time and CPU time (all threads) per run. */

/** Median wall time, fastest wall time and median CPU time (user + system), in ms. */
export interface Timing {
  ms: number;
  min: number;
  cpuMs: number;
}

const middle = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

/** Runs `fn` once to warm up, then `runs` times. */
export async function timeRunsAsync(runs: number, fn: () => void | Promise<void>): Promise<Timing> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: middle(wall), min: Math.min(...wall), cpuMs: middle(cpu) };
}

/** The same for synchronous work (no await between the clock readings and the work). */
export function timeRuns(runs: number, fn: () => void): Timing {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: middle(wall), min: Math.min(...wall), cpuMs: middle(cpu) };
}
