/** What the calendar does on select, click, drag and resize: open the editor or save the change, with Undo. */
import type { ComponentProps } from 'react';
import { useCallback, useMemo } from 'react';
import type FullCalendar from '@fullcalendar/react';
import type { DateSelectInfo, EventApi, EventClickInfo, EventDropInfo } from '@fullcalendar/react';
import { describeWriteError, repos } from '../../db';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { parseCalendarId } from './calendar-adapter';
import { rescheduleItem, type Change } from './reschedule';
import { undoOffer } from '../../db/undo-offer';

type FcProps = ComponentProps<typeof FullCalendar>;
export type DetailsRef = { type: 'leg' | 'window'; id: string };

/** A message as a sentence: its own full stop added if it has none. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Save a drag or resize through the repository; revert it with the reason if it can't be saved. */
function useSave(displayZone: string) {
  const notify = useUndoStore((s) => s.notify);
  return useCallback(
    (event: EventApi, change: Change, revert: () => void, verb: string) => {
      const ref = parseCalendarId(event.id);
      if (!ref || ref.type === 'window') {
        revert();
        return;
      }
      rescheduleItem(repos, ref.type, ref.id, change).then(
        ({ after, entry }) => {
          const [start, zone] =
            ref.type === 'event'
              ? [(after as { startsAt: string }).startsAt, (after as { timeZone: string }).timeZone]
              : [(after as { departsAt: string }).departsAt, displayZone];
          useUndoStore
            .getState()
            .present(undoOffer(entry, `${verb} "${event.title}": now ${formatLocalDateTime(start, zone)}.`));
        },
        (err: unknown) => {
          revert();
          notify(
            `Could not reschedule "${event.title}": ${sentence(describeWriteError(err))} It is back where it was.`,
          );
        },
      );
    },
    [displayZone, notify],
  );
}

/** FullCalendar's select, eventClick, eventDrop, eventResize and eventAllow props. */
export function useCalendarHandlers(displayZone: string, showDetails: (ref: DetailsRef) => void): Partial<FcProps> {
  const openEditor = useUiStore((s) => s.openEditor);
  const save = useSave(displayZone);
  return useMemo<Partial<FcProps>>(
    () => ({
      select: (info: DateSelectInfo) => {
        openEditor({
          mode: 'new',
          startsAt: info.start.toISOString(),
          endsAt: info.end.toISOString(),
          allDay: info.allDay,
        });
        info.view.calendar.unselect();
      },
      eventClick: (info: EventClickInfo) => {
        info.jsEvent.preventDefault();
        const ref = parseCalendarId(info.event.id);
        if (!ref) return;
        if (ref.type === 'event') openEditor({ mode: 'edit', type: 'event', id: ref.id });
        else showDetails(ref as DetailsRef);
      },
      eventDrop: (info: EventDropInfo) => {
        const { delta } = info;
        save(
          info.event,
          {
            kind: 'move',
            shift: {
              days: delta.days + delta.months * 30 + delta.years * 365,
              ms: delta.milliseconds,
              newStart: info.event.start?.toISOString(),
            },
          },
          info.revert,
          'Moved',
        );
      },
      eventResize: (info) => {
        save(
          info.event,
          { kind: 'resize', resize: { days: info.endDelta.days, newEnd: info.event.end?.toISOString() } },
          info.revert,
          'Resized',
        );
      },
      eventAllow: (span, moving) => !moving || span.allDay === moving.allDay,
    }),
    [openEditor, save, showDetails],
  );
}
