import { useCallback, useEffect, useState } from 'react';
import { ALL_VISITS } from '../../domain/planning';
import type { Plan } from '../../domain/model';

/** The visit shown first: the September 2025 draft of the state visit, as reported. */
export const DEFAULT_VISIT_ID = 'draft-state-visit-2025';

const visitInUrl = () => new URLSearchParams(window.location.search).get('visit');

/**
 * The selected visit, kept in the URL (`/route?visit=…`) so a reload or a shared link shows the
 * same; a navigation to another `?visit=` (a new visit, a search result) selects that one.
 */
export function useVisitSelection(plan: Plan | undefined): [string, (id: string) => void] {
  const [wanted, setWanted] = useState<string | null>(visitInUrl);
  useEffect(() => {
    const follow = () => {
      const id = visitInUrl();
      if (id) setWanted(id);
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('summitry:navigate', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('summitry:navigate', follow);
    };
  }, []);
  const fallback = plan?.visits.some((v) => v.id === DEFAULT_VISIT_ID) ? DEFAULT_VISIT_ID : ALL_VISITS;
  const valid =
    wanted && (wanted === ALL_VISITS || !plan || plan.visits.some((v) => v.id === wanted)) ? wanted : fallback;
  const select = useCallback((id: string) => {
    setWanted(id);
    const url = new URL(window.location.href);
    url.searchParams.set('visit', id);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
  }, []);
  return [valid, select];
}
