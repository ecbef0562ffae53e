// The filter box's state: the text being edited, and applying it only once the server
// accepts it, so a typo never replaces the results on screen or lands in the URL.
import { useCallback, useRef, useState } from 'react';
import { filterProblemOf } from '../api/types';
import { useRunSearchProbe } from '../api/use-run-search';
import type { AttemptedFilter } from '../components/run-filter-bar';
import type { RunsView } from './use-runs-view';

export function useFilterApply(experimentId: number, view: RunsView, searchError: unknown) {
  const probe = useRunSearchProbe();
  const [draft, setDraft] = useState(view.filter);
  // Back/Forward or a link can change the applied filter; the box follows it.
  const [shownFilter, setShownFilter] = useState(view.filter);
  if (shownFilter !== view.filter) {
    setShownFilter(view.filter);
    setDraft(view.filter);
  }
  const [refused, setRefused] = useState<AttemptedFilter | null>(null);
  const [applying, setApplying] = useState(false);
  const latest = useRef(0);
  const { filter, sort, setFilter } = view;

  const apply = useCallback(
    async (raw: string) => {
      const text = raw.trim();
      const attempt = ++latest.current;
      setApplying(true);
      try {
        await probe({ experimentId, filter: text, sort });
        if (attempt !== latest.current) return;
        setRefused(null);
        setDraft(text);
        if (text !== filter) setFilter(text);
      } catch (e) {
        if (attempt !== latest.current) return;
        const problem = filterProblemOf(e);
        const message = problem?.message ?? (e instanceof Error && e.message ? e.message : 'The filter could not be applied');
        setRefused({ text, message, column: problem?.column ?? null });
      } finally {
        if (attempt === latest.current) setApplying(false);
      }
    },
    [probe, experimentId, sort, filter, setFilter],
  );

  const revert = useCallback(() => {
    latest.current++;
    setApplying(false);
    setRefused(null);
    setDraft(filter);
  }, [filter]);

  // A refused filter that arrived in the URL (an old link) is shown the same way.
  const fromUrl = filterProblemOf(searchError);
  const problem = refused ?? (fromUrl ? { ...fromUrl, text: filter } : null);
  return { draft, setDraft, apply, revert, applying, problem, urlFilterRefused: fromUrl !== null };
}
