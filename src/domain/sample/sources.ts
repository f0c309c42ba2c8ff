/** The sample plan's sources (shared/FACTS.md), by short name. */
import type { Source } from '../model';

export const src = (title: string, url: string, date?: string): Source =>
  date ? { title, url, date } : { title, url };

export const S = {
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
