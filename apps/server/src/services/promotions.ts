// The promotion quorum: request → approvals by the roles the policy names (never the
// requester, the version's creator or its run's trainer) with every gate green → frozen
// evidence bundle → applied alias move. Rollback is the one move without a request, and
// it opens a review for the compliance lead.
import type { z } from 'zod';
import type { promotionDecideInput, promotionRequestInput, rollbackInput } from '@quorum/contracts';
import {
  aliasesOf,
  aliasHistoryOf,
  aliasMove,
  approvalInsert,
  approvalsActive,
  approvalsAll,
  approvalsReset,
  gateResultLatest,
  kpiCommentsOfRequest,
  promotionFind,
  promotionInsert,
  promotionList,
  promotionsExpired,
  promotionUpdate,
  reviewInsert,
  reviewList,
  reviewResolve,
  versionEvidenceChange,
  versionRunCreator,
  type Db,
  type PromotionRow,
} from '@quorum/db';
import { approvalMayDecide, approvalQuorum, auditCanonicalJson, promotionNext, roleIs, type PromotionEvent } from '@quorum/domain';
import { sha256Hex } from '../auth/secrets';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { modelGetRow, policyParse, versionGetRow } from './registry';

const DAY = 86_400_000;
export const PROMOTION_TTL_MS = 14 * DAY;

async function requestGet(db: Db, id: number) {
  const request = await promotionFind(db, id);
  if (!request) throw notFound(`No promotion request with id ${id}`);
  return request;
}

/** The next state, or a 409 saying why the request cannot take this step. */
function transition(request: PromotionRow, event: PromotionEvent) {
  const next = promotionNext(request.state, event);
  if (!next.ok) throw conflict(next.reason);
  return next.state;
}

/** Marks open requests past their expiry as expired (the server's own action, audited). */
export async function promotionsExpire(ctx: ServiceContext) {
  const due = await promotionsExpired(ctx.db, ctx.clock.now());
  for (const r of due) {
    await ctx.db.transaction(async (tx) => {
      await promotionUpdate(tx, r.id, { state: transition(r, { type: 'expire' }), decidedAt: ctx.clock.now() });
      await audit({ ...ctx, system: 'expiry' }, tx, 'promotions.expire', { entityType: 'promotion', entityId: r.id }, { expiresAt: r.expiresAt });
    });
  }
}

export async function promotionRequest(ctx: ServiceContext, input: z.output<typeof promotionRequestInput>) {
  const version = await versionGetRow(ctx.db, input.versionId);
  const model = await modelGetRow(ctx.db, version.modelId);
  if (version.deletedAt !== null || version.archivedAt !== null) {
    throw badRequest(`${model.name} v${version.version} is ${version.deletedAt !== null ? 'deleted' : 'archived'}; only live versions can be promoted`);
  }
  await promotionsExpire(ctx);
  const open = (await promotionList(ctx.db, { modelId: model.id, states: ['pending', 'approved'] })).find((r) => r.request.alias === input.alias);
  if (open) throw conflict(`Request #${open.request.id} to move ${model.name}@${input.alias} to v${open.version} is still open; withdraw it first`);
  const current = (await aliasesOf(ctx.db, [model.id])).find((a) => a.alias === input.alias);
  if (current?.versionId === version.id) throw badRequest(`${model.name}@${input.alias} already points at v${version.version}`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const request = await promotionInsert(tx, {
      modelId: model.id,
      versionId: version.id,
      alias: input.alias,
      justification: input.justification,
      state: 'pending',
      requestedBy: ctx.actor!.userId,
      requestedAt: now,
      expiresAt: now + PROMOTION_TTL_MS,
      evidenceRevision: version.evidenceRevision,
    });
    await audit(ctx, tx, 'promotions.request', { entityType: 'promotion', entityId: request.id }, {
      model: model.name,
      alias: input.alias,
      version: version.version,
      from: current ? `v${current.version}` : null,
      justification: input.justification,
    });
    return request;
  });
}

/** Gate results, metrics, card and artifact digest as approved, and their hash. */
async function bundleFreeze(db: Db, request: PromotionRow) {
  const version = await versionGetRow(db, request.versionId);
  const gate = (await gateResultLatest(db, [version.id])).get(version.id) ?? null;
  const bundle = {
    requestId: request.id,
    versionId: version.id,
    version: version.version,
    evidenceRevision: version.evidenceRevision,
    gate: gate && { passed: gate.passed, results: gate.results, evaluatedAt: gate.evaluatedAt, evidenceDigest: gate.evidenceDigest, policyDigest: gate.policyDigest },
    artifact: { uri: version.artifactUri, sha256: version.artifactSha256, size: version.artifactSize },
    card: version.cardMarkdown,
    cardSha256: sha256Hex(version.cardMarkdown),
  };
  return { bundle, bundleHash: sha256Hex(auditCanonicalJson(bundle)) };
}

