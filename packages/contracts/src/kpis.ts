// Input schemas for business KPIs: definitions, daily observations and comments.
import { z } from 'zod';

const id = z.number().int().positive();
const DAY_MS = 86_400_000;

/** At most this many observations per call (a few years of daily values for a KPI). */
export const KPI_OBSERVATIONS_PER_CALL = 10_000;

/** A day: epoch milliseconds or `YYYY-MM-DD` / an ISO timestamp, stored as that day's UTC midnight. */
const daySchema = z.union([z.number().int(), z.string().trim()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) : NaN;
  if (!Number.isFinite(ms) || ms < Date.UTC(1970, 0, 1) || ms > Date.UTC(2200, 0, 1)) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a day: give YYYY-MM-DD or epoch milliseconds` });
    return z.NEVER;
  }
  return Math.floor(ms / DAY_MS) * DAY_MS;
});

const kpiFields = {
  name: z.string().trim().min(1, 'Give the KPI a name').max(200),
  description: z.string().max(5_000),
  unit: z.string().trim().max(30),
  direction: z.enum(['higher', 'lower']),
  target: z.number().finite(),
  ownerId: id.nullable(),
  modelIds: z.array(id).max(50),
};

export const kpiCreateInput = z.object({
  ...kpiFields,
  description: kpiFields.description.default(''),
  unit: kpiFields.unit.default(''),
  ownerId: kpiFields.ownerId.optional(),
  modelIds: kpiFields.modelIds.default([]),
});
export const kpiUpdateInput = z.object({ id, ...z.object(kpiFields).partial().shape });
export const kpiRefInput = z.object({ id });

export const kpiRecordInput = z
  .object({
    kpiId: id,
    observations: z
      .array(z.object({ at: daySchema, value: z.number().finite('A KPI value is a finite number') }))
      .min(1, 'Send at least one observation')
      .max(KPI_OBSERVATIONS_PER_CALL, `Send at most ${KPI_OBSERVATIONS_PER_CALL.toLocaleString('en')} observations per call`),
    source: z.enum(['api', 'csv']).default('api'),
  })
  .refine((r) => new Set(r.observations.map((o) => o.at)).size === r.observations.length, {
    message: 'Two observations fall on the same day; send one value per day',
    path: ['observations'],
  });

export const kpiCommentInput = z.object({
  kpiId: id,
  body: z.string().trim().min(1, 'Write the comment').max(5_000),
  /** Links the comment to a promotion request, where the compliance lead sees it as evidence. */
  promotionRequestId: id.optional(),
});
