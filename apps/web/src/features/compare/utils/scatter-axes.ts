// What the scatter plot can put on its axes, and what it puts there by default.
import { runBestCoveredKey, runNumericParamKeys, runParamNumber, runValueKeys, type RunValues } from './run-values';
import type { ValueRef } from './url-state';

/** A run's numeric value for a param or a metric's latest value; undefined when missing or not finite. */
export function scatterValue(run: RunValues, ref: ValueRef): number | undefined {
  const v = ref.source === 'param' ? runParamNumber(run, ref.key) : run.metrics[ref.key]?.value;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/**
 * The selectable values (numeric params, then metrics) and the axes to use: the chosen
 * ones when they exist, else a param across and a metric up ("what did this knob do to
 * the result"), each the one most runs have, so that the default plot is not empty.
 */
export function scatterAxes(
  runs: readonly RunValues[],
  chosenX: ValueRef | null,
  chosenY: ValueRef | null,
): { options: ValueRef[]; x: ValueRef | null; y: ValueRef | null } {
  const params = runNumericParamKeys(runs).sort();
  const metrics = runValueKeys(runs, 'metrics').sort();
  const options = [...params.map((key): ValueRef => ({ source: 'param', key })), ...metrics.map((key): ValueRef => ({ source: 'metric', key }))];
  const find = (ref: ValueRef | null) => (ref ? options.find((o) => o.source === ref.source && o.key === ref.key) : undefined);

  const param = runBestCoveredKey(runs, 'param', params);
  const x = find(chosenX) ?? (param !== undefined ? find({ source: 'param', key: param }) : options[0]) ?? null;
  const withX = x ? runs.filter((r) => scatterValue(r, x) !== undefined) : runs;
  const metric = runBestCoveredKey(withX, 'metric', metrics);
  const y = find(chosenY) ?? (metric !== undefined ? find({ source: 'metric', key: metric }) : options[1]) ?? null;
  return { options, x, y };
}
