import { kpiCommentInput, kpiCreateInput, kpiRecordInput, kpiRefInput, kpiUpdateInput } from '@quorum/contracts';
import { kpiBoard, kpiChange, kpiComment, kpiCreate, kpiDetail, kpiRecord } from '../services/kpis';
import { authedProcedure, router } from '../trpc/init';

export const kpisRouter = router({
  board: authedProcedure.query(({ ctx }) => kpiBoard(ctx)),
  get: authedProcedure.input(kpiRefInput).query(({ ctx, input }) => kpiDetail(ctx, input.id)),
  create: authedProcedure.input(kpiCreateInput).mutation(({ ctx, input }) => kpiCreate(ctx, input)),
  update: authedProcedure.input(kpiUpdateInput).mutation(({ ctx, input }) => kpiChange(ctx, input)),
  record: authedProcedure.input(kpiRecordInput).mutation(({ ctx, input }) => kpiRecord(ctx, input)),
  comment: authedProcedure.input(kpiCommentInput).mutation(({ ctx, input }) => kpiComment(ctx, input)),
});
