import type { RunStatus } from '@quorum/domain';

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      {status === 'RUNNING' && <span className="pulse" aria-hidden />}
      {status.toLowerCase()}
    </span>
  );
}
