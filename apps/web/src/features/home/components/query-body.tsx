// The body of a home card in its four states: loading, failed, empty, or the content.
import type { ReactNode } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { ErrorBox, LoadingRows } from '../../../components/states';

export function QueryBody({
  pending,
  error,
  onRetry,
  empty,
  isEmpty,
  rows = 4,
  children,
}: {
  pending: boolean;
  error: { message: string; data?: unknown } | null;
  onRetry: () => void;
  isEmpty: boolean;
  empty: ReactNode;
  rows?: number;
  children: ReactNode;
}) {
  if (pending) return <LoadingRows rows={rows} />;
  if (error)
    return (
      <div className="card-body">
        <ErrorBox error={idReadableError(error)} onRetry={onRetry} />
      </div>
    );
  if (isEmpty) return <div className="card-body id-card-empty">{empty}</div>;
  return <>{children}</>;
}
