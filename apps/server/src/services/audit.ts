// Audit entries for service verbs, and the trail's reads: list, verify, export.
import { auditAppend, auditInsertSql, auditList, auditWalk, type AuditFilter, type Db } from '@quorum/db';
import { auditChainVerify, type AuditContent, type AuditStored } from '@quorum/domain';
import { actorAuditFields } from '../auth/actor';
import { sha256Hex } from '../auth/secrets';
import type { ServiceContext } from './context';

export interface AuditTarget {
  entityType: string;
  entityId: string | number;
}

/** The entry for an action taken in this context. */
export function auditEntryOf(ctx: ServiceContext, action: string, target: AuditTarget, summary: unknown, outcome: AuditContent['outcome'] = 'ok'): AuditContent {
  const who = ctx.system ? { actorType: 'system' as const, actorId: 'system', actorLabel: ctx.system } : actorAuditFields(ctx.actor);
  return { at: ctx.clock.now(), ...who, action, entityType: target.entityType, entityId: String(target.entityId), outcome, summary };
}

/** Appends the entry for a mutation, inside the mutation's transaction. */
export function audit(ctx: ServiceContext, tx: Db, action: string, target: AuditTarget, summary: unknown): Promise<void> {
  return auditAppend(tx, auditEntryOf(ctx, action, target, summary));
}

/** The entry as a statement, for verbs that write in a single statement. */
export function auditSql(ctx: ServiceContext, action: string, target: AuditTarget, summary: unknown) {
  return auditInsertSql(auditEntryOf(ctx, action, target, summary));
}

/** Records a refused attempt (denied action, failed sign-in) outside any mutation. */
export function auditRefusal(ctx: ServiceContext, action: string, target: AuditTarget, summary: unknown, outcome: 'denied' | 'failed' = 'denied') {
  return auditAppend(ctx.db, auditEntryOf(ctx, action, target, summary, outcome));
}

export function auditPage(ctx: ServiceContext, filter: AuditFilter, page: { limit: number; beforeSeq?: number | undefined }) {
  return auditList(ctx.db, filter, page);
}

/** Walks the whole chain and reports the first entry whose link or hash does not hold. */
export async function auditVerify(ctx: ServiceContext) {
  const entries: AuditStored[] = [];
  for await (const e of auditWalk(ctx.db)) entries.push(e);
  return auditChainVerify(entries, sha256Hex);
}

export const AUDIT_EXPORT_COLUMNS = ['seq', 'at', 'actorType', 'actorId', 'actorLabel', 'action', 'entityType', 'entityId', 'outcome', 'summary', 'prevHash', 'hash'] as const;

const csvCell = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The filtered trail as JSON Lines or CSV, hashes included, in sequence order. */
export async function* auditExport(ctx: ServiceContext, filter: AuditFilter, format: 'jsonl' | 'csv'): AsyncGenerator<string> {
  if (format === 'csv') yield `${AUDIT_EXPORT_COLUMNS.join(',')}\n`;
  for await (const e of auditWalk(ctx.db, filter)) {
    const row = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((k) => [k, e[k]]));
    yield format === 'jsonl' ? `${JSON.stringify({ ...row, at: new Date(e.at).toISOString(), atMs: e.at })}\n` : `${AUDIT_EXPORT_COLUMNS.map((k) => csvCell(k === 'at' ? new Date(e.at).toISOString() : row[k])).join(',')}\n`;
  }
}
