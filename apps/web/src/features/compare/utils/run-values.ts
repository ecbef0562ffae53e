// The slice of a run the comparison helpers read, so they stay testable without the API.

export interface RunValues {
  id: string;
  params: Record<string, string>;
  metrics: Record<string, { value: number }>;
}

/** Keys present on any of the runs, in first-seen order. */
export function runValueKeys(runs: readonly RunValues[], kind: 'params' | 'metrics'): string[] {
  const keys = new Set<string>();
  for (const run of runs) for (const k of Object.keys(run[kind])) keys.add(k);
  return [...keys];
}

/** A param as a number, or undefined when it is missing or not numeric ("adam", ""). */
export function runParamNumber(run: RunValues, key: string): number | undefined {
  const raw = run.params[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Params that every run holding them logged as a number. */
export function runNumericParamKeys(runs: readonly RunValues[]): string[] {
  return runValueKeys(runs, 'params').filter((k) => {
    const present = runs.filter((r) => r.params[k] !== undefined);
    return present.length > 0 && present.every((r) => runParamNumber(r, k) !== undefined);
  });
}

function runHasValue(run: RunValues, source: 'param' | 'metric', key: string): boolean {
  if (source === 'param') return runParamNumber(run, key) !== undefined;
  const v = run.metrics[key]?.value;
  return v !== undefined && Number.isFinite(v);
}

/**
 * Of `keys`, the one the most runs have a numeric value for (the first on a tie),
 * so a default choice shows as many runs as possible.
 */
export function runBestCoveredKey(runs: readonly RunValues[], source: 'param' | 'metric', keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const key of keys) {
    const count = runs.filter((r) => runHasValue(r, source, key)).length;
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}
