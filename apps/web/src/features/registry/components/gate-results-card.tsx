// The version's latest gate results, and a re-check against the current policy and evidence.
import { RegGateBadge } from '../../../components/reg-badges';
import { regGateResults } from '../../../components/reg-gate';
import { RegGateTable } from '../../../components/reg-gate-table';
import { idReadableError } from '../../../components/id-readable-error';
import { useSession } from '../../../lib/session';
import type { VersionDetail } from '../api/types';
import { useGateCheck } from '../api/use-registry';

export function GateResultsCard({ version }: { version: VersionDetail }) {
  const mayCheck = useSession().can('gates.check');
  const check = useGateCheck();
  const error = idReadableError(check.error);
  const openRequests = version.requests.filter((r) => r.state === 'pending' || r.state === 'approved').length;
  return (
    <section className="card" aria-labelledby="reg-gates-title">
      <div className="card-header">
        <h2 id="reg-gates-title" className="row">
          Gate results <RegGateBadge gate={version.gate} />
        </h2>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => check.mutate({ versionId: version.id })}
          disabled={!mayCheck.allowed || check.isPending}
          title={mayCheck.allowed ? 'Evaluate again against the current policy, evidence and champion' : mayCheck.reason}
        >
          {check.isPending ? 'Checking…' : 'Re-check gates'}
        </button>
      </div>
      {error && (
        <div className="card-body">
          <div className="alert alert-error" role="alert">
            {error.message}
          </div>
        </div>
      )}
      {check.isSuccess && !error && (
        <p className="small reg-recheck-note" role="status">
          Re-checked: {check.data.passed ? 'every gate passes' : 'some gates fail'}.
          {openRequests > 0 && ' A changed result resets the approvals on this version’s open requests.'}
        </p>
      )}
      <RegGateTable results={regGateResults(version.gate)} evaluatedAt={version.gate?.evaluatedAt} />
    </section>
  );
}
