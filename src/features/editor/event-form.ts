/**
 * The event editor's form values and their conversion to and from a PlanEvent. Local times in
 * the form are wall-clock times in the item's own zone; conversion goes through Luxon.
 */
import type { EventKind, PlanEvent, Source, Status } from '../../domain/model';
import { instantToLocal, isValidZone, localToInstant } from '../../domain/time';

export interface EventFormValues {
  id?: string;
  title: string;
  kind: EventKind;
  status: Status;
  allDay: boolean;
  /** `YYYY-MM-DDTHH:mm` (timed) or `YYYY-MM-DD` (all day), in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  placeId: string;
  participantIds: string[];
  optional: boolean;
  notes: string;
  /** One source a line: `title | url | date` (url and date optional). */
  sources: string;
  /** Comma-separated. */
  topics: string;
  visitId?: string;
  windowId?: string;
  windowMarginDays?: number;
}

export function emptyEventForm(timeZone: string, start?: string, end?: string, allDay = false): EventFormValues {
  return {
    title: '',
    kind: 'meeting',
    status: 'proposed',
    allDay,
    start: start ?? '',
    end: end ?? '',
    timeZone,
    placeId: '',
    participantIds: [],
    optional: false,
    notes: '',
    sources: '',
    topics: '',
  };
}

export function eventToForm(e: PlanEvent): EventFormValues {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    status: e.status,
    allDay: e.allDay,
    start: e.allDay ? e.startDate! : instantToLocal(e.startsAt, e.timeZone),
    end: e.allDay ? e.endDate! : instantToLocal(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    placeId: e.placeId ?? '',
    participantIds: [...e.participantIds],
    optional: e.optional,
    notes: e.notes ?? '',
    sources: e.sources.map((s) => [s.title, s.url ?? '', s.date ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n'),
    topics: e.topics.join(', '),
    visitId: e.visitId,
    windowId: e.windowId,
    windowMarginDays: e.windowMarginDays,
  };
}

function parseSources(text: string): Source[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', url, date] = line.split('|').map((p) => p.trim());
      const source: Source = { title };
      if (url) source.url = url;
      if (date) source.date = date;
      return source;
    });
}

export type FormResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * Check what the validator cannot phrase well (empty dates, end before start, zone), then build
 * the record for the repository, which validates the rest.
 */
export function formToEvent(form: EventFormValues, newId: () => string): FormResult {
  const errors: Record<string, string> = {};
  if (!form.title.trim()) errors.title = 'Give the item a title.';
  if (!form.timeZone) errors.timeZone = 'A time zone is required.';
  else if (!isValidZone(form.timeZone)) errors.timeZone = `"${form.timeZone}" is not a known time zone.`;
  if (!form.start) errors.start = 'Give a start.';
  if (!form.end) errors.end = 'Give an end.';
  let startsAt = '';
  let endsAt = '';
  if (!errors.start && !errors.end && !errors.timeZone) {
    try {
      if (form.allDay) {
        const startDate = form.start.slice(0, 10);
        const endDate = form.end.slice(0, 10);
        if (endDate < startDate) errors.end = 'The end must be on or after the start.';
      } else {
        startsAt = localToInstant(form.start, form.timeZone);
        endsAt = localToInstant(form.end, form.timeZone);
        if (endsAt <= startsAt) errors.end = 'The end must be after the start.';
      }
    } catch {
      errors.start = 'Give a real date and time.';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const record: Record<string, unknown> = {
    id: form.id ?? newId(),
    title: form.title.trim(),
    kind: form.kind,
    status: form.status,
    allDay: form.allDay,
    timeZone: form.timeZone,
    participantIds: form.participantIds,
    optional: form.optional,
    sources: parseSources(form.sources),
    topics: form.topics
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
  if (form.allDay) {
    record.startDate = form.start.slice(0, 10);
    record.endDate = form.end.slice(0, 10);
  } else {
    record.startsAt = startsAt;
    record.endsAt = endsAt;
  }
  if (form.placeId) record.placeId = form.placeId;
  if (form.notes.trim()) record.notes = form.notes;
  if (form.visitId) record.visitId = form.visitId;
  if (form.windowId) record.windowId = form.windowId;
  if (form.windowMarginDays !== undefined) record.windowMarginDays = form.windowMarginDays;
  return { ok: true, value: record };
}
