/** A place: a city, airport, station or venue, with its zone and coordinates. */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { idOf, optionalText, stamps, text, timeZoneSchema, title, type Brand } from './fields';
import type { RecordSpec } from './spec';

export type PlaceId = Brand<string, 'PlaceId'>;
export const placeIdSchema = idOf<'PlaceId'>();

export const PLACE_KINDS = ['city', 'airport', 'rail-station', 'venue'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const placeSchema = z.object({
  id: placeIdSchema,
  name: title,
  country: text(80),
  lat: z
    .number({ error: 'must be a number' })
    .min(-90, 'must be between -90 and 90')
    .max(90, 'must be between -90 and 90'),
  lon: z
    .number({ error: 'must be a number' })
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180'),
  timeZone: timeZoneSchema,
  kind: z.enum(PLACE_KINDS, { error: `must be one of ${PLACE_KINDS.join(', ')}` }),
  codes: z.object({ iata: optionalText(8), station: optionalText(16) }).optional(),
  /** The city a venue, airport or station belongs to. */
  cityId: placeIdSchema.optional(),
  ...stamps,
});
export type Place = z.infer<typeof placeSchema>;

export const placeRecord = {
  table: 'places',
  label: 'Place',
  schema: placeSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
