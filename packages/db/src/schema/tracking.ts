// Experiments, runs, params, tags, metrics (points, latest, rollups), datasets and their profiles.
import { sql } from 'drizzle-orm';
import { RUN_STATUSES } from '@quorum/domain';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { epochMs } from './columns';

export const experiments = pgTable(
  'experiments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    archivedAt: epochMs('archived_at'),
    /** Free-form key/value tags (MLflow's experiment tags); the description is kept apart. */
    tags: jsonb('tags').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [uniqueIndex('experiments_name_key').on(t.name)],
);

export const runs = pgTable(
  'runs',
  {
    id: text('id').primaryKey(),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id),
    name: text('name').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    startTime: epochMs('start_time').notNull(),
    endTime: epochMs('end_time'),
    userId: text('user_id').notNull().default(''),
    /** The Quorum user (or token owner) who created the run: who trained it. */
    createdBy: integer('created_by'),
    sourceCommit: text('source_commit'),
    notes: text('notes').notNull().default(''),
    // Last write of any kind (metrics, params, status), for "last activity".
    updatedAt: epochMs('updated_at').notNull(),
    deletedAt: epochMs('deleted_at'),
  },
  (t) => [
    index('runs_experiment_start_idx').on(t.experimentId, t.startTime),
    index('runs_experiment_updated_idx').on(t.experimentId, t.updatedAt),
  ],
);

export const params = pgTable(
  'params',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] }), index('params_key_value_idx').on(t.key, t.value)],
);

export const tags = pgTable(
  'tags',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] }), index('tags_key_value_idx').on(t.key, t.value)],
);

/**
 * Every logged point. Written only by the unnest bulk insert in metrics-write.ts.
 * No foreign key: the writer checks the run once per batch, and a per-row FK check
 * would cost the hot path a lookup per point. Run deletion removes points explicitly.
 */
export const metrics = pgTable('metrics', {
  runId: text('run_id').notNull(),
  key: text('key').notNull(),
  step: bigint('step', { mode: 'number' }).notNull(),
  timestamp: epochMs('timestamp').notNull(),
  value: doublePrecision('value').notNull(),
});
// The covering index (run_id, key, step) INCLUDE (timestamp, value) is created in a
// hand-written migration: drizzle's index builder has no INCLUDE.

/** The point with the highest (step, timestamp) per run and key: what tables sort and filter on. */
export const latestMetrics = pgTable(
  'latest_metrics',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    step: bigint('step', { mode: 'number' }).notNull(),
    timestamp: epochMs('timestamp').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] }), index('latest_metrics_key_value_idx').on(t.key, t.value)],
);

/**
 * Step-bucketed summaries of metric history at a few fixed widths (see domain's
 * SERIES_ROLLUP_WIDTHS). A chart over a long range reads these instead of raw points;
 * first/last/min/max keep every spike. min/max ignore NaN (NULL when a bucket is all NaN).
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    width: integer('width').notNull(),
    bucket: bigint('bucket', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
    firstStep: bigint('first_step', { mode: 'number' }).notNull(),
    firstTs: epochMs('first_ts').notNull(),
    firstValue: doublePrecision('first_value').notNull(),
    lastStep: bigint('last_step', { mode: 'number' }).notNull(),
    lastTs: epochMs('last_ts').notNull(),
    lastValue: doublePrecision('last_value').notNull(),
    minStep: bigint('min_step', { mode: 'number' }),
    minTs: epochMs('min_ts'),
    minValue: doublePrecision('min_value'),
    maxStep: bigint('max_step', { mode: 'number' }),
    maxTs: epochMs('max_ts'),
    maxValue: doublePrecision('max_value'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key, t.width, t.bucket] })],
);

export const datasets = pgTable(
  'datasets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    digest: text('digest').notNull(),
    source: text('source').notNull().default(''),
    sourceType: text('source_type').notNull().default(''),
    schema: jsonb('schema').$type<DatasetSchema>(),
    /** When the profile (dataset_columns) was stored; null for datasets known only by name and digest. */
    profiledAt: epochMs('profiled_at'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('datasets_name_digest_key').on(t.name, t.digest)],
);

export interface DatasetSchema {
  columns: { name: string; type: string }[];
}

export const runInputs = pgTable(
  'run_inputs',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id),
    context: text('context').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.runId, t.datasetId, t.context] }), index('run_inputs_dataset_idx').on(t.datasetId)],
);

/** Idempotency keys of applied logBatch calls: a retried batch with the same key is stored once. */
export const batchKeys = pgTable(
  'batch_keys',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    createdAt: epochMs('created_at').notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] })],
);

/**
 * A dataset version's profile, one row per column: a uniform sample of at most
 * DATASET_SAMPLE_LIMIT present values (the whole column when it is smaller), the true row
 * and missing counts, and summary statistics. Drift tests run on these samples.
 */
export const datasetColumns = pgTable(
  'dataset_columns',
  {
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['numerical', 'categorical'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    missingCount: integer('missing_count').notNull(),
    numbers: doublePrecision('numbers').array(),
    categories: text('categories').array(),
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.name] })],
);

