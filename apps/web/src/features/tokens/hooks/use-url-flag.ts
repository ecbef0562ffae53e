// An on/off URL param (?name=1) backed by local state. React Router applies navigations
// in a transition, so a checkbox bound straight to the URL would flip back until it
// commits; the local copy answers at once and follows the URL when it changes (Back).
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFlag(name: string): [boolean, (on: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(name) === '1';
  const [value, setValue] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setValue(fromUrl);
  }
  const update = useCallback(
    (on: boolean) => {
      setValue(on);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (on) next.set(name, '1');
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [value, update];
}
