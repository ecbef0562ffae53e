// The drift verdict between a dataset's two latest versions, linked to the full comparison.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../../lib/trpc';

export function DriftCell({ referenceId, currentId, label }: { referenceId: number; currentId: number; label: string }) {
  // Profiles never change once stored, so one verdict per pair is enough for the session.
  const drift = useQuery(useTRPC().datasets.drift.queryOptions({ referenceId, currentId }, { staleTime: Infinity }));
  const href = `/data?ref=${referenceId}&cur=${currentId}`;
  const d = drift.data;
  return (
    <Link to={href} className="id-drift-cell" title={drift.error ? drift.error.message : `Compare ${label}`}>
      {drift.isPending ? (
        <span className="muted small">checking…</span>
      ) : d ? (
        <span className={`badge ${d.drifted ? 'id-badge-bad' : 'id-badge-good'}`}>
          {d.drifted ? `drifted ${d.driftedCount}/${d.columns.length}` : 'no drift'}
        </span>
      ) : (
        <span className="muted small">not comparable</span>
      )}
      <span className="small id-drift-pair">{label}</span>
    </Link>
  );
}
