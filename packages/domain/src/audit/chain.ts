// The audit trail's hash chain: each entry's hash covers the previous entry's hash and
// the canonical JSON of the entry, so any edit, insertion or deletion breaks the chain
// from that entry on.

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (the sequence number is implied by the chain order). */
export interface AuditContent {
  at: number;
  actorType: 'user' | 'token' | 'system' | 'anonymous';
  actorId: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  outcome: 'ok' | 'denied' | 'failed';
  summary: unknown;
}

export interface AuditStored extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function auditCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(auditCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${auditCanonicalJson(v)}`).join(',')}}`;
}

/** The canonical text of an entry's content. */
export function auditCanonical(entry: AuditContent): string {
  const { at, actorType, actorId, actorLabel, action, entityType, entityId, outcome, summary } = entry;
  return auditCanonicalJson({ at, actorType, actorId, actorLabel, action, entityType, entityId, outcome, summary });
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  reason?: string;
}

/**
 * Walks entries in sequence order and reports the first one whose link or hash does not
 * hold. `sha256Hex` is injected so this stays pure.
 */
export function auditChainVerify(entries: Iterable<AuditStored>, sha256Hex: (text: string) => string): AuditVerifyResult {
  let prev = AUDIT_GENESIS_HASH;
  let prevSeq = 0;
  let n = 0;
  for (const e of entries) {
    n++;
    const broken = (reason: string): AuditVerifyResult => ({ ok: false, entries: n, firstBrokenSeq: e.seq, reason });
    if (e.seq !== prevSeq + 1) return broken(`sequence jumps from ${prevSeq} to ${e.seq}: an entry is missing`);
    if (e.prevHash !== prev) return broken(`entry ${e.seq} does not point at the hash of entry ${prevSeq}`);
    if (sha256Hex(prev + auditCanonical(e)) !== e.hash) return broken(`entry ${e.seq} does not match its hash: its content was changed`);
    prev = e.hash;
    prevSeq = e.seq;
  }
  return { ok: true, entries: n, firstBrokenSeq: null };
}
