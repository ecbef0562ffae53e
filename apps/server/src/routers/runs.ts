import { logBatchInput, runColumnsInput, runCreateInput, runGetInput, runSearchInput, runUpdateInput } from '@quorum/contracts';
import { runColumnKeys } from '@quorum/db';
import { logBatch } from '../services/log-batch';
import { runSearch } from '../services/run-search';
import { runCreate, runGet, runUpdate } from '../services/runs';
import { publicProcedure, router } from '../trpc/init';

export const runsRouter = router({
  create: publicProcedure.input(runCreateInput).mutation(({ ctx, input }) => runCreate(ctx, input)),
  update: publicProcedure.input(runUpdateInput).mutation(({ ctx, input }) => runUpdate(ctx, input)),
  get: publicProcedure.input(runGetInput).query(({ ctx, input }) => runGet(ctx, input.runId)),
  logBatch: publicProcedure.input(logBatchInput).mutation(({ ctx, input }) => logBatch(ctx, input)),
  search: publicProcedure.input(runSearchInput).query(({ ctx, input }) => runSearch(ctx, input)),
  /** Param, metric and tag keys present in the experiments' runs. */
  columns: publicProcedure.input(runColumnsInput).query(({ ctx, input }) => runColumnKeys(ctx.db, input.experimentIds)),
});
