/** The sample plan's saved scenarios. */
import type { Scenario } from '../model';
import { SAMPLE_UPDATED_AT, NY, CN } from './builders';
import { localToInstant } from '../time';

/** The Xi visit's items at other dates: outbound leg, talks, dinner, homebound leg (local times as in the plan). */
export function xiVisitAt(
  arrival: string,
  talksDay: string,
  departure: string,
  landing: string,
): Scenario['overrides'] {
  return [
    {
      itemId: 'xi-leg-out',
      startsAt: localToInstant(`${arrival}T12:30`, CN),
      endsAt: localToInstant(`${arrival}T15:10`, NY),
    },
    {
      itemId: 'xi-visit-talks',
      startsAt: localToInstant(`${talksDay}T10:00`, NY),
      endsAt: localToInstant(`${talksDay}T13:00`, NY),
    },
    {
      itemId: 'xi-visit-dinner',
      startsAt: localToInstant(`${talksDay}T19:00`, NY),
      endsAt: localToInstant(`${talksDay}T21:30`, NY),
    },
    {
      itemId: 'xi-leg-home',
      startsAt: localToInstant(`${departure}T13:00`, NY),
      endsAt: localToInstant(`${landing}T14:50`, CN),
    },
  ];
}

/** Two saved alternatives for Xi's 2026 return visit. Ids are stable. */
export const scenarios: Scenario[] = [
  {
    id: 'xi-visit-mid-august',
    name: 'Xi visit: mid-August',
    includeOptionalIds: [],
    overrides: xiVisitAt('2026-08-12', '2026-08-13', '2026-08-14', '2026-08-15'),
    notes:
      'Arrive Wed 12 Aug, talks and state dinner Thu 13 Aug, leave Fri 14 Aug. Inside Perdue\'s "August or September"; clear of the UNGA general debate (22–28 Sep), the Mid-Autumn holiday (25–27 Sep) and Golden Week (1–7 Oct).',
    updatedAt: SAMPLE_UPDATED_AT,
  },
  {
    id: 'xi-visit-late-september',
    name: 'Xi visit: late September (24 Sep, as reported)',
    includeOptionalIds: [],
    overrides: xiVisitAt('2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27'),
    notes:
      "Arrive Thu 24 Sep as reported (only by AI-written sites: low confidence). Overlaps the UNGA general debate in New York (22–28 Sep) and China's Mid-Autumn holiday (25–27 Sep).",
    updatedAt: SAMPLE_UPDATED_AT,
  },
] as unknown as Scenario[];
