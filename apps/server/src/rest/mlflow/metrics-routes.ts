// metrics/get-history-bulk-interval: the history of one metric for up to 100 runs at a
// shared sample of steps, as MLflow's UI asks for its charts.
import { ServiceError } from '../../services/errors';
import { metricHistorySample } from '../../services/metric-history-sample';
import { invalid, missing, runNotFound } from './errors';
import type { Route } from './lookup';
import { dbl, int64, nonEmpty, reqStr, strings } from './wire';

const MAX_RUNS = 100;
const MAX_RESULTS = 2_500;

export function registerMetricRoutes(route: Route): void {
  route(['get'], '/metrics/get-history-bulk-interval', async (_req, ctx, src) => {
    const runIds = strings(src, 'run_ids').filter((id) => id !== '');
    if (runIds.length === 0) throw missing('run_ids');
    if (runIds.length > MAX_RUNS) throw invalid(`GetMetricHistoryBulkInterval request must specify at most ${MAX_RUNS} run_ids. Received ${runIds.length} run_ids.`);
    const key = reqStr(src, 'metric_key');
    const from = int64(src, 'start_step');
    const to = int64(src, 'end_step');
    const maxSteps = int64(src, 'max_results') ?? MAX_RESULTS;
    if (maxSteps < 1 || maxSteps > MAX_RESULTS) throw invalid(`max_results must be between 1 and ${MAX_RESULTS}.`);
    if ((from === undefined) !== (to === undefined)) throw invalid('If either start step or end step are specified, both must be specified.');
    if (from !== undefined && to !== undefined && from > to) throw invalid(`end_step must be greater than start_step. Found start_step=${from} and end_step=${to}.`);
    const range = from !== undefined && to !== undefined ? { from, to } : undefined;
    const points = await metricHistorySample(ctx, { runIds, key, range, maxSteps }).catch((e: unknown) => {
      if (e instanceof ServiceError && e.code === 'NOT_FOUND') throw runNotFound(String(e.detail?.runId));
      throw e;
    });
    return nonEmpty(
      'metrics',
      points.map((p) => ({ key, value: dbl(p.value), timestamp: p.timestamp, step: p.step, run_id: p.runId })),
    );
  });
}
