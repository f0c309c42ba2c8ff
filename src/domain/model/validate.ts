/**
 * One way to check a record: the schema's parse, with errors turned into plain sentences that
 * name the record and the field ("Event "Busan meeting": endsAt must be after the start").
 */
import type { z } from 'zod';

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
};

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

function describe(label: string, value: unknown): string {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const name = typeof v.title === 'string' ? v.title : typeof v.name === 'string' ? v.name : undefined;
    if (name) return `${label} "${name.slice(0, 60)}"`;
    if (typeof v.id === 'string') return `${label} ${v.id.slice(0, 60)}`;
  }
  return label;
}

/** Parse `value` with `schema`; on failure, an error whose message names the field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, label: string): Validated<z.output<S>> {
  // reportInput: without it zod 4 leaves `issue.input` unset, and every wrong type would read "is required".
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'is required'
        : issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
          ? `must be ${EXPECTED[issue.expected] ?? issue.expected}`
          : issue.message;
    return `${field} ${message}`;
  });
  const who = describe(label, value);
  return { ok: false, error: new ValidationError(`${who}: ${issues.join('; ')}`, issues) };
}

/** Like `validate`, but throws the `ValidationError`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const result = validate(schema, value, label);
  if (!result.ok) throw result.error;
  return result.value;
}
