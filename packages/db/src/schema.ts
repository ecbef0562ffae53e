// The drizzle (pg-core) schema: one dialect for PGlite and PostgreSQL.
// Times are epoch milliseconds (bigint) so they cross JSON and MLflow's API unchanged.
import { sql } from 'drizzle-orm';
import { RUN_STATUSES, type Role } from '@quorum/domain';
import {
  bigint,
  boolean,
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

// ── Model registry ─────────────────────────────────────────────────────────────────

export const registeredModels = pgTable(
  'registered_models',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerTeamId: integer('owner_team_id').references(() => teams.id),
    tags: jsonb('tags').$type<Record<string, string>>().notNull().default({}),
    riskRating: text('risk_rating', { enum: ['low', 'medium', 'high'] }).notNull().default('medium'),
    /** The gate policy (domain GatePolicy), validated on write. */
    gatePolicy: jsonb('gate_policy').$type<Record<string, unknown>>().notNull(),
    createdAt: epochMs('created_at').notNull(),
    createdBy: integer('created_by'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('registered_models_name_key').on(t.name)],
);

export interface ModelSignature {
  inputs: { name: string; type: string }[];
  outputs: { name: string; type: string }[];
}

export const modelVersions = pgTable(
  'model_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    version: integer('version').notNull(),
    sourceRunId: text('source_run_id').references(() => runs.id),
    artifactUri: text('artifact_uri').notNull(),
    artifactSha256: text('artifact_sha256').notNull(),
    artifactSize: bigint('artifact_size', { mode: 'number' }).notNull(),
    signature: jsonb('signature').$type<ModelSignature>(),
    trainingDatasetId: integer('training_dataset_id').references(() => datasets.id),
    evalDatasetId: integer('eval_dataset_id').references(() => datasets.id),
    cardMarkdown: text('card_markdown').notNull().default(''),
    featureImportances: jsonb('feature_importances').$type<{ feature: string; importance: number }[]>(),
    description: text('description').notNull().default(''),
    /** Bumped by every change to the version's evidence (card, artifact, gate results). */
    evidenceRevision: integer('evidence_revision').notNull().default(1),
    createdAt: epochMs('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('model_versions_model_version_key').on(t.modelId, t.version), index('model_versions_run_idx').on(t.sourceRunId)],
);

/** Evidence posted for a version (metrics, raw fairness rows, latency samples), newest wins per kind. */
export const gateEvidence = pgTable(
  'gate_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    digest: text('digest').notNull(),
    submittedAt: epochMs('submitted_at').notNull(),
    submittedBy: integer('submitted_by'),
  },
  (t) => [index('gate_evidence_version_idx').on(t.versionId, t.submittedAt)],
);

/** The stored outcome of evaluating a version against its model's policy. */
export const gateResults = pgTable(
  'gate_results',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id),
    passed: boolean('passed').notNull(),
    results: jsonb('results').$type<Record<string, unknown>[]>().notNull(),
    policyDigest: text('policy_digest').notNull(),
    evidenceDigest: text('evidence_digest').notNull(),
    evaluatedAt: epochMs('evaluated_at').notNull(),
  },
  (t) => [index('gate_results_version_idx').on(t.versionId, t.evaluatedAt)],
);

export const modelAliases = pgTable(
  'model_aliases',
  {
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    alias: text('alias').notNull(),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.alias] })],
);

/** Every alias move, so "which version served production at time T" has an answer. */
export const aliasHistory = pgTable(
  'alias_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    alias: text('alias').notNull(),
    versionId: integer('version_id').references(() => modelVersions.id),
    previousVersionId: integer('previous_version_id').references(() => modelVersions.id),
    movedAt: epochMs('moved_at').notNull(),
    movedBy: integer('moved_by'),
    reason: text('reason', { enum: ['promotion', 'rollback', 'initial'] }).notNull(),
    requestId: integer('request_id'),
  },
  (t) => [index('alias_history_model_alias_idx').on(t.modelId, t.alias, t.movedAt)],
);

export const promotionRequests = pgTable(
  'promotion_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id),
    alias: text('alias').notNull(),
    justification: text('justification').notNull(),
    state: text('state', { enum: ['pending', 'approved', 'rejected', 'applied', 'withdrawn', 'expired'] }).notNull(),
    requestedBy: integer('requested_by').notNull(),
    requestedAt: epochMs('requested_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    decidedAt: epochMs('decided_at'),
    appliedAt: epochMs('applied_at'),
    /** The evidence revision the current approvals were given against. */
    evidenceRevision: integer('evidence_revision').notNull(),
    /** Frozen at approval: gate results, metrics, card and artifact digest, and its sha256. */
    bundle: jsonb('bundle').$type<Record<string, unknown>>(),
    bundleHash: text('bundle_hash'),
    /** Why approvals were last reset, shown on the request. */
    resetReason: text('reset_reason'),
  },
  (t) => [index('promotion_requests_state_idx').on(t.state, t.requestedAt), index('promotion_requests_model_idx').on(t.modelId)],
);

export const approvals = pgTable(
  'approvals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => promotionRequests.id),
    userId: integer('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: epochMs('created_at').notNull(),
    /** Set when changed evidence voided the approval. */
    resetAt: epochMs('reset_at'),
  },
  (t) => [index('approvals_request_idx').on(t.requestId)],
);

/** Follow-ups for the compliance lead, such as an emergency rollback to review. */
export const reviewItems = pgTable('review_items', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: ['rollback'] }).notNull(),
  modelId: integer('model_id')
    .notNull()
    .references(() => registeredModels.id),
  alias: text('alias').notNull(),
  fromVersionId: integer('from_version_id'),
  toVersionId: integer('to_version_id'),
  reason: text('reason').notNull(),
  createdAt: epochMs('created_at').notNull(),
  createdBy: integer('created_by'),
  resolvedAt: epochMs('resolved_at'),
  resolvedBy: integer('resolved_by'),
  resolution: text('resolution'),
});