export async function promotionDecide(ctx: ServiceContext, input: z.output<typeof promotionDecideInput>) {
  await promotionsExpire(ctx);
  const request = await requestGet(ctx.db, input.requestId);
  if (request.state !== 'pending') throw conflict(`Request #${request.id} is ${request.state}; only pending requests take decisions`);
  const version = await versionGetRow(ctx.db, request.versionId);
  const model = await modelGetRow(ctx.db, request.modelId);
  const policy = policyParse(model.gatePolicy);
  if (!roleIs(input.role)) throw badRequest(`"${input.role}" is not a role`);
  const role = input.role;
  if (!policy.approvals.some((a) => a.role === role)) {
    throw badRequest(`${model.name}'s policy does not ask for a ${role.replace('_', ' ')}'s sign-off; it asks for ${policy.approvals.map((a) => `${a.count} ${a.role.replace('_', ' ')}`).join(' and ')}`);
  }
  const actor = ctx.actor!;
  const may = approvalMayDecide({ userId: actor.userId, roles: actor.roles }, request, { createdBy: version.createdBy, runCreatedBy: await versionRunCreator(ctx.db, version) }, role);
  if (!may.allowed) throw forbidden(may.reason);
  const active = await approvalsActive(ctx.db, request.id);
  if (active.some((a) => a.userId === actor.userId)) throw conflict('You have already signed this request');

  if (input.decision === 'approve') {
    const gate = (await gateResultLatest(ctx.db, [version.id])).get(version.id);
    if (!gate?.passed) {
      const failing = ((gate?.results ?? []) as { description?: string; status?: string }[]).filter((r) => r.status !== 'pass').map((r) => r.description);
      throw conflict(gate ? `Gates are not all green (${failing.join('; ')}); they must pass before anyone approves` : 'No gate results yet: report evidence first');
    }
  }
  return ctx.db.transaction(async (tx) => {
    await approvalInsert(tx, { requestId: request.id, userId: actor.userId, role, decision: input.decision, comment: input.comment, createdAt: ctx.clock.now() });
    let state = request.state;
    const changes: Partial<PromotionRow> = {};
    if (input.decision === 'reject') {
      state = transition(request, { type: 'reject' });
      Object.assign(changes, { state, decidedAt: ctx.clock.now() });
    } else {
      const quorum = approvalQuorum(policy.approvals, [...active, { userId: actor.userId, role, decision: 'approve' as const }]);
      if (quorum.met) {
        state = transition(request, { type: 'approve' });
        Object.assign(changes, { state, decidedAt: ctx.clock.now(), ...(await bundleFreeze(tx, request)) });
      }
    }
    const updated = Object.keys(changes).length ? await promotionUpdate(tx, request.id, changes) : request;
    await audit(ctx, tx, 'promotions.decide', { entityType: 'promotion', entityId: request.id }, {
      decision: input.decision,
      role,
      comment: input.comment,
      state,
      ...(changes.bundleHash && { bundleHash: changes.bundleHash }),
    });
    return updated!;
  });
}

export async function promotionWithdraw(ctx: ServiceContext, requestId: number) {
  const request = await requestGet(ctx.db, requestId);
  if (request.requestedBy !== ctx.actor!.userId && !ctx.actor!.roles.includes('admin')) throw forbidden('Only the requester or an admin may withdraw a request');
  const state = transition(request, { type: 'withdraw' });
  return ctx.db.transaction(async (tx) => {
    const updated = await promotionUpdate(tx, request.id, { state, decidedAt: ctx.clock.now() });
    await audit(ctx, tx, 'promotions.withdraw', { entityType: 'promotion', entityId: request.id }, { from: request.state });
    return updated!;
  });
}

