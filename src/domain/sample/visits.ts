/** The sample plan's visits, and the short names of their ids used by events and legs. */
import type { Visit } from '../model';
import { SAMPLE_UPDATED_AT } from './builders';
import { S } from './sources';

export const visits: Visit[] = [
  {
    id: 'draft-state-visit-2025',
    title: 'Trump state visit to China — draft as reported 17 Sep 2025',
    guestId: 'trump',
    hostCountry: 'China',
    participantIds: ['trump', 'xi'],
    status: 'proposed',
    windowId: 'apec-2025-week',
    windowMarginDays: 3,
    notes:
      'Formal invitation sent in the first week of September. Beijing, then a high-speed-rail ride to a second city, "most likely Shanghai", then on to Korea for APEC. Deliverables: purchases of US goods; Boeing "very likely" (US pressing for 500 aircraft). Dates here are a planning draft; the report gave none. The FT (14 Sep) said the White House had not yet answered the invitation.',
    sources: [S.reportAz, S.tass],
    topics: ['Boeing', 'purchases of US goods', 'TikTok'],
    updatedAt: SAMPLE_UPDATED_AT,
  },
  {
    id: 'trump-korea-2025',
    title: 'Trump in Korea for APEC 2025',
    guestId: 'trump',
    hostCountry: 'South Korea',
    participantIds: ['trump', 'lee', 'xi'],
    status: 'held',
    windowId: 'apec-2025-week',
    windowMarginDays: 0,
    sources: [S.gyeongju, S.busan],
    topics: ['trade truce', 'soybeans', 'fentanyl'],
    updatedAt: SAMPLE_UPDATED_AT,
  },
  {
    id: 'trump-china-2026-first',
    title: 'Trump visit to China — as first set',
    guestId: 'trump',
    hostCountry: 'China',
    participantIds: ['trump', 'xi'],
    status: 'postponed',
    notes:
      'Set for 31 Mar–2 Apr by the White House on 20 Feb 2026; postponed after Trump asked on 16–17 Mar for a delay of "5–6 weeks" (Iran war).',
    sources: [S.firstSet, S.postponed],
    topics: [],
    updatedAt: SAMPLE_UPDATED_AT,
  },
  {
    id: 'trump-china-2026',
    title: 'Trump state visit to Beijing, May 2026',
    guestId: 'trump',
    hostCountry: 'China',
    participantIds: ['trump', 'xi'],
    status: 'held',
    notes:
      'AP day by day: Tue 12 May departed Joint Base Andrews; Wed 13 May evening arrival; Thu 14 May talks, Temple of Heaven, state banquet; Fri 15 May tea, lunch, departure. No Shanghai leg or rail ride was reported. Hours are approximate where AP gave only the part of the day.',
    sources: [S.mayVisit1, S.mayVisit2],
    topics: ['Boeing', 'trade'],
    updatedAt: SAMPLE_UPDATED_AT,
  },
  {
    id: 'xi-us-2026',
    title: 'Xi state visit to the United States',
    guestId: 'xi',
    hostCountry: 'United States',
    participantIds: ['xi', 'trump'],
    status: 'tentative',
    windowId: 'xi-us-visit-window',
    windowMarginDays: 0,
    notes:
      'Invited on the 24 Nov 2025 call for "later in the year"; Perdue (27 Jan): "likely August or September". The date 24 Sep 2026 appears only on AI-written sites (low confidence); it overlaps the UNGA general debate and China\'s Mid-Autumn holiday.',
    sources: [S.xiVisit, S.mayVisit1],
    topics: ['trade'],
    updatedAt: SAMPLE_UPDATED_AT,
  },
] as Visit[];

export const D = 'draft-state-visit-2025';
export const K = 'trump-korea-2025';
export const M = 'trump-china-2026';
export const X = 'xi-us-2026';
