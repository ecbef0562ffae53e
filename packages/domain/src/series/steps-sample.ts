// Which steps MLflow's metrics/get-history-bulk-interval returns: a sample shared by every
// run in the request, so their charts line up, that never drops a run's ends.

/**
 * Samples `steps` (the distinct steps the runs logged in the range, ascending) down to at
 * most `maxSteps`, evenly spaced by position as MLflow does (`floor(i * n / maxSteps)`),
 * always with the last one; then adds each run's first and last step (`extremes`, over
 * its whole history) that fall in [from, to]. Returns the steps ascending.
 */
export function seriesStepsSample(
  steps: readonly number[],
  extremes: readonly number[],
  range: { from: number; to: number },
  maxSteps: number,
): number[] {
  const picked = new Set<number>();
  if (steps.length <= maxSteps) {
    for (const s of steps) picked.add(s);
  } else {
    const interval = steps.length / maxSteps;
    for (let i = 0; i < maxSteps; i++) picked.add(steps[Math.floor(i * interval)]!);
    picked.add(steps[steps.length - 1]!);
  }
  for (const s of extremes) if (s >= range.from && s <= range.to) picked.add(s);
  return [...picked].sort((a, b) => a - b);
}
