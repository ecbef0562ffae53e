// The rendered width of an element, kept current as the layout changes, for SVG drawn to fit.
import { useCallback, useState } from 'react';

/** `initial` is the width used before the element is first measured. */
export function useElementWidth(initial: number): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
