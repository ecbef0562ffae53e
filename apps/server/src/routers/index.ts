// The API's table of contents.
import { router } from '../trpc/init';
import { datasetsRouter } from './datasets';
import { experimentsRouter } from './experiments';
import { metricsRouter } from './metrics';
import { runsRouter } from './runs';

export const appRouter = router({
  experiments: experimentsRouter,
  runs: runsRouter,
  metrics: metricsRouter,
  datasets: datasetsRouter,
});

export type AppRouter = typeof appRouter;
