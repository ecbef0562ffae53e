// The product owner's notes on a KPI, newest first. A note linked to a promotion request is
// part of that request's evidence: the compliance lead reads it before signing off.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { regFormErrors } from '../../../components/reg-form-errors';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useKpiComment, useKpiModelRequests, type KpiComment, type KpiRequestRow } from '../api/use-kpis';

/** Requests still open, then the most recent others: what a note is likely to be about. */
const RECENT_CLOSED = 10;

const requestLabel = (r: KpiRequestRow) => `#${r.id} ${r.modelName} v${r.version} → ${r.alias}`;

export function KpiComments({ kpiId, comments, modelIds, now }: { kpiId: number; comments: readonly KpiComment[]; modelIds: number[]; now: number }) {
  const requests = useKpiModelRequests(modelIds);
  const byId = new Map(requests.rows.map((r) => [r.id, r]));
  return (
    <section className="card" aria-labelledby="kpi-comments-title">
      <div className="card-header">
        <h2 id="kpi-comments-title">
          Comments <span className="count-pill">{comments.length}</span>
        </h2>
      </div>
      <KpiCommentForm kpiId={kpiId} requests={requests.rows} />
      {comments.length === 0 ? (
        <p className="card-body muted reg-no-margin">No comments yet. Note what you see in the numbers; link a note to a promotion request to put it in front of the approvers.</p>
      ) : (
        <ol className="kpi-comment-list">
          {comments.map((c) => {
            const request = c.promotionRequestId === null ? undefined : byId.get(c.promotionRequestId);
            return (
              <li key={c.id} className="kpi-comment">
                <div className="kpi-comment-head small">
                  <span className="id-strong">{c.authorName ?? 'Unknown user'}</span>
                  <span className="muted" title={formatDateTime(c.createdAt)}>
                    {formatDateTime(c.createdAt)} · {formatAgo(c.createdAt, now)}
                  </span>
                </div>
                <p className="reg-quote">{c.body}</p>
                {c.promotionRequestId !== null && (
                  <span className="small">
                    On promotion request{' '}
                    <Link to={`/approvals/${c.promotionRequestId}`}>{request ? requestLabel(request) : `#${c.promotionRequestId}`}</Link>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function KpiCommentForm({ kpiId, requests }: { kpiId: number; requests: readonly KpiRequestRow[] }) {
  const id = useId();
  const allowed = useSession().can('kpis.comment');
  const [body, setBody] = useState('');
  const [requestId, setRequestId] = useState('');
  const comment = useKpiComment();
  const server = regFormErrors(comment.error);
  const open = requests.filter((r) => r.state === 'pending' || r.state === 'approved');
  const recent = requests.filter((r) => r.state !== 'pending' && r.state !== 'approved').slice(0, RECENT_CLOSED);
  const disabled = !allowed.allowed || comment.isPending;

  const submit = () => {
    if (!body.trim()) return;
    comment.mutate(
      { kpiId, body: body.trim(), ...(requestId && { promotionRequestId: Number(requestId) }) },
      {
        onSuccess: () => {
          setBody('');
          setRequestId('');
        },
      },
    );
  };

  return (
    <form
      className="card-body kpi-comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-body`} className="sr-only">
        Comment
      </label>
      <textarea
        id={`${id}-body`}
        className="input reg-textarea"
        rows={allowed.allowed ? 3 : 2}
        maxLength={5000}
        value={body}
        disabled={disabled}
        title={allowed.allowed ? undefined : allowed.reason}
        placeholder={allowed.allowed ? 'What do you see in the numbers, and what should the approvers know?' : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="kpi-comment-actions">
        <label htmlFor={`${id}-request`} className="small muted">
          Link to promotion request
        </label>
        <select id={`${id}-request`} className="input kpi-request-select" value={requestId} disabled={disabled} onChange={(e) => setRequestId(e.target.value)}>
          <option value="">None</option>
          {open.length > 0 && (
            <optgroup label="Open">
              {open.map((r) => (
                <option key={r.id} value={r.id}>
                  {requestLabel(r)} ({r.state})
                </option>
              ))}
            </optgroup>
          )}
          {recent.length > 0 && (
            <optgroup label="Recent">
              {recent.map((r) => (
                <option key={r.id} value={r.id}>
                  {requestLabel(r)} ({r.state})
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <span className="spacer" />
        <button type="submit" className="btn btn-primary" disabled={disabled || !body.trim()} title={allowed.allowed ? undefined : allowed.reason}>
          {comment.isPending ? 'Posting…' : 'Post comment'}
        </button>
      </div>
      {!allowed.allowed && <p className="small muted reg-no-margin">{allowed.reason}</p>}
      {(server.form ?? server.fields.body ?? server.fields.promotionRequestId) && (
        <div className="alert alert-error" role="alert">
          {server.form ?? server.fields.body ?? server.fields.promotionRequestId}
        </div>
      )}
    </form>
  );
}
