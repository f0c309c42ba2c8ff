/**
 * The one hook every record's normaliser calls before validation, on whatever the record came
 * from (the editor, a file, a sync). Text cleaning that applies to every record goes here; the
 * schemas' `text()` fields already strip control characters and bidi overrides.
 */
export function cleanRecordText(value: unknown): unknown {
  return value;
}

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
