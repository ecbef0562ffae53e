import { logBatchInput, runColumnsInput, runCreateInput, runGetInput, runSearchInput, runUpdateInput } from '@quorum/contracts';
import { runColumnKeys } from '@quorum/db';
import { logBatch } from '../services/log-batch';
import { runSearch } from '../services/run-search';
import { runCreate, runGet, runUpdate } from '../services/runs';
import { authedProcedure, router } from '../trpc/init';

export const runsRouter = router({
  create: authedProcedure.input(runCreateInput).mutation(({ ctx, input }) => runCreate(ctx, input)),
  update: authedProcedure.input(runUpdateInput).mutation(({ ctx, input }) => runUpdate(ctx, input)),
  get: authedProcedure.input(runGetInput).query(({ ctx, input }) => runGet(ctx, input.runId)),
  logBatch: authedProcedure.input(logBatchInput).mutation(({ ctx, input }) => logBatch(ctx, input)),
  search: authedProcedure.input(runSearchInput).query(({ ctx, input }) => runSearch(ctx, input)),
  /** Param, metric and tag keys present in the experiments' runs. */
  columns: authedProcedure.input(runColumnsInput).query(({ ctx, input }) => runColumnKeys(ctx.db, input.experimentIds)),
});
