// The API's table of contents.
import { router } from '../trpc/init';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { datasetsRouter } from './datasets';
import { teamsRouter, tokensRouter, usersRouter } from './identity';
import { experimentsRouter } from './experiments';
import { metricsRouter } from './metrics';
import { runsRouter } from './runs';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  teams: teamsRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  experiments: experimentsRouter,
  runs: runsRouter,
  metrics: metricsRouter,
  datasets: datasetsRouter,
});

export type AppRouter = typeof appRouter;
