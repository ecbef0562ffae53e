// Input schemas for the model registry, gates, promotions and lineage.
import { z } from 'zod';

const id = z.number().int().positive();
export const aliasNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, 'An alias is lowercase letters, digits, _ or -, starting with a letter (e.g. production)');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'artifactSha256 is 64 lowercase hexadecimal characters');
const columnsSchema = z.array(z.object({ name: z.string().min(1).max(250), type: z.string().min(1).max(50) })).max(2_000);

export const modelCreateInput = z.object({
  name: z.string().trim().regex(/^[A-Za-z0-9][\w.-]{0,99}$/, 'A model name is letters, digits, _ . or -, up to 100 characters'),
  description: z.string().max(5_000).default(''),
  ownerTeamId: id.nullish(),
  tags: z.record(z.string().max(250), z.string().max(5_000)).default({}),
  riskRating: z.enum(['low', 'medium', 'high']).default('medium'),
  /** A GatePolicy; validated by the server with gatePolicyValidate. */
  gatePolicy: z.unknown().optional(),
});
export const modelUpdateInput = z.object({
  id,
  description: z.string().max(5_000).optional(),
  ownerTeamId: id.nullish(),
  tags: z.record(z.string().max(250), z.string().max(5_000)).optional(),
  riskRating: z.enum(['low', 'medium', 'high']).optional(),
});
export const modelNameSchema = modelCreateInput.shape.name;
export const modelRenameInput = z.object({ id, name: modelNameSchema });
export const modelSetPolicyInput = z.object({ modelId: id, policy: z.unknown() });
export const modelRefInput = z.object({ id });
export const modelByNameInput = z.object({ name: z.string().min(1).max(100) });

export const versionCreateInput = z.object({
  modelId: id,
  runId: z.string().regex(/^[0-9a-f]{32}$/, 'A run id is 32 lowercase hexadecimal characters'),
  artifactUri: z.string().trim().min(1, 'Give the artifact URI').max(2_000),
  artifactSha256: sha256,
  artifactSize: z.number().int().nonnegative(),
  signature: z.object({ inputs: columnsSchema, outputs: columnsSchema }).optional(),
  cardMarkdown: z.string().max(100_000).default(''),
  featureImportances: z.array(z.object({ feature: z.string().min(1).max(250), importance: z.number() })).max(2_000).optional(),
  description: z.string().max(5_000).default(''),
});
export const versionRefInput = z.object({ versionId: id });
const tagsSchema = z.record(z.string().min(1).max(250), z.string().max(5_000)).refine((t) => Object.keys(t).length <= 100, 'At most 100 tags');
/** Fields of a version that are not evidence: changing them leaves sign-off in force. */
export const versionUpdateInput = z.object({
  versionId: id,
  description: z.string().max(5_000).optional(),
  tags: tagsSchema.optional(),
  runLink: z.string().max(2_000).optional(),
  /** Retire the version (MLflow's "Archived" stage) or bring it back. */
  archived: z.boolean().optional(),
});
/** A version registered from an artifact location rather than a finished Quorum run (MLflow's model-versions/create). */
export const versionRegisterInput = z.object({
  modelId: id,
  source: z.string().trim().min(1, 'Give the source: where the model artifacts are').max(2_000),
  runId: z.string().regex(/^[0-9a-f]{32}$/, 'A run id is 32 lowercase hexadecimal characters').optional(),
  description: z.string().max(5_000).default(''),
  tags: tagsSchema.default({}),
  runLink: z.string().max(2_000).default(''),
  /** Digest and size when the server could read the artifacts. */
  artifact: z.object({ sha256: sha256, size: z.number().int().nonnegative() }).nullable(),
});
export const versionByNumberInput = z.object({ model: z.string().min(1).max(100), version: z.number().int().positive() });
export const versionCardInput = z.object({ versionId: id, cardMarkdown: z.string().max(100_000) });

const binary = z.union([z.literal(0), z.literal(1)]);
export const GATE_EVIDENCE_LIMITS = { fairnessRows: 200_000, latencySamples: 100_000 } as const;
export const gateEvidenceSchema = z
  .object({
    metrics: z.record(z.string().min(1).max(250), z.number()).optional(),
    evalDatasetId: id.nullish(),
    fairness: z
      .record(
        z.string().min(1).max(250),
        z
          .object({
            yTrue: z.array(binary).max(GATE_EVIDENCE_LIMITS.fairnessRows),
            yPred: z.array(binary).max(GATE_EVIDENCE_LIMITS.fairnessRows),
            group: z.array(z.union([z.string().max(200), z.number()])).max(GATE_EVIDENCE_LIMITS.fairnessRows),
          })
          .refine((f) => f.yTrue.length === f.yPred.length && f.yPred.length === f.group.length, { message: 'yTrue, yPred and group must have the same length' })
          .refine((f) => f.yTrue.length > 0, { message: 'fairness evidence needs at least one row' }),
      )
      .optional(),
    latencyMs: z.array(z.number().nonnegative()).min(1).max(GATE_EVIDENCE_LIMITS.latencySamples).optional(),
  })
  .refine((e) => e.metrics || e.fairness || e.latencyMs || e.evalDatasetId, { message: 'Evidence needs metrics, fairness rows, latency samples or an evaluation dataset' });
export const gateReportInput = z.object({ versionId: id, evidence: gateEvidenceSchema });

export const promotionRequestInput = z.object({
  versionId: id,
  alias: aliasNameSchema,
  justification: z.string().trim().min(10, 'Say in a sentence why this version should serve this alias').max(5_000),
});
export const promotionDecideInput = z
  .object({
    requestId: id,
    decision: z.enum(['approve', 'reject']),
    /** The role you sign as (you must hold it, and the policy must ask for it). */
    role: z.string().min(1).max(50),
    comment: z.string().trim().max(5_000).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.comment.length > 0, { message: 'Say why you reject the request', path: ['comment'] });
export const promotionRefInput = z.object({ requestId: id });
export const promotionListInput = z
  .object({ states: z.array(z.enum(['pending', 'approved', 'rejected', 'applied', 'withdrawn', 'expired'])).optional(), modelId: id.optional() })
  .default({});

export const rollbackInput = z.object({ modelId: id, alias: aliasNameSchema, reason: z.string().trim().min(10, 'Say what went wrong: the compliance lead reviews every rollback').max(5_000) });
export const reviewResolveInput = z.object({ id, resolution: z.string().trim().min(3).max(5_000) });
export const aliasAtInput = z.object({ modelId: id, alias: aliasNameSchema, at: z.number().int() });
export const lineageInput = z.union([z.object({ datasetId: id }), z.object({ versionId: id }), z.object({ runId: z.string().regex(/^[0-9a-f]{32}$/) })]);
