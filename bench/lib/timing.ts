import { median } from './processes';

/**
 * Medians of functions run in turn (a, b, a, b, …) after `warmup` rounds, so drift and load on
 * this shared machine hit them alike (their ratio is the figure that matters).
 */
export function timedInTurn(runs: number, warmup: number, fns: readonly (() => unknown)[]): number[] {
  for (let i = 0; i < warmup; i++) fns.forEach((fn) => fn());
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k]?.push(performance.now() - start);
    });
  }
  return times.map(median);
}
