import { MODE_GROUND_MINUTES, MODE_SPEED_KMH } from '../geo';
import type { EngineSettings } from './types';

/** The engine's defaults: 30 min buffers, local night 22:00–07:00, 10,000 pairs per pair rule. */
export const DEFAULT_SETTINGS: Readonly<Required<EngineSettings>> = Object.freeze({
  bufferMinutes: 30,
  nightStartHour: 22,
  nightEndHour: 7,
  speedsKmh: MODE_SPEED_KMH,
  groundMinutes: MODE_GROUND_MINUTES,
  overlapPairCap: 10_000,
  locationHorizonHours: 48,
});

/** Defaults overlaid with the given settings (undefined fields keep their default). */
export function resolveSettings(settings: Partial<EngineSettings> | undefined): Required<EngineSettings> {
  const out: Required<EngineSettings> = { ...DEFAULT_SETTINGS };
  if (settings) {
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}
