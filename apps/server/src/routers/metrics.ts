import { metricKeysInput, metricSeriesInput } from '@quorum/contracts';
import { metricKeysOf } from '@quorum/db';
import { metricSeries } from '../services/metric-series';
import { publicProcedure, router } from '../trpc/init';

export const metricsRouter = router({
  series: publicProcedure.input(metricSeriesInput).query(({ ctx, input }) => metricSeries(ctx, input)),
  keys: publicProcedure.input(metricKeysInput).query(({ ctx, input }) => metricKeysOf(ctx.db, input)),
});
