import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to show its heading (its data on a slow line) before PageChange gives up. */
const patience = 10_000;

/**
 * PageChange does for the app what a full page load does for a screen
 * reader: after each move to another page it announces the page by its main
 * heading and moves focus to that heading, once the page has it (a page that
 * fetches its data shows the heading only then), and names the browser tab
 * after it. The first page after loading keeps the browser's own focus, and a
 * link to a place on a page (#vedtak) leaves focus to that page, which moves
 * it to the place.
 */
export function PageChange() {
  const { pathname, hash } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('innhold');
    if (!main) return;
    const arrived = (): boolean => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      const title = heading.textContent?.trim() ?? '';
      document.title = title ? `${title} – Varsel` : 'Varsel';
      setAnnouncement(title);
      if (!hash) {
        heading.tabIndex = -1;
        heading.focus();
      }
      return true;
    };
    if (arrived()) return;
    const observer = new MutationObserver(() => {
      if (arrived()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), patience);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    // A new page is a new path; a tab's ?fane= or a #place on the same page is not.
  }, [pathname]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </div>
  );
}
