// Input schemas for production monitoring: prediction windows, delayed ground truth,
// alert rules (with their retraining webhook) and acknowledging alerts.
import { z } from 'zod';
import { aliasNameSchema } from './registry';

const id = z.number().int().positive();

/** Limits per window: predictions with ids, and feature values summed over features. */
export const MONITOR_LIMITS = { predictions: 200_000, featureValues: 3_000_000, features: 500, latencySamples: 200_000, labels: 100_000 } as const;

const scalar = z.union([z.number(), z.string().max(200), z.boolean()]);

/**
 * A long array checked in one loop: a window carries millions of values, and a zod schema
 * per element costs about a second per window where this costs milliseconds.
 */
function arrayOf<T>(max: number, what: string, ok: (v: unknown) => boolean) {
  return z.custom<T[]>().superRefine((v, ctx) => {
    if (!Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: `Expected a list of ${what}` });
      return;
    }
    if (v.length > max) ctx.addIssue({ code: 'custom', message: `At most ${max.toLocaleString('en')} ${what} per window` });
    for (let i = 0; i < v.length; i++) {
      if (!ok(v[i])) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(v[i])?.slice(0, 40) ?? String(v[i])} is not one of the ${what}` });
        return;
      }
    }
  });
}
const isCell = (v: unknown) => v === null || (typeof v === 'number' && !Number.isNaN(v)) || (typeof v === 'string' && v.length <= 1_000);
const isScalar = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 200);
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 200;
const isLatency = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A feature's values in the window: raw samples, a numerical histogram, or categorical counts. */
const histogramInput = z
  .object({ edges: z.array(z.number().finite()).min(2).max(1_001), counts: z.array(z.number().int().nonnegative()).max(1_000) })
  .refine((h) => h.counts.length === h.edges.length - 1, 'A histogram has one count per bin: counts.length = edges.length - 1');
const countsInput = z.record(z.string().max(1_000), z.number().int().nonnegative());

export const monitorFeatureInput = z.union([
  arrayOf<number | string | null>(MONITOR_LIMITS.predictions, 'feature values (numbers, strings or null)', isCell),
  z.object({ histogram: histogramInput }),
  z.object({ counts: countsInput }),
]);

export const monitorLatencyInput = z.union([
  z.object({
    samplesMs: arrayOf<number>(MONITOR_LIMITS.latencySamples, 'latencies (non-negative milliseconds)', isLatency).refine((v) => !Array.isArray(v) || v.length > 0, 'Send at least one latency sample'),
  }),
  z.object({
    /** Prometheus-style cumulative buckets: upper bound `le` (the last one +Infinity, sent as null or "+Inf") and the count at or below it. */
    buckets: z
      .array(z.object({ le: z.union([z.number(), z.literal('+Inf'), z.null()]).transform((v) => (v === null || v === '+Inf' ? Infinity : v)), count: z.number().nonnegative() }))
      .min(2, 'Send at least two buckets, the last with le +Inf')
      .max(200),
  }),
]);

/** Which model version served the traffic: by alias (resolved at the window's start) or by version number. */
const target = {
  model: z.string().trim().min(1).max(100),
  alias: aliasNameSchema.optional(),
  version: z.number().int().positive().optional(),
};

export const monitorIngestInput = z
  .object({
    ...target,
    windowStart: z.number().int().nonnegative(),
    windowEnd: z.number().int().positive(),
    latency: monitorLatencyInput.optional(),
    /** Predicted values; with `ids` (same length) so ground truth can be joined later. */
    predictions: z
      .object({
        values: arrayOf<number | string | boolean>(MONITOR_LIMITS.predictions, 'predictions (numbers, strings or booleans)', isScalar).default([]),
        ids: arrayOf<string>(MONITOR_LIMITS.predictions, 'prediction ids (1 to 200 characters)', isId).optional(),
        /** Instead of values: a histogram of numeric predictions (scores), or counts per predicted class. */
        histogram: histogramInput.optional(),
        counts: countsInput.optional(),
        /** The true number of predictions when `values` is a sample (or empty). */
        count: z.number().int().nonnegative().optional(),
      })
      .refine((p) => [Array.isArray(p.values) && p.values.length > 0, p.histogram, p.counts].filter(Boolean).length <= 1, 'Send predictions as values, a histogram or class counts: one of them')
      .refine((p) => !Array.isArray(p.ids) || !Array.isArray(p.values) || p.ids.length === p.values.length, 'predictions.ids must have one id per value')
      .refine((p) => !Array.isArray(p.ids) || new Set(p.ids).size === p.ids.length, 'Prediction ids must be unique within a window'),
    features: z
      .record(z.string().min(1).max(250), monitorFeatureInput)
      .refine((f) => Object.keys(f).length <= MONITOR_LIMITS.features, `At most ${MONITOR_LIMITS.features} features per window`)
      .refine((f) => Object.values(f).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0) <= MONITOR_LIMITS.featureValues, {
        message: `At most ${MONITOR_LIMITS.featureValues.toLocaleString('en')} feature values per window in all; send a uniform sample or histograms`,
      })
      .default({}),
  })
  .refine((w) => w.alias !== undefined || w.version !== undefined, { message: 'Say which version served the traffic: give alias (e.g. production) or version', path: ['alias'] })
  .refine((w) => w.windowEnd > w.windowStart, { message: 'windowEnd must be after windowStart', path: ['windowEnd'] });
export type MonitorIngestInput = z.output<typeof monitorIngestInput>;

export const monitorLabelsInput = z.object({
  model: z.string().trim().min(1).max(100),
  labels: z
    .array(z.object({ id: z.string().min(1).max(200), actual: scalar }))
    .min(1, 'Send at least one label')
    .max(MONITOR_LIMITS.labels, `Send at most ${MONITOR_LIMITS.labels.toLocaleString('en')} labels per call`),
});

const webhookUrl = z
  .string()
  .trim()
  .url('The webhook is an http(s) URL')
  .max(2_000)
  .refine((u) => /^https?:\/\//i.test(u), 'The webhook is an http(s) URL');

export const alertRuleCreateInput = z.object({
  modelId: id,
  /** Watch one alias's windows ('' or absent: every window of the model). */
  alias: z.union([aliasNameSchema, z.literal('')]).default(''),
  name: z.string().trim().min(1, 'Name the rule').max(200),
  /** The domain AlertRule; validated by the server with alertRuleValidate. */
  rule: z.unknown(),
  webhookUrl: webhookUrl.nullish(),
  /** A Standard Webhooks secret (`whsec_` + base64); generated when a webhook is given without one. */
  webhookSecret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'A webhook secret is whsec_ followed by base64').nullish(),
  cooldownMinutes: z.number().int().min(0).max(60 * 24 * 30).default(24 * 60),
});

export const alertRuleUpdateInput = z.object({
  id,
  name: z.string().trim().min(1).max(200).optional(),
  rule: z.unknown().optional(),
  webhookUrl: webhookUrl.nullable().optional(),
  cooldownMinutes: z.number().int().min(0).max(60 * 24 * 30).optional(),
  enabled: z.boolean().optional(),
});

export const alertRefInput = z.object({ alertId: id });
export const deliveryRefInput = z.object({ deliveryId: id });
export const monitorModelInput = z.object({ modelId: id, days: z.number().int().min(1).max(365).default(60) });
