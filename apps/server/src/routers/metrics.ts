import { metricKeysInput, metricSeriesInput } from '@quorum/contracts';
import { metricKeysOf } from '@quorum/db';
import { metricSeries } from '../services/metric-series';
import { authedProcedure, router } from '../trpc/init';

export const metricsRouter = router({
  series: authedProcedure.input(metricSeriesInput).query(({ ctx, input }) => metricSeries(ctx, input)),
  keys: authedProcedure.input(metricKeysInput).query(({ ctx, input }) => metricKeysOf(ctx.db, input)),
});
