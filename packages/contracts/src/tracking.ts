// Input schemas of the tracking API (experiments, runs, metrics), shared by the
// server's routers, the web app's forms and the SDK.
import { RUN_STATUSES } from '@quorum/domain';
import { z } from 'zod';
import { datasetProfileInput } from './datasets';

/** Limits of one logBatch call. */
export const LOG_BATCH_LIMITS = {
  metrics: 10_000,
  params: 100,
  tags: 100,
  inputs: 100,
  keyLength: 250,
  paramValueLength: 6_000,
  tagValueLength: 8_000,
} as const;

export const runStatusSchema = z.enum(RUN_STATUSES);

/** Metric, param and tag keys: what MLflow accepts (letters, digits, _ - . space / :). */
export const keySchema = z
  .string()
  .min(1, 'A key cannot be empty')
  .max(LOG_BATCH_LIMITS.keyLength, `A key can be at most ${LOG_BATCH_LIMITS.keyLength} characters`)
  .regex(/^[\w\-. /:]+$/, 'A key may contain only letters, digits, spaces and _ - . / :')
  .refine((k) => !k.split('/').includes('..') && !k.startsWith('/'), 'A key may not be an absolute or ".." path');

export const experimentIdSchema = z.number().int().positive();
export const runIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'A run id is 32 lowercase hexadecimal characters');

const epochMsSchema = z.number().int('Times are whole epoch milliseconds').nonnegative().max(8_640_000_000_000_000);

/** MLflow's limits for experiment tags. */
export const EXPERIMENT_TAG_LIMITS = { keyLength: 250, valueLength: 5_000, perRequest: 100 } as const;
/** MLflow clients read an experiment's description as this tag; Quorum keeps it as `description`. */
export const EXPERIMENT_NOTE_TAG = 'mlflow.note.content';

/** An experiment tag key: a run key that is also a normalised relative path, and not the description's tag. */
export const experimentTagKeySchema = keySchema
  .refine((k) => !k.split('/').some((s) => s === '' || s === '.'), 'A key may not contain empty or "." path segments (a//b, a/, ./a)')
  .refine((k) => k !== EXPERIMENT_NOTE_TAG, `${EXPERIMENT_NOTE_TAG} is the experiment's description, not a tag`);
export const experimentTagInput = z.object({
  key: experimentTagKeySchema,
  value: z.string().max(EXPERIMENT_TAG_LIMITS.valueLength, `A tag value can be at most ${EXPERIMENT_TAG_LIMITS.valueLength} characters`),
});

export const experimentCreateInput = z.object({
  name: z.string().trim().min(1, 'Give the experiment a name').max(500),
  description: z.string().max(5_000).optional(),
  tags: z.array(experimentTagInput).max(EXPERIMENT_TAG_LIMITS.perRequest).optional(),
});
export const experimentGetInput = z.object({ id: experimentIdSchema });
export const experimentRenameInput = z.object({
  id: experimentIdSchema,
  name: z.string().trim().min(1, 'Give the experiment a name').max(500),
});
export const experimentArchiveInput = z.object({ id: experimentIdSchema, archived: z.boolean().default(true) });
/** Sets (upserts) and removes tags of an active experiment in one step. */
export const experimentSetTagsInput = z
  .object({
    id: experimentIdSchema,
    set: z.array(experimentTagInput).max(EXPERIMENT_TAG_LIMITS.perRequest).default([]),
    remove: z.array(experimentTagKeySchema).max(EXPERIMENT_TAG_LIMITS.perRequest).default([]),
  })
  .refine((i) => i.set.length + i.remove.length > 0, { message: 'Nothing to change: give tags to set or keys to remove' })
  .refine((i) => !i.set.some((t) => i.remove.includes(t.key)), { message: 'A key cannot be both set and removed in one request' });
export const experimentListInput = z
  .object({ includeArchived: z.boolean().default(false), query: z.string().max(200).optional() })
  .default({ includeArchived: false });

export const runCreateInput = z.object({
  experimentId: experimentIdSchema,
  /** Keep a run id from elsewhere (an MLflow import); a fresh one is made when absent. */
  id: runIdSchema.optional(),
  name: z.string().trim().max(250).optional(),
  startTime: epochMsSchema.optional(),
  userId: z.string().max(250).optional(),
  sourceCommit: z.string().max(100).optional(),
  notes: z.string().max(50_000).optional(),
  tags: z.array(z.object({ key: keySchema, value: z.string().max(LOG_BATCH_LIMITS.tagValueLength) })).max(100).optional(),
});

