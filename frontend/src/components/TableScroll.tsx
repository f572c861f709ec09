import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** What the table holds, e.g. «Oppgaver»; names the scrolling box for screen readers. */
  label: string;
  /** Always a named region (a page's test or a link may point at it), not only when it scrolls. */
  region?: boolean;
  children: ReactNode;
}

/**
 * TableScroll lets a table that is wider than the screen scroll sideways in
 * its own box, so that the page itself never gets wider than a phone. While
 * it scrolls it is a named region that takes keyboard focus, so it can be
 * scrolled with the arrow keys (WCAG 2.1.1); when the table fits, it is no
 * extra stop for the keyboard.
 */
export function TableScroll({ label, region, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const named = scrolls || region;
  return (
    <div ref={ref} className="table-scroll" role={named ? 'region' : undefined} aria-label={named ? label : undefined} tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}
