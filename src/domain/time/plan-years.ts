/** The years a plan can hold, and range ends held inside them. */
import { toInstant } from './time';

/**
 * The years a plan can hold (issue 19): 1900 to 9999. Before 1900 a zone's clock is local mean
 * time, which the zone rules and calendar files do not carry reliably; after 9999 an ISO string
 * needs a sign and six digits and no longer sorts as text. The record validators refuse dates
 * outside, with these words.
 */
export const FIRST_PLAN_YEAR = 1900;
export const LAST_PLAN_YEAR = 9999;
export const PLAN_YEARS_TEXT = `Summitry plans dates from ${FIRST_PLAN_YEAR} to ${LAST_PLAN_YEAR}`;
/** The first and last instants of the plan's years. */
export const EARLIEST_INSTANT = `${FIRST_PLAN_YEAR}-01-01T00:00:00.000Z`;
export const LATEST_INSTANT = `${LAST_PLAN_YEAR}-12-31T23:59:59.999Z`;

/**
 * `toInstant`, held inside the plan's years: for the ends of a range read around what is shown,
 * which may reach past 9999 (where `+010000-…` sorts before `9999-…` as text) or before 1900.
 */
export function toRangeInstant(ms: number): string {
  if (!(ms < Date.parse(LATEST_INSTANT))) return LATEST_INSTANT;
  if (!(ms > Date.parse(EARLIEST_INSTANT))) return EARLIEST_INSTANT;
  return toInstant(ms);
}
