// The trail newest first, a page at a time: each "Load older" asks for the entries
// below the last one shown (beforeSeq). Pages hold still once loaded: were the newest
// page to refresh under older ones, the entries pushed off its end would vanish between
// the two. "Show newest" starts again from the top instead.
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry } from '../../../components/id-audit-table';
import { useTRPC } from '../../../lib/trpc';
import type { AuditApiFilter } from '../utils/audit-filters';

export const AUDIT_PAGE_SIZE = 50;

type Page = UseQueryResult<AuditEntry[], { message: string; data?: unknown }>;

/** Module-level, so React Query reuses the combined result while no page changes. */
function combinePages(pages: Page[]) {
  const entries = pages.flatMap((p) => p.data ?? []);
  const first = pages[0];
  const last = pages[pages.length - 1];
  const older = pages.length > 1 ? last : undefined;
  return {
    entries,
    isPending: first?.isPending ?? true,
    error: first?.error ?? null,
    refetch: () => void first?.refetch(),
    refreshing: first?.isRefetching ?? false,
    loadingOlder: older?.isPending ?? false,
    olderError: older?.error ?? null,
    retryOlder: () => void older?.refetch(),
    /** The oldest entry shown when the last page was full, so older ones may exist. */
    oldestSeq: last?.data?.length === AUDIT_PAGE_SIZE ? last.data[last.data.length - 1]?.seq : undefined,
    updatedAt: first?.dataUpdatedAt ?? 0,
  };
}

/** Mount with a `key` per filter: a new filter starts again from the newest entry. */
export function useAuditPages(filter: AuditApiFilter) {
  const trpc = useTRPC();
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const result = useQueries({
    queries: cursors.map((beforeSeq) => ({
      ...trpc.audit.list.queryOptions({ ...filter, limit: AUDIT_PAGE_SIZE, ...(beforeSeq !== undefined && { beforeSeq }) }),
      staleTime: Infinity,
    })),
    combine: combinePages,
  });
  const { oldestSeq } = result;
  return {
    ...result,
    hasOlder: oldestSeq !== undefined,
    showNewest: () => {
      setCursors([undefined]);
      result.refetch();
    },
    loadOlder: () => {
      if (oldestSeq !== undefined) setCursors((c) => (c.includes(oldestSeq) ? c : [...c, oldestSeq]));
    },
  };
}
