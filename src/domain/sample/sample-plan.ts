/**
 * The sample plan shown on first run: US–China summitry, September 2025 → December 2026.
 * Dates, places, zones and sources come from shared/FACTS.md; statuses follow the sources' own
 * words. Where a time was not reported, the item says so in its notes ("time approximate").
 * The September 2025 draft of the state visit is a planning draft built around what the
 * 17 Sep 2025 report described (Beijing, an optional rail leg to Shanghai, then Korea for APEC);
 * the report gave no dates.
 */
import type {
  EventKind,
  Leg,
  LegMode,
  Participant,
  Place,
  PlaceKind,
  Plan,
  PlanEvent,
  PlanWindow,
  Scenario,
  Source,
  Status,
  Visit,
  WindowKind,
} from '../model';
import { localDaysToInstants, localToInstant } from '../time';

/** Instant the sample plan was written; items carry it as their last edit. */
export const SAMPLE_UPDATED_AT = '2026-11-01T00:00:00.000Z';
export const SAMPLE_PLAN_NAME = 'US–China summitry 2025–26';

const src = (title: string, url: string, date?: string): Source => (date ? { title, url, date } : { title, url });

const S = {
  reportAz: src(
    "Report.az (citing SCMP): China's leader may visit US in 2026",
    'https://static.report.az/en/other-countries/china-s-leader-may-visit-us-in-2026',
    '2025-09-17',
  ),
  tass: src('TASS: trip expected around APEC; 500 aircraft', 'https://tass.com/world/2017869', '2025-09-17'),
  madrid1: src(
    'Yeshiva World: U.S., China hold trade talks in Madrid',
    'https://www.theyeshivaworld.com/news/liveblogs/live-blog/2449708/u-s-china-hold-trade-talks-in-madrid-amid-tiktok-deadline.html',
    '2025-09-14',
  ),
  madrid2: src(
    'The Olive Press: Spain hosts crunch trade talks',
    'https://www.theolivepress.es/spain-news/2025/09/16/spain-boosts-international-profile-by-hosting-crunch-trade-talks-between-china-and-us-in-madrid/',
    '2025-09-16',
  ),
  tiktokDeadline: src(
    'OANN: Trump to meet Xi; TikTok deal',
    'https://www.oann.com/newsroom/trump-to-meet-in-person-with-president-xi-jinping-discuss-tiktok-deal/',
  ),
  call1: src(
    'Hindustan Times: Trump and Xi hold key phone call',
    'https://www.hindustantimes.com/world-news/donald-trump-xi-jinping-hold-key-phone-call-discuss-tiktok-trade-and-tariffs-report-101758286094766.html',
    '2025-09-19',
  ),
  call2: src(
    'CNA: Trump, Xi phone call on TikTok',
    'https://www.channelnewsasia.com/world/us-president-trump-chinese-president-xi-jinping-tiktok-5357431',
    '2025-09-19',
  ),
  kl: src(
    'Anews: China, US hold trade talks for 2nd day in Malaysia',
    'https://www.anews.com.tr/world/2025/10/26/china-us-hold-trade-talks-for-2nd-day-in-malaysia',
    '2025-10-26',
  ),
  apecWeek: src(
    "KBS World: APEC Economic Leaders' Week",
    'https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=196934',
  ),
  apecMeeting: src("Korea Herald: APEC leaders' meeting, Gyeongju", 'https://www.koreaherald.com/article/10532287'),
  busan: src(
    'Korea JoongAng Daily: Trump, Xi part ways after 100-minute summit in Busan',
    'https://koreajoongangdaily.joins.com/news/2025-10-30/national/diplomacy/Trump-Xi-part-ways-after-100minute-summit-in-Busan/2432720',
    '2025-10-30',
  ),
  gyeongju: src(
    'Korea JoongAng Daily: Trump departs Gyeongju in Marine One for Busan',
    'https://koreajoongangdaily.joins.com/news/2025-10-30/national/diplomacy/Trump-departs-Gyeongju-in-Marine-One-to-attend-USChina-summit-in-Busan/2432499',
    '2025-10-30',
  ),
  call2025Nov: src(
    'Menafn: Trump announces Beijing visit in April after call with Xi',
    'https://menafn.com/1110391369/Trump-Announces-Beijing-Visit-In-April-Following-Phone-Call-With-Xi-Jinping-Invites-Chinese-Leader-To-US-State-Visit',
    '2025-11-24',
  ),
  twoSessions: src(
    "People's Daily: Two Sessions dates",
    'http://en.people.cn/n3/2025/1227/c90000-20407530.html',
    '2025-12-27',
  ),
  firstSet: src(
    'TAG24: Trump announces trip to China',
    'https://www.tag24.com/topic/world/china/trump-announces-major-trip-to-china-amid-tariff-policy-upheaval-3472634',
    '2026-02-20',
  ),
  postponed: src(
    'Pano News: Trump delays China visit amid Iran war',
    'https://pano.news/news/world/2026/03/18/trump-delays-china-visit-amid-iran-war',
    '2026-03-18',
  ),
  mayVisit1: src(
    'La Presse: Trump says meeting with Xi will be a monumental event',
    'https://www.lapresse.us/world/2026/03/25/us-china-trump-says-meeting-with-xi-will-be-a-monumental-event',
    '2026-03-25',
  ),
  mayVisit2: src(
    'Manila Bulletin (AP): Trump set to meet Xi in Beijing',
    'https://mb.com.ph/2026/05/13/trump-set-to-meet-with-xi-in-beijing-as-war-and-inflation-weigh-on-his-presidency',
    '2026-05-13',
  ),
  xiVisit: src(
    'Anews: Xi invited by Trump for autumn trip to US, says envoy',
    'https://www.anews.com.tr/world/2026/01/28/chinas-xi-invited-by-trump-for-autumn-trip-to-us-says-envoy',
    '2026-01-28',
  ),
  g7: src(
    'Hindustan Times: next G7 at Évian',
    'https://www.hindustantimes.com/world-news/us-news/next-g7-leaders-summit-to-take-place-at-evian-in-french-alps-macron-says-101750195598280.html',
  ),
  worldCup: src(
    'Soccer24: FIFA World Cup 2026 schedule',
    'https://www.soccer24.co.zw/2024/02/05/fifa-announces-official-schedule-for-2026-world-cup/',
  ),
  holidaysUs: src('Mohave County: observed holidays', 'https://www.mohave.gov/common-links/observed-holidays'),
  nato: src('Interfax-Ukraine: NATO summit 2026 in Ankara', 'https://en.interfax.com.ua/news/general/1097530.html'),
  unga: src('Digital Watch: UNGA 81 general debate', 'https://dig.watch/?p=243211'),
  holidaysCn: src(
    'State Council holiday notice 2026 (gmw.cn)',
    'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
    '2025-11-04',
  ),
  apec2026: src(
    "People's Daily: APEC 2026 in Shenzhen, 18–19 Nov",
    'http://en.people.cn/n3/2025/1213/c90000-20401994.html',
    '2025-12-13',
  ),
  g20: src(
    'CBS Miami: G20 summit 2026 at Doral',
    'https://www.cbsnews.com/miami/news/trump-g20-summit-2026-doral-resort-florida/',
  ),
  bessentFour: src('TASS: Bessent on four Trump–Xi meetings in 2026', 'https://tass.com/world/2069535'),
  hsr: src(
    'gov.cn: Fuxing trains at 350 km/h on Beijing–Shanghai line',
    'http://english.www.gov.cn/news/top_news/2017/09/21/content_281475874794796.htm',
    '2017-09-21',
  ),
  iadPek: src(
    "People's Daily: Air China Beijing–Washington (CA817/818)",
    'http://en.people.cn/n3/2025/0314/c90000-20289304.html',
    '2025-03-14',
  ),
  pvgPus: src('Airport Overview: PUS–PVG route', 'https://www.airportoverview.com/routes/PUS/PVG'),
};

