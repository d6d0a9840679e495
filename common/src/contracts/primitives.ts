// Building blocks shared by every contract: ids, dates, paging and the problem document.
import { z } from 'zod';

export const Uuid = z.uuid();
/** The `{id}` of an endpoint's path. */
export const IdParams = z.object({ id: Uuid });

// Unpaired halves of a UTF-16 surrogate pair: JSON.parse keeps "\ud800" as it is, and the database driver would store U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The base of every text input. PostgreSQL refuses NUL in text (SQLSTATE 22021), and a lone surrogate would be stored
 * altered, so both are refused here, before anything is trimmed, with the field named.
 */
export const Text = z
  .string()
  .refine((value) => !value.includes('\u0000'), 'must not contain the NUL character (U+0000)')
  .refine((value) => !LONE_SURROGATE.test(value), 'must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)');

// The range every date the API takes must fall in: PostgreSQL has no year 0000, and a time zone offset must not push an
// instant past 9999, which the API could not write back as four-digit-year ISO text.
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '9999-12-31';
const DATE_RANGE = `must be between ${MIN_DATE} and ${MAX_DATE}`;
const MIN_INSTANT = Date.parse(`${MIN_DATE}T00:00:00Z`);
const MAX_INSTANT = Date.parse(`${MAX_DATE}T23:59:59.999Z`);

export const IsoDateTime = z.iso
  .datetime({ offset: true, abort: true })
  .refine((value) => {
    const instant = Date.parse(value);
    return instant >= MIN_INSTANT && instant <= MAX_INSTANT;
  }, `${DATE_RANGE} (in UTC)`)
  .meta({ description: `ISO 8601 date-time with offset, from ${MIN_DATE} to ${MAX_DATE} in UTC` });
export const IsoDate = z.iso
  .date({ abort: true })
  .refine((value) => value >= MIN_DATE && value <= MAX_DATE, DATE_RANGE)
  .meta({ description: `ISO 8601 date, from ${MIN_DATE} to ${MAX_DATE}` });

/** Email addresses are compared trimmed and lower-cased everywhere. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A bare domain such as "example.de" (no scheme, no @, no path). */
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as example.de');

export const NonEmptyText = (max: number) => Text.trim().min(1).max(max);
export const OptionalText = (max: number) => Text.trim().max(max).nullable().optional();

/** Names that would reach an object's prototype machinery in JavaScript clients: "__proto__" would even vanish in parsing. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const CustomFieldRecord = z
  .record(Text.min(1).max(100), z.union([Text.max(2000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 custom fields');

export const CustomFields = z.preprocess(
  // Typed as the record so that clients keep its input type; at run time the value may be anything and is checked below.
  (value: z.input<typeof CustomFieldRecord>, ctx) => {
    // Before the record is built: a "__proto__" key never becomes a property of its output, so it cannot be checked there.
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (RESERVED_KEYS.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is a reserved name; choose another key', input: key });
      }
    }
    return value;
  },
  CustomFieldRecord,
);

/** Query strings arrive as text; a single repeated parameter arrives as an array. */
export const QueryList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Cursors carry the last row's sort key, e.g. 200 characters of a name, each up to six bytes once JSON-escaped. */
  cursor: Text.max(4000).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), in: z.enum(['body', 'query', 'path', 'header']), reason: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Every stored resource carries its version as a strong ETag for If-Match. */
export const Versioned = z.object({
  id: Uuid,
  etag: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