export const runUpdateInput = z
  .object({
    runId: runIdSchema,
    status: runStatusSchema.optional(),
    endTime: epochMsSchema.nullable().optional(),
    name: z.string().trim().min(1, 'A run name cannot be empty').max(250).optional(),
    notes: z.string().max(50_000).optional(),
  })
  .refine((u) => u.status !== undefined || u.endTime !== undefined || u.name !== undefined || u.notes !== undefined, {
    message: 'Nothing to update: give a status, end time, name or notes',
  });

export const runGetInput = z.object({ runId: runIdSchema });

/** A metric value: any double, including NaN and ±Infinity (sent through the transformer). */
const metricValueSchema = z.custom<number>((v) => typeof v === 'number', {
  message: 'A metric value must be a number (NaN and ±Infinity are allowed)',
});

export const metricPointInput = z.object({
  key: keySchema,
  value: metricValueSchema,
  step: z.number().int('A step is a whole number').min(-(2 ** 53)).max(2 ** 53).default(0),
  timestamp: epochMsSchema,
});
export type MetricPointInput = z.infer<typeof metricPointInput>;

export const datasetInput = z.object({
  name: z.string().trim().min(1).max(500),
  digest: z.string().trim().min(1).max(64),
  source: z.string().max(2_000).default(''),
  sourceType: z.string().max(50).default(''),
  schema: z
    .object({ columns: z.array(z.object({ name: z.string().min(1).max(250), type: z.string().min(1).max(50) })).max(2_000) })
    .optional(),
  context: z.string().max(50).default(''),
  /** Column profile, stored once per dataset version (later copies are ignored). */
  profile: datasetProfileInput.optional(),
});

export const logBatchInput = z.object({
  runId: runIdSchema,
  metrics: z
    .array(metricPointInput)
    .max(LOG_BATCH_LIMITS.metrics, `A batch holds at most ${LOG_BATCH_LIMITS.metrics.toLocaleString('en')} metric points; split it`)
    .default([]),
  params: z
    .array(z.object({ key: keySchema, value: z.string().max(LOG_BATCH_LIMITS.paramValueLength) }))
    .max(LOG_BATCH_LIMITS.params)
    .default([]),
  tags: z
    .array(z.object({ key: keySchema, value: z.string().max(LOG_BATCH_LIMITS.tagValueLength) }))
    .max(LOG_BATCH_LIMITS.tags)
    .default([]),
  inputs: z.array(datasetInput).max(LOG_BATCH_LIMITS.inputs).default([]),
  /** Same key, same run: the batch is stored once however often it is retried. */
  idempotencyKey: z.string().min(8).max(200).optional(),
});
export type LogBatchInput = z.infer<typeof logBatchInput>;

export const SEARCH_SORT_DIRECTIONS = ['asc', 'desc'] as const;
/** Which runs a search sees: undeleted (the default), soft-deleted, or both. */
export const RUN_LIFECYCLES = ['active', 'deleted', 'all'] as const;
export type RunLifecycle = (typeof RUN_LIFECYCLES)[number];
export const runSearchInput = z.object({
  experimentIds: z.array(experimentIdSchema).min(1, 'Search at least one experiment').max(100),
  lifecycle: z.enum(RUN_LIFECYCLES).default('active'),
  filter: z.string().max(4_000).default(''),
  /** `metrics.auc`, `params.lr`, `tags.team` or an attribute such as `start_time`. */
  orderBy: z
    .object({ field: z.string().min(1).max(300), direction: z.enum(SEARCH_SORT_DIRECTIONS).default('desc') })
    .optional(),
  limit: z.number().int().min(1).max(1_000).default(100),
  cursor: z.string().max(200).nullish(),
});
export type RunSearchInput = z.infer<typeof runSearchInput>;

export const runColumnsInput = z.object({ experimentIds: z.array(experimentIdSchema).min(1).max(100) });

export const metricKeysInput = z.object({
  experimentIds: z.array(experimentIdSchema).max(100).optional(),
  runIds: z.array(runIdSchema).max(1_000).optional(),
});

export const metricSeriesInput = z
  .object({
    runIds: z.array(runIdSchema).min(1, 'Choose at least one run').max(100, 'At most 100 runs per chart'),
    keys: z.array(keySchema).min(1, 'Choose at least one metric').max(50),
    fromStep: z.number().int().optional(),
    toStep: z.number().int().optional(),
    maxPoints: z.number().int().min(8).max(20_000).default(1_000),
  })
  .refine((i) => i.fromStep === undefined || i.toStep === undefined || i.fromStep <= i.toStep, {
    message: 'fromStep must not be greater than toStep',
  });
export type MetricSeriesInput = z.infer<typeof metricSeriesInput>;