function place(
  id: string,
  name: string,
  country: string,
  lat: number,
  lon: number,
  timeZone: string,
  kind: PlaceKind,
  extra: Partial<Pick<Place, 'codes' | 'cityId'>> = {},
): Place {
  return { id, name, country, lat, lon, timeZone, kind, ...extra, updatedAt: SAMPLE_UPDATED_AT } as Place;
}

const places: Place[] = [
  place('madrid', 'Madrid', 'Spain', 40.4168, -3.7038, 'Europe/Madrid', 'city'),
  place('madrid-santa-cruz', 'Palacio de Santa Cruz', 'Spain', 40.4147, -3.7059, 'Europe/Madrid', 'venue', {
    cityId: 'madrid' as Place['id'],
  }),
  place('washington', 'Washington, DC', 'United States', 38.9072, -77.0369, 'America/New_York', 'city'),
  place('white-house', 'The White House', 'United States', 38.8977, -77.0365, 'America/New_York', 'venue', {
    cityId: 'washington' as Place['id'],
  }),
  place('andrews', 'Joint Base Andrews', 'United States', 38.8108, -76.867, 'America/New_York', 'airport', {
    codes: { iata: 'ADW' },
    cityId: 'washington' as Place['id'],
  }),
  place('iad', 'Washington Dulles', 'United States', 38.95, -77.46, 'America/New_York', 'airport', {
    codes: { iata: 'IAD' },
    cityId: 'washington' as Place['id'],
  }),
  place('beijing', 'Beijing', 'China', 39.9042, 116.4074, 'Asia/Shanghai', 'city'),
  place('pek', 'Beijing Capital International Airport', 'China', 40.08, 116.6, 'Asia/Shanghai', 'airport', {
    codes: { iata: 'PEK' },
    cityId: 'beijing' as Place['id'],
  }),
  place('beijing-south', 'Beijing South', 'China', 39.8652, 116.3785, 'Asia/Shanghai', 'rail-station', {
    codes: { station: 'VNP' },
    cityId: 'beijing' as Place['id'],
  }),
  place('great-hall', 'Great Hall of the People', 'China', 39.903, 116.388, 'Asia/Shanghai', 'venue', {
    cityId: 'beijing' as Place['id'],
  }),
  place('shanghai', 'Shanghai', 'China', 31.2304, 121.4737, 'Asia/Shanghai', 'city'),
  place('shanghai-hongqiao', 'Shanghai Hongqiao', 'China', 31.194, 121.32, 'Asia/Shanghai', 'rail-station', {
    codes: { station: 'AOH' },
    cityId: 'shanghai' as Place['id'],
  }),
  place('gyeongju', 'Gyeongju', 'South Korea', 35.8562, 129.2247, 'Asia/Seoul', 'city'),
  place('hico', 'Hwabaek International Convention Center (HICO)', 'South Korea', 35.84, 129.28, 'Asia/Seoul', 'venue', {
    cityId: 'gyeongju' as Place['id'],
  }),
  place('busan', 'Busan', 'South Korea', 35.1796, 129.0756, 'Asia/Seoul', 'city'),
  place(
    'pus',
    'Gimhae International Airport / Gimhae Air Base',
    'South Korea',
    35.1795,
    128.9382,
    'Asia/Seoul',
    'airport',
    { codes: { iata: 'PUS' }, cityId: 'busan' as Place['id'] },
  ),
  place('seoul', 'Seoul', 'South Korea', 37.5665, 126.978, 'Asia/Seoul', 'city'),
  place('kuala-lumpur', 'Kuala Lumpur', 'Malaysia', 3.139, 101.687, 'Asia/Kuala_Lumpur', 'city'),
  place('new-york', 'New York (UN Headquarters)', 'United States', 40.749, -73.968, 'America/New_York', 'venue'),
  place('doral', 'Trump National Doral, Miami', 'United States', 25.8081, -80.3533, 'America/New_York', 'venue'),
  place('shenzhen', 'Shenzhen', 'China', 22.5431, 114.0579, 'Asia/Shanghai', 'city'),
  place('evian', 'Évian-les-Bains', 'France', 46.4, 6.59, 'Europe/Paris', 'city'),
  place('ankara', 'Ankara (Beştepe Presidential Complex)', 'Türkiye', 39.93, 32.86, 'Europe/Istanbul', 'venue'),
];

