import { datasetDriftInput, datasetGetInput, datasetUploadInput } from '@quorum/contracts';
import { datasetDrift, datasetGet, datasetsList, datasetUpload } from '../services/datasets';
import { publicProcedure, router } from '../trpc/init';

export const datasetsRouter = router({
  list: publicProcedure.query(({ ctx }) => datasetsList(ctx)),
  get: publicProcedure.input(datasetGetInput).query(({ ctx, input }) => datasetGet(ctx, input.id)),
  upload: publicProcedure.input(datasetUploadInput).mutation(({ ctx, input }) => datasetUpload(ctx, input)),
  drift: publicProcedure.input(datasetDriftInput).query(({ ctx, input }) => datasetDrift(ctx, input)),
});
