/** The sample plan's places and participants. */
import type { Participant, Place } from '../model';
import { place, participant } from './builders';

export const places: Place[] = [
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

export const participants: Participant[] = [
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