function participant(
  id: string,
  name: string,
  role: string,
  country: string,
  color: string,
  timeZone: string,
): Participant {
  return { id, name, role, country, color, timeZone, updatedAt: SAMPLE_UPDATED_AT } as Participant;
}

const participants: Participant[] = [
  participant(
    'trump',
    'Donald J. Trump',
    'President of the United States',
    'United States',
    '#1f4e9c',
    'America/New_York',
  ),
  participant('xi', 'Xi Jinping', "President of the People's Republic of China", 'China', '#b3261e', 'Asia/Shanghai'),
  participant(
    'us-delegation',
    'US trade delegation (Bessent, Greer)',
    'Treasury Secretary; US Trade Representative',
    'United States',
    '#4b7bd6',
    'America/New_York',
  ),
  participant(
    'cn-delegation',
    'Chinese trade delegation (He Lifeng, Li Chenggang)',
    'Vice Premier; trade negotiator',
    'China',
    '#c26a1b',
    'Asia/Shanghai',
  ),
  participant('lee', 'Lee Jae-myung', 'President of the Republic of Korea', 'South Korea', '#2e7d4f', 'Asia/Seoul'),
];

interface ItemExtra {
  placeId?: string;
  visitId?: string;
  optional?: boolean;
  notes?: string;
  sources?: Source[];
  topics?: string[];
  windowId?: string;
  windowMarginDays?: number;
}

