// The drizzle (pg-core) schema: one dialect for PGlite and PostgreSQL.
// Times are epoch milliseconds (bigint) so they cross JSON and MLflow's API unchanged.
import { sql } from 'drizzle-orm';
import { RUN_STATUSES, type Role } from '@quorum/domain';
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

const epochMs = (name: string) => bigint(name, { mode: 'number' });

export const experiments = pgTable(
  'experiments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    archivedAt: epochMs('archived_at'),
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

// ── Identity ───────────────────────────────────────────────────────────────────────

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `human` signs in with a password; `service` only acts through API tokens. */
    kind: text('kind', { enum: ['human', 'service'] }).notNull().default('human'),
    roles: text('roles').array().notNull().$type<Role[]>(),
    /** scrypt hash (see apps/server/src/auth/passwords.ts); null for service accounts. */
    passwordHash: text('password_hash'),
    createdAt: epochMs('created_at').notNull(),
    disabledAt: epochMs('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('teams_name_key').on(t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Browser sessions. The cookie holds a random secret; only its sha256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for scripts and CI: shown once, stored as sha256, scoped to roles. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** The first characters of the secret, to tell tokens apart in lists. */
    prefix: text('prefix').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at'),
    lastUsedAt: epochMs('last_used_at'),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash), index('api_tokens_user_idx').on(t.userId)],
);

// ── Audit trail ────────────────────────────────────────────────────────────────────

/**
 * Append-only, hash-chained. A BEFORE INSERT trigger (migration 0002) assigns seq,
 * prev_hash and hash = sha256(prev_hash || payload) under a transaction lock; another
 * rejects UPDATE and DELETE. `payload` is the canonical JSON of the other fields.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    // seq, prev_hash and hash are set by the chain trigger; the JS defaults only satisfy the types.
    seq: bigint('seq', { mode: 'number' }).primaryKey().$defaultFn(() => 0),
    at: epochMs('at').notNull(),
    actorType: text('actor_type', { enum: ['user', 'token', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id').notNull(),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    summary: jsonb('summary').notNull(),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull().$defaultFn(() => ''),
    hash: text('hash').notNull().$defaultFn(() => ''),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_entity_idx').on(t.action, t.entityId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);
