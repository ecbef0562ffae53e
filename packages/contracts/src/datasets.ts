// Input schemas for datasets: versions, profiles and drift between two versions.
import { DATASET_SAMPLE_LIMIT } from '@quorum/domain';
import { z } from 'zod';

/** Values sent per upload, summed over columns: keeps a request to a few megabytes. */
export const DATASET_PROFILE_MAX_VALUES = 2_000_000;

const cell = z.union([z.number(), z.string().max(1_000), z.null()]);

export const datasetProfileColumnInput = z.object({
  name: z.string().trim().min(1, 'A column needs a name').max(250),
  kind: z.enum(['numerical', 'categorical']).optional(),
  values: z
    .array(cell)
    .min(1, 'A column needs at least one value')
    .max(DATASET_SAMPLE_LIMIT, `Send at most ${DATASET_SAMPLE_LIMIT.toLocaleString('en')} values per column (a uniform sample); give the true size in rowCount`),
  /** Rows in the whole dataset when `values` is a sample. */
  rowCount: z.number().int().nonnegative().optional(),
  missingCount: z.number().int().nonnegative().optional(),
});

export const datasetProfileInput = z
  .object({ columns: z.array(datasetProfileColumnInput).min(1).max(500) })
  .refine((p) => new Set(p.columns.map((c) => c.name)).size === p.columns.length, { message: 'Column names must be unique' })
  .refine((p) => p.columns.reduce((n, c) => n + c.values.length, 0) <= DATASET_PROFILE_MAX_VALUES, {
    message: `A profile holds at most ${DATASET_PROFILE_MAX_VALUES.toLocaleString('en')} values in all`,
  });
export type DatasetProfileInput = z.infer<typeof datasetProfileInput>;

export const datasetUploadInput = z.object({
  name: z.string().trim().min(1, 'Give the dataset a name').max(500),
  /** Content digest; computed from the profile when absent. */
  digest: z.string().trim().min(1).max(64).optional(),
  source: z.string().max(2_000).default(''),
  sourceType: z.string().max(50).default(''),
  profile: datasetProfileInput,
});

export const datasetIdSchema = z.number().int().positive();
export const datasetGetInput = z.object({ id: datasetIdSchema });
export const datasetDriftInput = z
  .object({
    referenceId: datasetIdSchema,
    currentId: datasetIdSchema,
    driftShare: z.number().min(0).max(1).default(0.5),
  })
  .refine((i) => i.referenceId !== i.currentId, { message: 'Choose two different dataset versions' });
