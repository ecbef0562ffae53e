import { datasetDriftInput, datasetGetInput, datasetUploadInput } from '@quorum/contracts';
import { datasetDrift, datasetGet, datasetsList, datasetUpload } from '../services/datasets';
import { authedProcedure, router } from '../trpc/init';

export const datasetsRouter = router({
  list: authedProcedure.query(({ ctx }) => datasetsList(ctx)),
  get: authedProcedure.input(datasetGetInput).query(({ ctx, input }) => datasetGet(ctx, input.id)),
  upload: authedProcedure.input(datasetUploadInput).mutation(({ ctx, input }) => datasetUpload(ctx, input)),
  drift: authedProcedure.input(datasetDriftInput).query(({ ctx, input }) => datasetDrift(ctx, input)),
});
