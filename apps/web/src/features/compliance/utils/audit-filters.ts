// The audit trail's filters as they live in the URL (dates as calendar days) and as the
// API takes them (epoch milliseconds, both ends inclusive).

export interface AuditUrlFilters {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** YYYY-MM-DD, or '' for no bound. */
  from: string;
  to: string;
  /** ok, denied or failed, or '' for any. */
  outcome: string;
}

export const AUDIT_URL_KEYS = { actor: 'actor', action: 'action', entityType: 'type', entityId: 'entity', from: 'from', to: 'to', outcome: 'outcome' } as const satisfies Record<keyof AuditUrlFilters, string>;

export const AUDIT_NO_FILTERS: AuditUrlFilters = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '', outcome: '' };

export interface AuditApiFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: number;
  to?: number;
  outcome?: 'ok' | 'denied' | 'failed';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a YYYY-MM-DD day, or undefined for anything else. */
export function auditDayStart(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? undefined : t;
}

export function auditFiltersFromUrl(params: URLSearchParams): AuditUrlFilters {
  const get = (k: keyof AuditUrlFilters) => params.get(AUDIT_URL_KEYS[k])?.trim() ?? '';
  return { actor: get('actor'), action: get('action'), entityType: get('entityType'), entityId: get('entityId'), from: get('from'), to: get('to'), outcome: get('outcome') };
}

/** The URL params for these filters, keeping unrelated params and dropping empty ones. */
export function auditFiltersToUrl(filters: AuditUrlFilters, previous: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const key of Object.keys(AUDIT_URL_KEYS) as (keyof AuditUrlFilters)[]) {
    const value = filters[key].trim();
    if (value) next.set(AUDIT_URL_KEYS[key], value);
    else next.delete(AUDIT_URL_KEYS[key]);
  }
  return next;
}

/** The API filter: a `to` day includes the whole of that day. */
export function auditApiFilter(f: AuditUrlFilters): AuditApiFilter {
  const from = auditDayStart(f.from);
  const toStart = auditDayStart(f.to);
  const to = toStart === undefined ? undefined : new Date(toStart).setDate(new Date(toStart).getDate() + 1) - 1;
  return {
    ...(f.actor && { actor: f.actor }),
    ...(f.action && { action: f.action }),
    ...(f.entityType && { entityType: f.entityType }),
    ...(f.entityId && { entityId: f.entityId }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...((f.outcome === 'ok' || f.outcome === 'denied' || f.outcome === 'failed') && { outcome: f.outcome }),
  };
}

/** The export endpoint for the same filter, in the names the REST endpoint reads. */
export function auditExportHref(format: 'jsonl' | 'csv', filter: AuditApiFilter): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  return `/api/audit/export?${params.toString()}`;
}

export function auditFiltersActive(f: AuditUrlFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}
