// The page's shareable state in the URL: ?ref=&cur= for the comparison, ?dataset= for the detail.
// React Router applies navigations in a transition, so selects bound straight to the URL would
// flip back until it commits; a local copy answers at once and follows the URL when it changes.
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface DataParams {
  ref: number | null;
  cur: number | null;
  dataset: number | null;
}

const idOf = (v: string | null): number | null => (v !== null && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null);

export function useDataParams(): [DataParams, (next: Partial<DataParams>) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl: DataParams = { ref: idOf(params.get('ref')), cur: idOf(params.get('cur')), dataset: idOf(params.get('dataset')) };
  const key = `${fromUrl.ref}/${fromUrl.cur}/${fromUrl.dataset}`;
  const [value, setValue] = useState(fromUrl);
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    setValue(fromUrl);
  }
  const update = useCallback(
    (next: Partial<DataParams>) => {
      setValue((v) => ({ ...v, ...next }));
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        for (const [name, id] of Object.entries(next)) {
          if (id === null || id === undefined) p.delete(name);
          else p.set(name, String(id));
        }
        return p;
      });
    },
    [setParams],
  );
  return [value, update];
}
