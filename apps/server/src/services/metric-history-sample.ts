// The metric history of several runs at a shared sample of steps (MLflow's
// metrics/get-history-bulk-interval): every point at each sampled step, run by run.
import { metricPointsAtSteps, metricStepsOfRuns, runIdsExisting } from '@quorum/db';
import { seriesStepsSample } from '@quorum/domain';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

/** Points returned per run at most, as MLflow caps them (many points can share a step). */
export const METRIC_HISTORY_SAMPLE_PER_RUN = 25_000;

export interface SampledPoint {
  runId: string;
  step: number;
  timestamp: number;
  value: number;
}

/**
 * The points of `key` for each run (deleted runs included, as reads are) at the steps
 * seriesStepsSample picks over [from, to], or over every logged step when no range is
 * given; ordered by run as given, then step and time. An unknown run is NOT_FOUND.
 */
export async function metricHistorySample(
  ctx: ServiceContext,
  input: { runIds: readonly string[]; key: string; range?: { from: number; to: number } | undefined; maxSteps: number },
): Promise<SampledPoint[]> {
  const runIds = [...new Set(input.runIds)];
  const known = new Set(await runIdsExisting(ctx.db, runIds, { includeDeleted: true }));
  const unknown = runIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new ServiceError('NOT_FOUND', `No run with id ${unknown}`, { runId: unknown });
  const range = input.range ?? { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };
  const { steps, extremes } = await metricStepsOfRuns(ctx.db, runIds, input.key, range);
  const sampled = seriesStepsSample(steps, extremes.flatMap((e) => [e.min, e.max]), range, input.maxSteps);
  const series = await metricPointsAtSteps(ctx.db, runIds, input.key, sampled, METRIC_HISTORY_SAMPLE_PER_RUN);
  const byRun = new Map(series.map((s) => [s.runId, s]));
  return runIds.flatMap((runId) => {
    const s = byRun.get(runId);
    return s ? s.steps.map((step, i) => ({ runId, step, timestamp: s.timestamps[i]!, value: s.values[i]! })) : [];
  });
}
