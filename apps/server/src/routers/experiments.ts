import {
  experimentArchiveInput,
  experimentCreateInput,
  experimentGetInput,
  experimentListInput,
  experimentRenameInput,
  experimentSetTagsInput,
} from '@quorum/contracts';
import * as experiments from '../services/experiments';
import { authedProcedure, router } from '../trpc/init';

export const experimentsRouter = router({
  create: authedProcedure.input(experimentCreateInput).mutation(({ ctx, input }) => experiments.experimentCreate(ctx, input)),
  list: authedProcedure.input(experimentListInput).query(({ ctx, input }) => experiments.experimentsList(ctx, input)),
  get: authedProcedure.input(experimentGetInput).query(({ ctx, input }) => experiments.experimentGet(ctx, input.id)),
  rename: authedProcedure.input(experimentRenameInput).mutation(({ ctx, input }) => experiments.experimentRename(ctx, input)),
  archive: authedProcedure.input(experimentArchiveInput).mutation(({ ctx, input }) => experiments.experimentArchive(ctx, input)),
  setTags: authedProcedure.input(experimentSetTagsInput).mutation(({ ctx, input }) => experiments.experimentSetTags(ctx, input)),
});
