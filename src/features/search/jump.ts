/** Where a search result leads: the item in the calendar (opened), a visit or place in the Route. */
import { localDateOf } from '../../domain/time';
import type { EditorTarget } from '../../store/ui-store';
import type { SearchTarget } from './search-index';

export interface JumpActions {
  navigate: (path: string) => void;
  openEditor: (target: EditorTarget) => void;
  /** Put text in the search box (participants and topics narrow the search to their items). */
  setQuery: (text: string) => void;
  displayZone: string;
  /** The visit a leg belongs to, if any. */
  visitOfLeg: (id: string) => string | null;
}

/** Go to what a result names. Returns false when the search stays open (a narrowed query). */
export function jumpTo(target: SearchTarget, a: JumpActions): boolean {
  switch (target.kind) {
    case 'item': {
      const date = localDateOf(target.start, a.displayZone);
      if (target.type === 'leg') {
        const visit = a.visitOfLeg(target.id);
        if (visit) {
          a.navigate(`/route?visit=${encodeURIComponent(visit)}`);
          return true;
        }
      }
      const view = target.type === 'window' ? 'month' : 'week';
      a.navigate(`/calendar?view=${view}&date=${date}`);
      if (target.type === 'event') a.openEditor({ mode: 'edit', type: 'event', id: target.id });
      return true;
    }
    case 'visit':
      a.navigate(`/route?visit=${encodeURIComponent(target.id)}`);
      return true;
    case 'place':
      a.navigate(`/route?visit=${encodeURIComponent(target.visitId ?? 'all')}`);
      return true;
    case 'participant':
      a.setQuery(target.name);
      return false;
    case 'topic':
      a.setQuery(target.topic);
      return false;
  }
}
