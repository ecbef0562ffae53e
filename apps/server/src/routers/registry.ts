import {
  aliasAtInput,
  gateReportInput,
  lineageInput,
  modelByNameInput,
  modelCreateInput,
  modelRefInput,
  modelSetPolicyInput,
  modelRenameInput,
  modelUpdateInput,
  promotionDecideInput,
  promotionListInput,
  promotionRefInput,
  promotionRequestInput,
  reviewResolveInput,
  rollbackInput,
  versionByNumberInput,
  versionCardInput,
  versionCreateInput,
  versionRefInput,
  versionUpdateInput,
} from '@quorum/contracts';
import { aliasHistoryOf } from '@quorum/db';
import { z } from 'zod';
import { gateCheck, gateLatest, gateReport } from '../services/gates';
import { lineage } from '../services/lineage';
import {
  aliasRollback,
  promotionApply,
  promotionDecide,
  promotionDetail,
  promotionRequest,
  promotionsList,
  promotionWithdraw,
  reviewClose,
  reviewsList,
} from '../services/promotions';
import { aliasAtTime, modelChange, modelCreate, modelDetail, modelGetRowByName, modelsOverview, modelSetPolicy, versionByNumber, versionCreate, versionDetail, versionUpdateCard } from '../services/registry';
import { modelDelete, modelRename, versionChange, versionDelete } from '../services/registry-edits';
import { authedProcedure, router } from '../trpc/init';

export const modelsRouter = router({
  list: authedProcedure.query(({ ctx }) => modelsOverview(ctx)),
  get: authedProcedure.input(modelRefInput).query(({ ctx, input }) => modelDetail(ctx, input.id)),
  byName: authedProcedure.input(modelByNameInput).query(async ({ ctx, input }) => modelDetail(ctx, (await modelGetRowByName(ctx.db, input.name)).id)),
  create: authedProcedure.input(modelCreateInput).mutation(({ ctx, input }) => modelCreate(ctx, input)),
  update: authedProcedure.input(modelUpdateInput).mutation(({ ctx, input }) => modelChange(ctx, input)),
  setPolicy: authedProcedure.input(modelSetPolicyInput).mutation(({ ctx, input }) => modelSetPolicy(ctx, input)),
  rename: authedProcedure.input(modelRenameInput).mutation(({ ctx, input }) => modelRename(ctx, input)),
  delete: authedProcedure.input(modelRefInput).mutation(({ ctx, input }) => modelDelete(ctx, input.id)),
});

export const versionsRouter = router({
  get: authedProcedure.input(versionRefInput).query(({ ctx, input }) => versionDetail(ctx, input.versionId)),
  byNumber: authedProcedure.input(versionByNumberInput).query(({ ctx, input }) => versionByNumber(ctx, input.model, input.version)),
  create: authedProcedure.input(versionCreateInput).mutation(({ ctx, input }) => versionCreate(ctx, input)),
  updateCard: authedProcedure.input(versionCardInput).mutation(({ ctx, input }) => versionUpdateCard(ctx, input)),
  update: authedProcedure.input(versionUpdateInput).mutation(({ ctx, input }) => versionChange(ctx, input)),
  delete: authedProcedure.input(versionRefInput).mutation(({ ctx, input }) => versionDelete(ctx, input.versionId)),
});

export const gatesRouter = router({
  latest: authedProcedure.input(versionRefInput).query(({ ctx, input }) => gateLatest(ctx, input.versionId)),
  report: authedProcedure.input(gateReportInput).mutation(({ ctx, input }) => gateReport(ctx, input)),
  check: authedProcedure.input(versionRefInput).mutation(({ ctx, input }) => gateCheck(ctx, input.versionId)),
});

export const promotionsRouter = router({
  list: authedProcedure.input(promotionListInput).query(({ ctx, input }) => promotionsList(ctx, input)),
  get: authedProcedure.input(promotionRefInput).query(({ ctx, input }) => promotionDetail(ctx, input.requestId)),
  request: authedProcedure.input(promotionRequestInput).mutation(({ ctx, input }) => promotionRequest(ctx, input)),
  decide: authedProcedure.input(promotionDecideInput).mutation(({ ctx, input }) => promotionDecide(ctx, input)),
  withdraw: authedProcedure.input(promotionRefInput).mutation(({ ctx, input }) => promotionWithdraw(ctx, input.requestId)),
  // "apply" is reserved by tRPC's proxies; "execute" applies an approved request.
  execute: authedProcedure.input(promotionRefInput).mutation(({ ctx, input }) => promotionApply(ctx, input.requestId)),
});

export const aliasesRouter = router({
  at: authedProcedure.input(aliasAtInput).query(({ ctx, input }) => aliasAtTime(ctx, input.modelId, input.alias, input.at)),
  history: authedProcedure.input(z.object({ modelId: z.number().int().positive(), alias: z.string().max(63).optional() })).query(({ ctx, input }) => aliasHistoryOf(ctx.db, input.modelId, input.alias)),
  rollback: authedProcedure.input(rollbackInput).mutation(({ ctx, input }) => aliasRollback(ctx, input)),
});

export const reviewsRouter = router({
  list: authedProcedure.input(z.object({ open: z.boolean().default(true) }).default({ open: true })).query(({ ctx, input }) => reviewsList(ctx, input.open)),
  resolve: authedProcedure.input(reviewResolveInput).mutation(({ ctx, input }) => reviewClose(ctx, input.id, input.resolution)),
});

export const lineageRouter = router({
  graph: authedProcedure.input(lineageInput).query(({ ctx, input }) => lineage(ctx, input)),
});
