// The compare view's state, read from and written to the URL search params.
import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { XMode } from '../utils/series-points';
import { compareViewOf, urlList, urlListSet, urlValueRefFormat, urlZoomFormat, urlZooms, type StepRange, type ValueRef } from '../utils/url-state';

export function useCompareView() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // The router commits URL changes in a transition, so a checkbox bound to the URL
  // would spring back until the whole page has re-rendered; the optimistic copy
  // shows the change at once.
  const [shown, setShown] = useOptimistic(params);
  const view = useMemo(() => compareViewOf(shown), [shown]);

  // Replace rather than push for tweaks (a slider would flood the history); removing
  // a run pushes, so Back brings it back.
  const update = useCallback(
    (mutate: (p: URLSearchParams) => void, push = false) =>
      startTransition(() => {
        const next = new URLSearchParams(window.location.search);
        mutate(next);
        setShown(next);
        // Commas and colons are legal in a query; unescaped, a shared link stays readable.
        const search = next.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
        navigate({ search: search ? `?${search}` : '' }, { replace: !push });
      }),
    [navigate, setShown],
  );

  const actions = useMemo(
    () => ({
      removeRuns: (runIds: readonly string[]) =>
        update((p) => {
          urlListSet(p, 'runs', urlList(p.get('runs')).filter((id) => !runIds.includes(id)));
        }, true),
      setKeys: (keys: readonly string[]) => update((p) => p.set('keys', keys.join(','))),
      setXMode: (x: XMode) => update((p) => (x === 'step' ? p.delete('x') : p.set('x', x))),
      setSmoothing: (s: number) => update((p) => (s > 0 ? p.set('smooth', String(s)) : p.delete('smooth'))),
      toggleLog: (key: string) =>
        update((p) => {
          const keys = urlList(p.get('log'));
          urlListSet(p, 'log', keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]);
        }),
      setZoom: (key: string, range: StepRange | null) =>
        update((p) => {
          const zooms = urlZooms(p.getAll('zoom'));
          if (range) zooms.set(key, range);
          else zooms.delete(key);
          p.delete('zoom');
          for (const [k, r] of zooms) p.append('zoom', urlZoomFormat(k, r));
        }),
      setParallelMetric: (key: string) => update((p) => p.set('pc', key)),
      setScatterAxis: (axis: 'x' | 'y', ref: ValueRef) => update((p) => p.set(axis === 'x' ? 'sx' : 'sy', urlValueRefFormat(ref))),
      toggleScatterLog: (axis: 'x' | 'y') =>
        update((p) => {
          const axes = urlList(p.get('slog'));
          urlListSet(p, 'slog', axes.includes(axis) ? axes.filter((a) => a !== axis) : [...axes, axis].sort());
        }),
      setOnlyDifferences: (only: boolean) => update((p) => (only ? p.delete('diff') : p.set('diff', 'all'))),
    }),
    [update],
  );

  return { view, actions };
}

export type CompareActions = ReturnType<typeof useCompareView>['actions'];
