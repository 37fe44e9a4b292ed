import { GAUSSIAN_SWEEP_WASM } from './gaussian-sweep-wasm';

/**
 * The zero-gamma sweep's inner sum, Σ amp × e^(−d₁²/2) over the contracts at each grid spot, run by
 * the WebAssembly SIMD kernel of gaussian-sweep.wat (two contracts per instruction, e^x by a
 * polynomial within 3 ulp of `Math.exp`): about twice as fast as the JavaScript loop it
 * replaces on a fresh process, where that loop spent its first call waiting for the optimizing
 * compiler. For a price level and a chart, never for money.
 */

/** The kernel's exports (see gaussian-sweep.wat). */
interface Kernel {
  memory: WebAssembly.Memory;
  total: (lnSpot: number, count: number, shifts: number, inverses: number, amps: number) => number;
}

/** Terms per step of the kernel (four vectors of two); arrays are padded with zeros to a multiple. */
const STEP = 8;
const PAGE_BYTES = 65536;

let kernel: Kernel | undefined;

/** The kernel, compiled and instantiated on first use (synchronously: it is 2 KB). */
function sweepKernel(): Kernel {
  if (kernel === undefined) {
    const bytes = Uint8Array.from(atob(GAUSSIAN_SWEEP_WASM), (c) => c.charCodeAt(0));
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernel;
  }
  return kernel;
}

/**
 * Σ_i amps[i] × e^(−d₁²/2), d₁ = (ln S + shifts[i]) × inverses[i], over the first `count` terms
 * and the terms with d₁² < 1400 (the others underflow), at each S of `spots`. NaN or ±Infinity in
 * an amp of a kept term comes out in that total; a NaN d₁ drops its term, as `d₁² < 1400` is false.
 */
export function gaussianSums(
  shifts: Float64Array,
  inverses: Float64Array,
  amps: Float64Array,
  count: number,
  spots: Float64Array,
): Float64Array {
  const { memory, total } = sweepKernel();
  const padded = Math.ceil(count / STEP) * STEP;
  const bytes = 3 * padded * Float64Array.BYTES_PER_ELEMENT;
  if (memory.buffer.byteLength < bytes)
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
  const heap = new Float64Array(memory.buffer, 0, 3 * padded);
  [shifts, inverses, amps].forEach((array, a) => {
    heap.set(array.subarray(0, count), a * padded);
    heap.fill(0, a * padded + count, (a + 1) * padded); // zero terms add +0
  });
  const arrayBytes = padded * Float64Array.BYTES_PER_ELEMENT;
  const sums = new Float64Array(spots.length);
  // One call per spot: V8 tiers a WebAssembly function up between calls, not within one.
  for (let k = 0; k < spots.length; k++)
    sums[k] = total(Math.log(spots[k] as number), padded, 0, arrayBytes, 2 * arrayBytes);
  return sums;
}
