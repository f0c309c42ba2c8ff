/** The sample plan's legs. */
import type { Leg } from '../model';
import { leg, NY, CN, KR } from './builders';
import { S } from './sources';
import { D, K, M, X } from './visits';

export const legs: Leg[] = [
  leg(
    'draft-leg-1',
    D,
    'andrews',
    'pek',
    'flight',
    '2025-10-25T08:00',
    NY,
    '2025-10-26T10:40',
    CN,
    'proposed',
    ['trump'],
    {
      carrier: 'Air Force One',
      notes: 'Block time as Air China CA817/818 (about 14 h 40 min).',
      sources: [S.iadPek],
    },
  ),
  leg(
    'draft-leg-rail',
    D,
    'beijing-south',
    'shanghai-hongqiao',
    'rail',
    '2025-10-28T09:00',
    CN,
    '2025-10-28T13:18',
    CN,
    'proposed',
    ['trump', 'xi'],
    {
      carrier: 'China Railway (Fuxing CR400, special service)',
      optional: true,
      notes:
        'Beijing–Shanghai high-speed railway, 1,302 km station to station; fastest scheduled time 4 h 18 min. The report: a ride to a second city, "most likely Shanghai".',
      sources: [S.reportAz, S.hsr],
    },
  ),
  leg('draft-leg-2', D, 'pek', 'pus', 'flight', '2025-10-28T18:00', CN, '2025-10-28T21:10', KR, 'proposed', ['trump'], {
    carrier: 'Air Force One',
    notes: 'On to Korea for APEC. Beijing–Busan about 1,214 km; about 2 h 10 min.',
  }),
  leg(
    'korea-leg-marine-one',
    K,
    'gyeongju',
    'pus',
    'flight',
    '2025-10-30T09:50',
    KR,
    '2025-10-30T10:25',
    KR,
    'held',
    ['trump'],
    {
      carrier: 'Marine One',
      notes: 'Helicopter, about 35–40 minutes. Time of day approximate.',
      sources: [S.gyeongju],
    },
  ),
  leg('may-leg-out', M, 'andrews', 'pek', 'flight', '2026-05-12T17:00', NY, '2026-05-13T19:40', CN, 'held', ['trump'], {
    carrier: 'Air Force One',
    notes: 'Departed Tue 12 May; evening arrival Wed 13 May (AP). Hours approximate.',
    sources: [S.mayVisit2],
  }),
  leg(
    'may-leg-home',
    M,
    'pek',
    'andrews',
    'flight',
    '2026-05-15T15:00',
    CN,
    '2026-05-15T17:40',
    NY,
    'held',
    ['trump'],
    {
      carrier: 'Air Force One',
      notes: 'Departure after lunch on Fri 15 May (AP). Hours approximate.',
    },
  ),
  leg('xi-leg-out', X, 'pek', 'iad', 'flight', '2026-09-24T12:30', CN, '2026-09-24T15:10', NY, 'tentative', ['xi'], {
    carrier: 'Air China',
    number: 'CA817',
    notes: 'Scheduled CA817 times (PEK 12:30 → IAD 15:10) as a stand-in for the state flight.',
    sources: [S.iadPek],
  }),
  leg('xi-leg-home', X, 'iad', 'pek', 'flight', '2026-09-26T13:00', NY, '2026-09-27T14:50', CN, 'tentative', ['xi'], {
    carrier: 'Air China',
    number: 'CA818',
    notes: 'Westbound block about 13 h 50 min.',
    sources: [S.iadPek],
  }),
];