function timed(
  id: string,
  title: string,
  kind: EventKind,
  status: Status,
  startLocal: string,
  endLocal: string,
  timeZone: string,
  participantIds: string[],
  extra: ItemExtra = {},
): PlanEvent {
  return {
    id,
    title,
    kind,
    status,
    allDay: false,
    startsAt: localToInstant(startLocal, timeZone),
    endsAt: localToInstant(endLocal, timeZone),
    timeZone,
    participantIds,
    optional: extra.optional ?? false,
    sources: extra.sources ?? [],
    topics: extra.topics ?? [],
    ...pick(extra),
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanEvent;
}

function allDay(
  id: string,
  title: string,
  kind: EventKind,
  status: Status,
  startDate: string,
  endDate: string,
  timeZone: string,
  participantIds: string[],
  extra: ItemExtra = {},
): PlanEvent {
  return {
    id,
    title,
    kind,
    status,
    allDay: true,
    startDate,
    endDate,
    ...localDaysToInstants(startDate, endDate, timeZone),
    timeZone,
    participantIds,
    optional: extra.optional ?? false,
    sources: extra.sources ?? [],
    topics: extra.topics ?? [],
    ...pick(extra),
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanEvent;
}

function pick(extra: ItemExtra) {
  const out: Record<string, unknown> = {};
  for (const key of ['placeId', 'visitId', 'notes', 'windowId', 'windowMarginDays'] as const) {
    if (extra[key] !== undefined) out[key] = extra[key];
  }
  return out;
}

function leg(
  id: string,
  visitId: string | undefined,
  fromPlaceId: string,
  toPlaceId: string,
  mode: LegMode,
  departLocal: string,
  departZone: string,
  arriveLocal: string,
  arriveZone: string,
  status: Status,
  participantIds: string[],
  extra: { carrier?: string; number?: string; optional?: boolean; notes?: string; sources?: Source[] } = {},
): Leg {
  return {
    id,
    ...(visitId ? { visitId } : {}),
    fromPlaceId,
    toPlaceId,
    mode,
    departsAt: localToInstant(departLocal, departZone),
    arrivesAt: localToInstant(arriveLocal, arriveZone),
    ...(extra.carrier ? { carrier: extra.carrier } : {}),
    ...(extra.number ? { number: extra.number } : {}),
    participantIds,
    status,
    optional: extra.optional ?? false,
    ...(extra.notes ? { notes: extra.notes } : {}),
    sources: extra.sources ?? [],
    updatedAt: SAMPLE_UPDATED_AT,
  } as Leg;
}

function planWindow(
  id: string,
  title: string,
  kind: WindowKind,
  status: Status,
  startDate: string,
  endDate: string,
  timeZone: string,
  participantIds: string[],
  extra: { placeId?: string; notes?: string; sources?: Source[] } = {},
): PlanWindow {
  return {
    id,
    title,
    kind,
    status,
    startDate,
    endDate,
    timeZone,
    ...localDaysToInstants(startDate, endDate, timeZone),
    participantIds,
    ...(extra.placeId ? { placeId: extra.placeId } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
    sources: extra.sources ?? [],
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanWindow;
}

const NY = 'America/New_York';
const CN = 'Asia/Shanghai';
const KR = 'Asia/Seoul';

const windows: PlanWindow[] = [
  planWindow(
    'apec-2025-week',
    "APEC 2025 Economic Leaders' Week",
    'window',
    'held',
    '2025-10-27',
    '2025-11-01',
    KR,
    [],
    {
      placeId: 'gyeongju',
      notes:
        'CSOM 27–28 Oct, AMM 29–30 Oct, CEO Summit 28–31 Oct, leaders 31 Oct–1 Nov. The state visit was to be scheduled around it.',
      sources: [S.apecWeek, S.tass],
    },
  ),
  planWindow(
    'xi-us-visit-window',
    'Xi return visit: "likely August or September" (Perdue)',
    'window',
    'tentative',
    '2026-08-01',
    '2026-09-30',
    NY,
    ['xi', 'trump'],
    {
      placeId: 'washington',
      sources: [S.xiVisit],
    },
  ),
  planWindow(
    'spring-festival-2026',
    'Spring Festival holiday (China)',
    'blackout',
    'confirmed',
    '2026-02-15',
    '2026-02-23',
    CN,
    ['xi', 'cn-delegation'],
    { sources: [S.holidaysCn] },
  ),
  planWindow(
    'two-sessions-2026',
    'Two Sessions: CPPCC 4–11 Mar, NPC 5–12 Mar',
    'blackout',
    'held',
    '2026-03-04',
    '2026-03-12',
    CN,
    ['xi', 'cn-delegation'],
    {
      placeId: 'great-hall',
      sources: [S.twoSessions],
    },
  ),
  planWindow(
    'labour-day-2026',
    'Labour Day holiday (China)',
    'blackout',
    'confirmed',
    '2026-05-01',
    '2026-05-05',
    CN,
    ['xi', 'cn-delegation'],
    { sources: [S.holidaysCn] },
  ),
  planWindow(
    'world-cup-2026',
    'FIFA World Cup 2026 (US, Canada, Mexico)',
    'window',
    'confirmed',
    '2026-06-11',
    '2026-07-19',
    NY,
    [],
    { sources: [S.worldCup] },
  ),
  planWindow(
    'us-250th',
    'US 250th anniversary: Independence Day (observed Fri 3 Jul)',
    'blackout',
    'confirmed',
    '2026-07-03',
    '2026-07-04',
    NY,
    ['trump'],
    { sources: [S.holidaysUs] },
  ),
  planWindow(
    'mid-autumn-2026',
    'Mid-Autumn Festival holiday (China)',
    'blackout',
    'confirmed',
    '2026-09-25',
    '2026-09-27',
    CN,
    ['xi', 'cn-delegation'],
    { sources: [S.holidaysCn] },
  ),
  planWindow(
    'golden-week-2026',
    'National Day Golden Week (China)',
    'blackout',
    'confirmed',
    '2026-10-01',
    '2026-10-07',
    CN,
    ['xi', 'cn-delegation'],
    {
      notes: 'Make-up workdays Sun 20 Sep and Sat 10 Oct.',
      sources: [S.holidaysCn],
    },
  ),
  planWindow(
    'us-midterms-2026',
    'US midterm elections',
    'blackout',
    'confirmed',
    '2026-11-03',
    '2026-11-03',
    NY,
    ['trump'],
    { notes: 'Fixed by statute.' },
  ),
  planWindow(
    'thanksgiving-2026',
    'Thanksgiving (US federal holiday)',
    'blackout',
    'confirmed',
    '2026-11-26',
    '2026-11-26',
    NY,
    ['trump'],
    { sources: [S.holidaysUs] },
  ),
];

const visits: Visit[] = [
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

const D = 'draft-state-visit-2025';
const K = 'trump-korea-2025';
const M = 'trump-china-2026';
const X = 'xi-us-2026';

const events: PlanEvent[] = [
  allDay(
    'state-visit-invitation',
    'China sends formal state-visit invitation to President Trump',
    'note',
    'held',
    '2025-09-01',
    '2025-09-07',
    CN,
    ['xi', 'trump'],
    {
      notes: 'Sent in the first week of September 2025 (exact day not reported).',
      sources: [S.reportAz],
    },
  ),
  allDay(
    'madrid-talks-2025',
    'Fourth round of US–China economic and trade talks, Madrid',
    'talks',
    'held',
    '2025-09-14',
    '2025-09-15',
    'Europe/Madrid',
    ['us-delegation', 'cn-delegation'],
    {
      placeId: 'madrid-santa-cruz',
      notes: 'Framework deal on TikTok; critical minerals and fentanyl also discussed.',
      sources: [S.madrid1, S.madrid2, S.reportAz],
      topics: ['TikTok', 'critical minerals', 'fentanyl'],
    },
  ),
  allDay(
    'tiktok-deadline-2025',
    'TikTok divestiture deadline (later extended to 16 Dec 2025)',
    'note',
    'held',
    '2025-09-17',
    '2025-09-17',
    NY,
    [],
    {
      sources: [S.tiktokDeadline],
      topics: ['TikTok'],
    },
  ),
  timed(
    'trump-xi-call-2025-09-19',
    'Trump–Xi phone call',
    'call',
    'held',
    '2025-09-19T08:00',
    '2025-09-19T09:00',
    NY,
    ['trump', 'xi'],
    {
      notes:
        'Started about 08:00 EDT (20:00 in Beijing). End time not reported: one hour assumed. Agreed to meet at APEC.',
      sources: [S.call1, S.call2],
      topics: ['TikTok', 'trade', 'fentanyl'],
    },
  ),
  allDay(
    'kl-talks-2025',
    'Fifth round of trade talks, Kuala Lumpur (Merdeka 118)',
    'talks',
    'held',
    '2025-10-25',
    '2025-10-26',
    'Asia/Kuala_Lumpur',
    ['us-delegation', 'cn-delegation'],
    {
      placeId: 'kuala-lumpur',
      sources: [S.kl],
      topics: ['trade truce', 'soybeans', 'rare earths'],
    },
  ),
  // The September 2025 draft of the state visit.
  timed(
    'draft-welcome-talks',
    'Welcome ceremony and talks, Great Hall of the People',
    'talks',
    'proposed',
    '2025-10-27T10:00',
    '2025-10-27T12:30',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'great-hall',
      visitId: D,
      topics: ['Boeing', 'purchases of US goods'],
      sources: [S.reportAz],
    },
  ),
  timed(
    'draft-state-banquet',
    'State banquet',
    'ceremony',
    'proposed',
    '2025-10-27T19:00',
    '2025-10-27T21:00',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'great-hall',
      visitId: D,
    },
  ),
  timed(
    'draft-shanghai-programme',
    'Shanghai programme (with the rail leg)',
    'meeting',
    'proposed',
    '2025-10-28T15:00',
    '2025-10-28T16:30',
    CN,
    ['trump'],
    {
      placeId: 'shanghai',
      visitId: D,
      optional: true,
      notes: 'Only if the high-speed-rail leg is taken.',
      sources: [S.reportAz],
    },
  ),
  // What happened around APEC.
  allDay(
    'trump-gyeongju-2025-10-29',
    'Lee–Trump summit and APEC CEO Summit keynote, Gyeongju',
    'meeting',
    'held',
    '2025-10-29',
    '2025-10-29',
    KR,
    ['trump', 'lee'],
    {
      placeId: 'gyeongju',
      visitId: K,
      sources: [S.gyeongju],
    },
  ),
  timed(
    'busan-summit-2025',
    'Trump–Xi summit, Busan',
    'summit',
    'held',
    '2025-10-30T11:00',
    '2025-10-30T12:40',
    KR,
    ['trump', 'xi'],
    {
      placeId: 'pus',
      visitId: K,
      windowId: 'apec-2025-week',
      windowMarginDays: 0,
      notes:
        'About 100 minutes in the "Naraemaru" protocol hall at Gimhae Air Base. One-year trade truce; Trump said he would visit China in April.',
      sources: [S.busan],
      topics: ['trade truce', 'soybeans', 'fentanyl', 'rare earths'],
    },
  ),
  allDay(
    'apec-leaders-2025',
    "32nd APEC Economic Leaders' Meeting, Gyeongju",
    'summit',
    'held',
    '2025-10-31',
    '2025-11-01',
    KR,
    ['xi', 'lee'],
    {
      placeId: 'hico',
      windowId: 'apec-2025-week',
      windowMarginDays: 0,
      sources: [S.apecMeeting],
    },
  ),
  timed(
    'trump-xi-call-2025-11-24',
    'Trump–Xi phone call: April visit accepted, Xi invited to the US',
    'call',
    'held',
    '2025-11-24T09:00',
    '2025-11-24T10:00',
    NY,
    ['trump', 'xi'],
    {
      notes: 'Reported as "morning" ET; 09:00–10:00 EST is a placeholder. That is 22:00 in Beijing.',
      sources: [S.call2025Nov],
    },
  ),
  // 2026.
  allDay(
    'trump-china-2026-first-dates',
    'Trump visit to Beijing (as first set)',
    'visit-day',
    'postponed',
    '2026-03-31',
    '2026-04-02',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'beijing',
      visitId: 'trump-china-2026-first',
      sources: [S.firstSet, S.postponed],
    },
  ),
  timed(
    'may-arrival',
    'Arrival ceremony, Beijing Capital airport',
    'ceremony',
    'held',
    '2026-05-13T20:00',
    '2026-05-13T20:30',
    CN,
    ['trump'],
    {
      placeId: 'pek',
      visitId: M,
      notes: 'Evening arrival; no public events (AP). Time approximate.',
      sources: [S.mayVisit2],
    },
  ),
  timed(
    'may-talks',
    'Welcome ceremony and bilateral talks, Great Hall of the People',
    'talks',
    'held',
    '2026-05-14T10:00',
    '2026-05-14T12:30',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'great-hall',
      visitId: M,
      notes: 'Time approximate.',
      sources: [S.mayVisit2],
      topics: ['Boeing', 'trade'],
    },
  ),
  timed(
    'may-temple',
    'Temple of Heaven',
    'visit-day',
    'held',
    '2026-05-14T15:00',
    '2026-05-14T16:30',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'beijing',
      visitId: M,
      notes: 'Time approximate.',
    },
  ),
  timed(
    'may-banquet',
    'State banquet',
    'ceremony',
    'held',
    '2026-05-14T19:00',
    '2026-05-14T21:00',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'great-hall',
      visitId: M,
      notes: 'Time approximate.',
    },
  ),
  timed(
    'may-tea-lunch',
    'Working tea and lunch',
    'meeting',
    'held',
    '2026-05-15T10:00',
    '2026-05-15T13:00',
    CN,
    ['trump', 'xi'],
    {
      placeId: 'beijing',
      visitId: M,
      notes: 'Time approximate. Zhongnanhai is named as the venue only by an AI-written site.',
    },
  ),
  allDay(
    'g7-2026',
    'G7 Summit, Évian-les-Bains',
    'summit',
    'confirmed',
    '2026-06-14',
    '2026-06-16',
    'Europe/Paris',
    ['trump'],
    {
      placeId: 'evian',
      sources: [S.g7],
    },
  ),
  allDay(
    'nato-2026',
    'NATO Summit, Ankara',
    'summit',
    'confirmed',
    '2026-07-07',
    '2026-07-08',
    'Europe/Istanbul',
    ['trump'],
    {
      placeId: 'ankara',
      sources: [S.nato],
    },
  ),
  allDay(
    'unga-2026',
    'UNGA 81 general debate, New York',
    'summit',
    'confirmed',
    '2026-09-22',
    '2026-09-28',
    NY,
    ['trump'],
    {
      placeId: 'new-york',
      notes: 'General debate 22–26 Sep and 28 Sep; the session opens 8 Sep.',
      sources: [S.unga],
    },
  ),
  timed(
    'xi-visit-talks',
    'White House welcome and talks',
    'talks',
    'tentative',
    '2026-09-25T10:00',
    '2026-09-25T13:00',
    NY,
    ['xi', 'trump'],
    {
      placeId: 'white-house',
      visitId: X,
      windowId: 'xi-us-visit-window',
      windowMarginDays: 0,
      notes: 'Date of low confidence (24 Sep arrival reported only by AI-written sites).',
      sources: [S.xiVisit],
    },
  ),
  timed(
    'xi-visit-dinner',
    'State dinner',
    'ceremony',
    'tentative',
    '2026-09-25T19:00',
    '2026-09-25T21:30',
    NY,
    ['xi', 'trump'],
    {
      placeId: 'white-house',
      visitId: X,
    },
  ),
  allDay(
    'us-midterms-2026-day',
    'US midterm elections',
    'holiday',
    'confirmed',
    '2026-11-03',
    '2026-11-03',
    NY,
    [],
    {},
  ),
  allDay(
    'apec-shenzhen-2026',
    "33rd APEC Economic Leaders' Meeting, Shenzhen",
    'summit',
    'confirmed',
    '2026-11-18',
    '2026-11-19',
    CN,
    ['xi', 'trump'],
    {
      placeId: 'shenzhen',
      notes:
        'Dates official (MFA, 12 Dec 2025); venue reported as Xiangmihu (single source). Bessent counts it among four possible Trump–Xi meetings in 2026.',
      sources: [S.apec2026, S.bessentFour],
    },
  ),
  allDay(
    'g20-doral-2026',
    "G20 Leaders' Summit, Doral",
    'summit',
    'confirmed',
    '2026-12-14',
    '2026-12-15',
    NY,
    ['trump', 'xi'],
    {
      placeId: 'doral',
      notes: 'US presidency; Trump National Doral Miami, 4400 NW 87th Ave.',
      sources: [S.g20, S.bessentFour],
    },
  ),
];

const legs: Leg[] = [
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

/** The Xi visit's items at other dates: outbound leg, talks, dinner, homebound leg (local times as in the plan). */
function xiVisitAt(arrival: string, talksDay: string, departure: string, landing: string): Scenario['overrides'] {
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
const scenarios: Scenario[] = [
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

/** A fresh copy of the sample plan. */
export function buildSamplePlan(): Plan {
  return structuredClone({ places, participants, events, visits, legs, windows, scenarios });
}
