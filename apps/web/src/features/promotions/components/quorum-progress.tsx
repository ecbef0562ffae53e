// A request's sign-offs at a glance: one pip per approval the policy needs, filled when
// given, and the sentence saying who is still missing.
import type { ApprovalQuorum, ApprovalRequirement } from '@quorum/domain';
import { regQuorumText } from '../../../components/reg-gate';

export function QuorumProgress({ required, quorum }: { required: ApprovalRequirement[]; quorum: Pick<ApprovalQuorum, 'met' | 'missing'> }) {
  const total = required.reduce((n, r) => n + r.count, 0);
  const have = total - quorum.missing.reduce((n, m) => n + m.count, 0);
  return (
    <span className="reg-quorum">
      <span className="reg-pips" aria-hidden>
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={`reg-pip${i < have ? ' is-on' : ''}`} />
        ))}
      </span>
      <span className={quorum.met ? 'id-ok' : undefined}>{regQuorumText(required, quorum)}</span>
    </span>
  );
}
