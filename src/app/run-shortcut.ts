/** What each shortcut does: the same as its visible control. */
import { localDateOf } from '../domain/time';
import { readCalendarPlace, writeCalendarPlace } from '../features/calendar/calendar-url';
import { FIND_INPUT_ID } from '../features/search/SearchBox';
import { useUiStore } from '../store/ui-store';
import { navigate, type ViewName } from './router';
import { stepDate, type ShortcutId } from './shortcuts';
import { useShortcutsHelp } from './ShortcutsHelp';

export function runShortcut(id: ShortcutId, view: ViewName, search: URLSearchParams, now = new Date()): void {
  const ui = useUiStore.getState();
  switch (id) {
    case 'overview':
    case 'calendar':
    case 'route':
    case 'conflicts':
      return navigate(`/${id}`);
    case 'new-item':
      return ui.openEditor({ mode: 'new' });
    case 'new-visit':
      return ui.openCreate('visit');
    case 'search': {
      const input = document.getElementById(FIND_INPUT_ID) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      return;
    }
    case 'help':
      return useShortcutsHelp.getState().setOpen(true);
    case 'today':
    case 'previous':
    case 'next': {
      const place = readCalendarPlace(view === 'calendar' ? search : new URLSearchParams());
      const today = localDateOf(now.toISOString(), ui.displayZone);
      const from = place.date ?? today;
      const date = id === 'today' ? today : stepDate(from, place.view, id === 'next' ? 1 : -1);
      const base = view === 'calendar' ? search : new URLSearchParams();
      return navigate(`/calendar?${writeCalendarPlace(base, { view: place.view, date }).toString()}`);
    }
  }
}
