// One URL search param as state. React Router applies navigations in a transition, so a
// controlled checkbox bound straight to the URL would flip back until it commits; the
// local copy answers at once and follows the URL when it changes (Back, links).
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export function useSearchParam(name: string, options: { replace: boolean }): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(name);
  const [value, setValue] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setValue(fromUrl);
  }
  const { replace } = options;
  const set = useCallback(
    (next: string | null) => {
      setValue(next);
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next === null) p.delete(name);
          else p.set(name, next);
          return p;
        },
        { replace },
      );
    },
    [name, replace, setParams],
  );
  return [value, set];
}
