/** The words every view and export uses for the model's kinds, modes and statuses (capitalised). */
import type { EventKind, LegMode, Status } from './model';

export const KIND_LABELS: Record<EventKind, string> = {
  summit: 'Summit',
  talks: 'Talks',
  call: 'Call',
  meeting: 'Meeting',
  ceremony: 'Ceremony',
  'visit-day': 'Visit day',
  holiday: 'Holiday',
  note: 'Note',
};

export const MODE_LABELS: Record<LegMode, string> = { flight: 'Flight', rail: 'Rail', road: 'Road', sea: 'Sea' };

export const STATUS_LABELS: Record<Status, string> = {
  speculative: 'Speculative',
  proposed: 'Proposed',
  tentative: 'Tentative',
  confirmed: 'Confirmed',
  held: 'Held',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};
