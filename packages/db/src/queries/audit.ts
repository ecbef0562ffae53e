// The audit log: appends (hashed by the chain trigger), filtered reads and the ordered
// walk the verifier needs.
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditCanonical, type AuditContent, type AuditStored } from '@quorum/domain';
import { auditLog } from '../schema';
import type { Db } from '../types';

/**
 * The insert statement for one entry; usable alone or as a CTE of a larger statement,
 * where `guard` makes the entry conditional on the same thing as the mutation.
 */
export function auditInsertSql(entry: AuditContent, guard?: SQL): SQL {
  return sql`insert into audit_log (seq, at, actor_type, actor_id, actor_label, action, entity_type, entity_id, outcome, summary, payload, prev_hash, hash)
    select 0, ${entry.at}::bigint, ${entry.actorType}, ${entry.actorId}, ${entry.actorLabel}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${entry.outcome}, ${JSON.stringify(entry.summary ?? null)}::jsonb, ${auditCanonical(entry)}, '', ''
    ${guard ? sql`where ${guard}` : sql``}`;
}

export async function auditAppend(db: Db, entry: AuditContent): Promise<void> {
  await db.execute(auditInsertSql(entry));
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
}

function where(f: AuditFilter) {
  return and(
    f.actor ? sql`(${auditLog.actorId} = ${f.actor} or ${auditLog.actorLabel} ilike ${`%${f.actor}%`})` : undefined,
    f.action ? sql`${auditLog.action} like ${`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from !== undefined ? gte(auditLog.at, f.from) : undefined,
    f.to !== undefined ? lte(auditLog.at, f.to) : undefined,
    f.outcome ? eq(auditLog.outcome, f.outcome) : undefined,
  );
}

/** Newest first, one page below `beforeSeq`. */
export async function auditList(db: Db, filter: AuditFilter, page: { limit: number; beforeSeq?: number | undefined }): Promise<AuditStored[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(where(filter), page.beforeSeq !== undefined ? sql`${auditLog.seq} < ${page.beforeSeq}` : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(page.limit) as Promise<AuditStored[]>;
}

/** Entries in sequence order, in chunks, for verification and export. */
export async function* auditWalk(db: Db, filter: AuditFilter = {}, chunk = 5_000): AsyncGenerator<AuditStored> {
  let after = 0;
  for (;;) {
    const rows = (await db
      .select()
      .from(auditLog)
      .where(and(where(filter), sql`${auditLog.seq} > ${after}`))
      .orderBy(asc(auditLog.seq))
      .limit(chunk)) as AuditStored[];
    yield* rows;
    if (rows.length < chunk) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Recent entries of one outcome (e.g. failed sign-ins for an email): the rate limiter's memory. */
export async function auditCountRecent(db: Db, action: string, entityId: string, since: number, outcome: 'ok' | 'denied' | 'failed' = 'failed'): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId), eq(auditLog.outcome, outcome), gte(auditLog.at, since)));
  return row?.n ?? 0;
}
