// Axis domains and ticks at round numbers, so ticks read 0.2, 0.4 rather than 0.285, 0.38.

function roundTick(v: number): number {
  // Repeated addition drifts (0.30000000000000004); twelve digits is far below what a tick shows.
  return Number(v.toPrecision(12));
}

/** The round step (1, 2, 2.5 or 5 × 10ⁿ) nearest above `raw`. */
function niceStep(raw: number): number {
  const e = 10 ** Math.floor(Math.log10(raw));
  const f = raw / e;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
}

function spread(min: number, max: number): [number, number] {
  if (max > min) return [min, max];
  const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
  return [min - pad, max + pad];
}

/** A linear axis covering [min, max], widened to round numbers, with about `count` ticks. */
export function linearDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  const [lo, hi] = spread(min, max);
  const step = niceStep((hi - lo) / Math.max(count - 1, 1));
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step / 2; i++) ticks.push(roundTick(start + i * step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** Round ticks inside a fixed [min, max], for an axis that must not widen (a zoomed range). */
export function linearTicksWithin(min: number, max: number, count = 5): number[] {
  const [lo, hi] = spread(min, max);
  const step = niceStep((hi - lo) / Math.max(count - 1, 1));
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(roundTick(t));
  return ticks;
}

/** A log axis spanning [min, max] (both > 0), widened to whole decades, with ticks on them. */
export function logDomain(min: number, max: number): { domain: [number, number]; ticks: number[] } {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(Math.ceil(Math.log10(max)), lo + 1);
  const ticks: number[] = [];
  const fewDecades = hi - lo <= 2;
  for (let e = lo; e <= hi; e++) {
    const decade = 10 ** e;
    ticks.push(roundTick(decade));
    // With one or two decades, powers of ten alone leave the axis nearly bare.
    if (fewDecades && e < hi) ticks.push(roundTick(2 * decade), roundTick(5 * decade));
  }
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}
