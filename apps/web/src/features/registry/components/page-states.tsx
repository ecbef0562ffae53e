// Not-found, error and loading states for the registry's pages.
import { Link } from 'react-router';
import { idReadableError } from '../../../components/id-readable-error';
import { EmptyState, ErrorBox, Skeleton } from '../../../components/states';

/** A load error, or a made-up NOT_FOUND for an id that cannot be one. */
export interface PageError {
  message: string;
  data?: { code?: string } | null;
}

export function RegistryPageState({ error, what, onRetry }: { error: PageError | null; what: string; onRetry: () => void }) {
  const code = error?.data?.code;
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
    return (
      <div className="page">
        <EmptyState title={`${what} not found`}>
          <p>{error?.message}</p>
          <Link to="/models">Back to models</Link>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page">
      {error ? (
        <ErrorBox error={idReadableError(error)} onRetry={onRetry} />
      ) : (
        <div className="stack" aria-busy="true" aria-label={`Loading ${what.toLowerCase()}`}>
          <Skeleton height={14} width={200} />
          <Skeleton height={26} width={340} />
          <Skeleton height={140} />
          <Skeleton height={260} />
        </div>
      )}
    </div>
  );
}
