// The audit trail's filters, read from and written to the URL so a view can be shared.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_NO_FILTERS, auditFiltersFromUrl, auditFiltersToUrl, type AuditUrlFilters } from '../utils/audit-filters';

export function useAuditFilters(): [AuditUrlFilters, (next: Partial<AuditUrlFilters> | null) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Rebuilt only when the URL changes, so the filter object is stable across renders.
  const filters = useMemo(() => auditFiltersFromUrl(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (next: Partial<AuditUrlFilters> | null) =>
      setParams((prev) => {
        const current = auditFiltersFromUrl(prev);
        const merged = next === null ? AUDIT_NO_FILTERS : { ...current, ...next };
        return auditFiltersToUrl(merged, prev);
      }),
    [setParams],
  );
  return [filters, update];
}
