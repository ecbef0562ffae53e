import {
  experimentArchiveInput,
  experimentCreateInput,
  experimentGetInput,
  experimentListInput,
  experimentRenameInput,
} from '@quorum/contracts';
import * as experiments from '../services/experiments';
import { publicProcedure, router } from '../trpc/init';

export const experimentsRouter = router({
  create: publicProcedure.input(experimentCreateInput).mutation(({ ctx, input }) => experiments.experimentCreate(ctx, input)),
  list: publicProcedure.input(experimentListInput).query(({ ctx, input }) => experiments.experimentsList(ctx, input)),
  get: publicProcedure.input(experimentGetInput).query(({ ctx, input }) => experiments.experimentGet(ctx, input.id)),
  rename: publicProcedure.input(experimentRenameInput).mutation(({ ctx, input }) => experiments.experimentRename(ctx, input)),
  archive: publicProcedure.input(experimentArchiveInput).mutation(({ ctx, input }) => experiments.experimentArchive(ctx, input)),
});
