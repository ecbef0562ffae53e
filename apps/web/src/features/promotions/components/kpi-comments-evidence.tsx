// What the product owners said about this request from the business KPIs: comments linked to
// the request on a KPI's page, oldest first, each with a link to that KPI's chart.
import { Link } from 'react-router';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { PromotionDetail } from '../api/types';
import { EvidenceCard } from './evidence-card';

export function KpiCommentsEvidence({ comments, now }: { comments: PromotionDetail['kpiComments']; now: number }) {
  return (
    <EvidenceCard title="Business KPIs" badge={comments.length > 0 ? <span className="count-pill">{comments.length}</span> : undefined}>
      {comments.length === 0 ? (
        <p className="card-body muted reg-no-margin">
          No product owner has commented on this request. Comments linked to it from a KPI on the <Link to="/kpis">KPI board</Link> appear here.
        </p>
      ) : (
        <ol className="reg-review-list">
          {comments.map((c) => (
            <li key={c.id} className="reg-review">
              <div className="row small">
                <Link to={`/kpis/${c.kpiId}`} className="id-strong-link">
                  {c.kpiName}
                </Link>
                <span className="muted">·</span>
                <span>{c.authorName ?? 'Unknown user'}</span>
                <span className="muted" title={formatDateTime(c.createdAt)}>
                  {formatAgo(c.createdAt, now)}
                </span>
              </div>
              <p className="reg-quote">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
    </EvidenceCard>
  );
}
