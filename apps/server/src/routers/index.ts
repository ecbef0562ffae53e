// The API's table of contents.
import { router } from '../trpc/init';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { datasetsRouter } from './datasets';
import { teamsRouter, tokensRouter, usersRouter } from './identity';
import { aliasesRouter, gatesRouter, lineageRouter, modelsRouter, promotionsRouter, reviewsRouter, versionsRouter } from './registry';
import { experimentsRouter } from './experiments';
import { kpisRouter } from './kpis';
import { monitoringRouter } from './monitoring';
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
  models: modelsRouter,
  versions: versionsRouter,
  gates: gatesRouter,
  promotions: promotionsRouter,
  aliases: aliasesRouter,
  reviews: reviewsRouter,
  lineage: lineageRouter,
  kpis: kpisRouter,
  monitoring: monitoringRouter,
});

export type AppRouter = typeof appRouter;
