// Registered models, versions, gates, aliases and their history, promotions and reviews.
import type { Role } from '@quorum/domain';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { epochMs } from './columns';
import { teams } from './identity';
import { datasets, runs } from './tracking';

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
    /** Digest and size of the artifact; null when registered from a source the server cannot read (e.g. s3:// through MLflow). */
    artifactSha256: text('artifact_sha256'),
    artifactSize: bigint('artifact_size', { mode: 'number' }),
    signature: jsonb('signature').$type<ModelSignature>(),
    trainingDatasetId: integer('training_dataset_id').references(() => datasets.id),
    evalDatasetId: integer('eval_dataset_id').references(() => datasets.id),
    cardMarkdown: text('card_markdown').notNull().default(''),
    featureImportances: jsonb('feature_importances').$type<{ feature: string; importance: number }[]>(),
    description: text('description').notNull().default(''),
    tags: jsonb('tags').$type<Record<string, string>>().notNull().default({}),
    /** A link to the run that produced it elsewhere (MLflow's run_link). */
    runLink: text('run_link').notNull().default(''),
    /** Set when the version is retired (MLflow's "Archived" stage); it can no longer be promoted. */
    archivedAt: epochMs('archived_at'),
    /** Hidden from listings (MLflow's delete); kept for lineage and the audit trail. */
    deletedAt: epochMs('deleted_at'),
    updatedAt: epochMs('updated_at'),
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