/** Moves the alias for an approved request whose evidence is still the one approved. */
export async function promotionApply(ctx: ServiceContext, requestId: number) {
  await promotionsExpire(ctx);
  const request = await requestGet(ctx.db, requestId);
  const state = transition(request, { type: 'apply' });
  const version = await versionGetRow(ctx.db, request.versionId);
  if (version.evidenceRevision !== (request.bundle as { evidenceRevision?: number } | null)?.evidenceRevision) {
    throw conflict('The version’s evidence changed after approval; the request needs new sign-off');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { previousVersionId } = await aliasMove(tx, { modelId: request.modelId, alias: request.alias, versionId: version.id, movedAt: now, movedBy: ctx.actor?.userId ?? null, reason: 'promotion', requestId: request.id });
    const updated = await promotionUpdate(tx, request.id, { state, appliedAt: now });
    await audit(ctx, tx, 'promotions.execute', { entityType: 'promotion', entityId: request.id }, {
      alias: request.alias,
      version: version.version,
      previousVersionId,
      bundleHash: request.bundleHash,
    });
    return updated!;
  });
}

/**
 * Called in the transaction of any change to a version's evidence: bumps its revision and
 * resets the approvals of its open requests, saying why on each.
 */
export async function evidenceChanged(ctx: ServiceContext, tx: Db, versionId: number, reason: string) {
  await versionEvidenceChange(tx, versionId, {});
  const open = await promotionList(tx, { versionId, states: ['pending', 'approved'] });
  for (const { request } of open) {
    const reset = await approvalsReset(tx, request.id, ctx.clock.now());
    if (reset === 0 && request.state === 'pending') continue;
    const state = request.state === 'approved' ? transition(request, { type: 'evidence_changed' }) : request.state;
    const version = await versionGetRow(tx, versionId);
    await promotionUpdate(tx, request.id, { state, resetReason: `${reason}; ${reset} approval${reset === 1 ? ' was' : 's were'} reset`, bundle: null, bundleHash: null, evidenceRevision: version.evidenceRevision });
    await audit(ctx, tx, 'promotions.reset', { entityType: 'promotion', entityId: request.id }, { reason, approvalsReset: reset, from: request.state, to: state });
  }
}

/** Emergency: move the alias back to the version it held before, at once, and open a review. */
export async function aliasRollback(ctx: ServiceContext, input: z.output<typeof rollbackInput>) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const [last] = await aliasHistoryOf(ctx.db, model.id, input.alias);
  if (!last || last.versionId === null) throw badRequest(`${model.name}@${input.alias} points at no version`);
  if (last.previousVersionId === null) throw badRequest(`${model.name}@${input.alias} has no previous version to roll back to`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await aliasMove(tx, { modelId: model.id, alias: input.alias, versionId: last.previousVersionId, movedAt: now, movedBy: ctx.actor!.userId, reason: 'rollback' });
    const review = await reviewInsert(tx, {
      kind: 'rollback',
      modelId: model.id,
      alias: input.alias,
      fromVersionId: last.versionId,
      toVersionId: last.previousVersionId,
      reason: input.reason,
      createdAt: now,
      createdBy: ctx.actor!.userId,
    });
    await audit(ctx, tx, 'aliases.rollback', { entityType: 'model', entityId: model.id }, { alias: input.alias, fromVersionId: last.versionId, toVersionId: last.previousVersionId, reason: input.reason, reviewId: review.id });
    return review;
  });
}

export function reviewsList(ctx: ServiceContext, open: boolean) {
  return reviewList(ctx.db, open);
}

export async function reviewClose(ctx: ServiceContext, id: number, resolution: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await reviewResolve(tx, id, { resolvedAt: ctx.clock.now(), resolvedBy: ctx.actor!.userId, resolution });
    if (!row) throw notFound(`No open review item with id ${id}`);
    await audit(ctx, tx, 'reviews.resolve', { entityType: 'review', entityId: id }, { resolution });
    return row;
  });
}

/** The approval queue and request pages: each request with its approvals and quorum. */
export async function promotionsList(ctx: ServiceContext, filter: { states?: PromotionRow['state'][]; modelId?: number }) {
  await promotionsExpire(ctx);
  return (await promotionList(ctx.db, filter)).map((r) => ({ ...r.request, modelName: r.modelName, version: r.version }));
}

export async function promotionDetail(ctx: ServiceContext, requestId: number) {
  await promotionsExpire(ctx);
  const request = await requestGet(ctx.db, requestId);
  const model = await modelGetRow(ctx.db, request.modelId);
  const policy = policyParse(model.gatePolicy);
  const [active, all] = await Promise.all([approvalsActive(ctx.db, request.id), approvalsAll(ctx.db, request.id)]);
  // Product owners' KPI comments linked to the request are part of the evidence.
  const kpiComments = await kpiCommentsOfRequest(ctx.db, request.id);
  return { ...request, modelName: model.name, policy, quorum: approvalQuorum(policy.approvals, active), approvals: all, kpiComments };
}
