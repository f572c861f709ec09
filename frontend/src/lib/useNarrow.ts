import { useSyncExternalStore } from 'react';

/** Below Aksel's md breakpoint (768 px): a phone, or a narrow window. */
const query = '(max-width: 767px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** useNarrow says whether the screen is narrow, for what CSS alone cannot lay out (charts); it follows the window as it changes. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
}
