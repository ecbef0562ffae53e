// Open review items (emergency rollbacks) for the compliance lead, each resolved with a comment.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { idReadableError } from '../../../components/id-readable-error';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { ReviewRow } from '../api/types';
import { useModelDetails, useResolveReview } from '../api/use-promotions';

function ResolveForm({ reviewId, onDone }: { reviewId: number; onDone: () => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const resolve = useResolveReview();
  const error = idReadableError(resolve.error);
  const short = text.trim().length < 3;
  return (
    <form
      className="reg-resolve-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!short) resolve.mutate({ id: reviewId, resolution: text.trim() }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={`${id}-resolution`}>Resolution</label>
      <textarea id={`${id}-resolution`} className="input reg-textarea" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="What was found, and what follows (e.g. incident INC-231; v3 stays rolled back until retrained)" autoFocus />
      {error && <div className="field-error reg-field-error">{error.message}</div>}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={short || resolve.isPending}>
          {resolve.isPending ? 'Resolving…' : 'Resolve review'}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ReviewsPanel({ reviews, now, includeResolved }: { reviews: ReviewRow[]; now: number; includeResolved: boolean }) {
  const nameOf = useRegUserNames();
  const mayResolve = useSession().can('reviews.resolve');
  const [open, setOpen] = useState<number | null>(null);
  const models = useModelDetails([...new Set(reviews.map((r) => r.review.modelId))]);
  const versionNumber = (id: number | null) => {
    for (const m of models) {
      const v = m.data?.versions.find((x) => x.id === id);
      if (v) return `v${v.version}`;
    }
    return id === null ? 'nothing' : `version #${id}`;
  };

  if (reviews.length === 0) {
    return <p className="card-body muted">{includeResolved ? 'No review items yet. Emergency rollbacks land here for the compliance lead to review.' : 'No open review items. Emergency rollbacks land here for the compliance lead to review.'}</p>;
  }
  return (
    <ul className="reg-review-list" aria-label={includeResolved ? 'Review items' : 'Open review items'}>
      {reviews.map(({ review: r, modelName }) => (
        <li key={r.id} className="reg-review">
          <div className="row">
            <span className="badge reg-move-rollback">{r.kind}</span>
            <Link to={`/models/${r.modelId}`} className="reg-queue-link">
              {modelName}@{r.alias}
            </Link>
            <span className="muted">
              {versionNumber(r.fromVersionId)} → {versionNumber(r.toVersionId)}
            </span>
            <span className="spacer" />
            <span className="small muted" title={formatDateTime(r.createdAt)}>
              by {nameOf(r.createdBy)}, {formatAgo(r.createdAt, now)}
            </span>
          </div>
          <blockquote className="reg-quote">{r.reason}</blockquote>
          {r.resolvedAt !== null ? (
            <div className="small reg-resolution">
              <strong>Resolved</strong> by {nameOf(r.resolvedBy)}, {formatDateTime(r.resolvedAt)}: {r.resolution}
            </div>
          ) : open === r.id ? (
            <ResolveForm reviewId={r.id} onDone={() => setOpen(null)} />
          ) : (
            <div>
              <button type="button" className="btn btn-sm" onClick={() => setOpen(r.id)} disabled={!mayResolve.allowed} title={mayResolve.allowed ? 'Close the review with a comment' : mayResolve.reason}>
                Resolve
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
