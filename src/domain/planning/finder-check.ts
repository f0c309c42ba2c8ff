/** What is wrong with a date finder request, in plain words. */
import { DateTime } from 'luxon';
import type { Plan } from '../model';
import { isValidZone } from '../time';
import { MAX_RANGE_DAYS, type FinderRequest } from './finder-types';
import { daysBetween } from './visit-shift';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a request, in plain words (empty when it can be searched). */
export function checkRequest(plan: Plan, r: FinderRequest): string[] {
  const problems: string[] = [];
  if (r.participantIds.length === 0) problems.push('Choose at least one participant.');
  if (!isValidZone(r.timeZone)) problems.push('Choose the host place or a time zone.');
  const validDate = (d: string) => DATE.test(d) && DateTime.fromISO(d, { zone: 'utc' }).isValid;
  if (!validDate(r.from)) problems.push('The search range needs a first day.');
  if (!validDate(r.to)) problems.push('The search range needs a last day.');
  if (validDate(r.from) && validDate(r.to)) {
    if (r.to < r.from) problems.push('The last day of the search range is before the first.');
    else if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS) problems.push('Search at most three years at a time.');
  }
  if (!r.moveVisitId) {
    if (!Number.isInteger(r.lengthDays) || r.lengthDays < 1 || r.lengthDays > 60)
      problems.push('The visit lasts 1 to 60 days.');
    if (!TIME.test(r.dayStart) || !TIME.test(r.dayEnd)) problems.push('Give the daily hours as HH:MM.');
    else if (r.dayEnd <= r.dayStart) problems.push('The daily hours must end after they start.');
  } else if (!plan.visits.some((v) => v.id === r.moveVisitId)) {
    problems.push('The visit to move is not in the plan.');
  }
  if (!Number.isInteger(r.minGapDays) || r.minGapDays < 0 || r.minGapDays > 60)
    problems.push('Days to keep clear: a whole number from 0 to 60.');
  if (r.window) {
    if (!plan.windows.some((w) => w.id === r.window!.itemId) && !plan.events.some((e) => e.id === r.window!.itemId))
      problems.push('The window to plan against is not in the plan.');
    if (!Number.isInteger(r.window.days) || r.window.days < 0 || r.window.days > 365)
      problems.push('Days around the window: a whole number from 0 to 365.');
  }
  return problems;
}
