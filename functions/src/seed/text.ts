// Small text and time helpers shared by the generators.
import type { Random } from './random';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Lower-case ASCII for email local parts and domains, with the German spelling of umlauts. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Replaces {key} placeholders; unknown keys are left visible so a missing value is noticed. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));

/** Moves a moment onto a weekday between 7:00 and 18:00 (UTC), where business activity happens, but never after `latest`. */
export function businessHours(random: Random, time: number, latest: number): Date {
  const date = new Date(time);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) date.setUTCDate(date.getUTCDate() - (weekday === 6 ? 1 : 2) - random.int(0, 4));
  date.setUTCHours(random.int(7, 17), random.int(0, 59), random.int(0, 59), 0);
  return date.getTime() <= latest ? date : new Date(latest - random.int(1, 120) * 60_000);
}
