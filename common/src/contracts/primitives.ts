// Building blocks shared by every contract: ids, dates, paging and the problem document.
import { z } from 'zod';

export const Uuid = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

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

export const NonEmptyText = (max: number) => z.string().trim().min(1).max(max);
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CustomFields = z
  .record(z.string().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 custom fields');

/** Query strings arrive as text; a single repeated parameter arrives as an array. */
export const QueryList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
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
