// The candidate next to what the alias serves now: gate values by check, run metrics by key.
import type { GateCheckResult } from '@quorum/domain';

export interface DiffRow {
  key: string;
  label: string;
  candidate: number | null;
  current: number | null;
  candidateStatus?: GateCheckResult['status'];
  currentStatus?: GateCheckResult['status'];
}

/** One row per check in either result set, in the candidate's (policy) order. */
export function diffGateRows(candidate: GateCheckResult[], current: GateCheckResult[]): DiffRow[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  const rows: DiffRow[] = candidate.map((r) => {
    const other = byId.get(r.id);
    byId.delete(r.id);
    return { key: r.id, label: r.description, candidate: r.value, current: other?.value ?? null, candidateStatus: r.status, currentStatus: other?.status };
  });
  for (const r of byId.values()) rows.push({ key: r.id, label: r.description, candidate: null, current: r.value, currentStatus: r.status });
  return rows;
}

/** One row per metric either run logged, by name. */
export function diffMetricRows(candidate: Record<string, { value: number }>, current: Record<string, { value: number }>): DiffRow[] {
  const keys = [...new Set([...Object.keys(candidate), ...Object.keys(current)])].sort();
  return keys.map((k) => ({ key: k, label: k, candidate: candidate[k]?.value ?? null, current: current[k]?.value ?? null }));
}

/** Candidate minus current, when both are finite numbers. */
export function diffDelta(row: Pick<DiffRow, 'candidate' | 'current'>): number | null {
  return row.candidate !== null && row.current !== null && Number.isFinite(row.candidate) && Number.isFinite(row.current) ? row.candidate - row.current : null;
}
