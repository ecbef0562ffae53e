// /approvals — the compliance lead's queue: requests waiting for sign-off, approved ones
// waiting to be applied, the decided history, and open review items from rollbacks.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PromotionState } from '@quorum/domain';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import { usePromotions, useReviews } from './api/use-promotions';
import { RequestTable } from './components/request-table';
import { ReviewsPanel } from './components/reviews-panel';

const TABS = [
  { id: 'pending', label: 'Pending', states: ['pending'], empty: 'Nothing is waiting for sign-off.' },
  { id: 'approved', label: 'Approved, awaiting apply', states: ['approved'], empty: 'No approved request is waiting to be applied.' },
  { id: 'history', label: 'History', states: ['applied', 'rejected', 'withdrawn', 'expired'], empty: 'No request has been decided yet.' },
] as const satisfies readonly { id: string; label: string; states: PromotionState[]; empty: string }[];
type TabId = (typeof TABS)[number]['id'] | 'reviews';

export function ApprovalQueuePage() {
  const [params, setParams] = useSearchParams();
  const tab = ((['pending', 'approved', 'history', 'reviews'] as const).find((t) => t === params.get('tab')) ?? 'pending') satisfies TabId;
  // One list for every state: the tabs' counts come from it, and switching tabs is instant.
  const all = usePromotions(['pending', 'approved', 'applied', 'rejected', 'withdrawn', 'expired']);
  const [showResolved, setShowResolved] = useState(false);
  const openReviews = useReviews(true);
  // reviews.list({ open: false }) returns every review, resolved or not; unticked, both hooks share one query.
  const reviews = useReviews(!showResolved);
  const rows = all.data ?? [];
  const count = (id: TabId) => (id === 'reviews' ? (openReviews.data?.length ?? 0) : rows.filter((r) => (TABS.find((t) => t.id === id)?.states as readonly string[]).includes(r.state)).length);
  const current = TABS.find((t) => t.id === tab);
  const shown = current ? rows.filter((r) => (current.states as readonly string[]).includes(r.state)) : [];

  return (
    <div className="page">
      <PageHeader title="Approvals" description="Promotion requests wait here for the sign-offs their model’s policy names; nobody signs their own." />
      <div className="reg-tabs" role="tablist" aria-label="Queue">
        {[...TABS.map((t) => ({ id: t.id as TabId, label: t.label })), { id: 'reviews' as TabId, label: 'Reviews' }].map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`reg-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="reg-tab-panel"
            className="reg-tab"
            onClick={() => setParams(t.id === 'pending' ? {} : { tab: t.id }, { replace: true })}
          >
            {t.label} <span className="count-pill">{count(t.id)}</span>
          </button>
        ))}
      </div>
      <section className="card reg-tab-card" role="tabpanel" id="reg-tab-panel" aria-labelledby={`reg-tab-${tab}`}>
        {tab === 'reviews' ? (
          reviews.isPending ? (
            <LoadingRows rows={3} />
          ) : reviews.error ? (
            <div className="card-body">
              <ErrorBox error={idReadableError(reviews.error)} onRetry={() => void reviews.refetch()} />
            </div>
          ) : (
            <>
              <div className="reg-reviews-bar">
                <label className="check small">
                  <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved reviews too
                </label>
              </div>
              <ReviewsPanel reviews={reviews.data} now={reviews.dataUpdatedAt} includeResolved={showResolved} />
            </>
          )
        ) : all.isPending ? (
          <LoadingRows rows={4} />
        ) : all.error ? (
          <div className="card-body">
            <ErrorBox error={idReadableError(all.error)} onRetry={() => void all.refetch()} />
          </div>
        ) : shown.length === 0 ? (
          <EmptyState title={current?.empty ?? ''}>
            <p className="reg-empty-text">Requests are made from a model’s versions table or a version’s page.</p>
            <Link to="/models">Go to models</Link>
          </EmptyState>
        ) : (
          <RequestTable requests={shown} history={tab === 'history'} now={all.dataUpdatedAt} />
        )}
      </section>
    </div>
  );
}
