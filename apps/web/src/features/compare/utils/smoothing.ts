// Exponential smoothing of metric curves, as TensorBoard draws them.

/**
 * TensorBoard's debiased exponential moving average. `weight` 0 returns the input;
 * non-finite values pass through unchanged and do not feed the average, so one NaN
 * does not poison the rest of the curve.
 */
export function smoothingEma(values: readonly number[], weight: number): number[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return values.slice();
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * w + (1 - w) * v;
    count += 1;
    // Starting the average at 0 drags early points towards 0; dividing by the
    // weight still missing from the sum undoes that bias.
    return last / (1 - w ** count);
  });
}
