// "Verify chain": walks the whole audit hash chain on the server and says whether it holds,
// or at which entry it breaks. Shown on the compliance home and the audit trail page.
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../lib/trpc';
import { idReadableError } from './id-readable-error';

export function VerifyChain() {
  const trpc = useTRPC();
  // Only on request: verification reads every entry, and an old verdict must not pass for a new one.
  const verify = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false, staleTime: 0, gcTime: 0, retry: false });
  const result = verify.data;
  const error = idReadableError(verify.error);
  return (
    <div className="id-verify">
      <button type="button" className="btn" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
        {verify.isFetching ? 'Verifying…' : 'Verify chain'}
      </button>
      <span role="status" className="id-verify-status">
        {verify.isFetching ? null : error ? (
          <span className="id-verdict id-verdict-bad">Could not verify: {error.message}</span>
        ) : result?.ok ? (
          <span className="id-verdict id-verdict-good" title={`Checked ${formatDateTime(verify.dataUpdatedAt)}`}>
            ✓ Chain intact: {result.entries.toLocaleString('en')} entries
          </span>
        ) : result ? (
          <span className="id-verdict id-verdict-bad">
            ✗ Broken at entry #{result.firstBrokenSeq}: {result.reason}
          </span>
        ) : null}
      </span>
    </div>
  );
}
