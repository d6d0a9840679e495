// Language for both front-ends: German or English from the host, texts with {placeholders}, dates and money per locale.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { de } from './messages-de';
import { en, type MessageKey } from './messages-en';
import type { Language } from './language';

export { languageOf, type Language } from './language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  t: Translate;
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
  money(amount: number, currency: string): string;
  /** An amount to the cent, for figures whose inputs are shown (de-DE: 1.234,56 €). */
  exactMoney(amount: number, currency: string): string;
  /** A plain number with at most `digits` decimals (de-DE: 1.234,5). */
  number(value: number, digits?: number): string;
  /** A fraction as a percentage (0.1234 -> 12.3 %; de-DE: 12,3 %). */
  percent(fraction: number, digits?: number): string;
}

/** Extra texts a front-end adds on top of the shared ones, in both languages. */
export type Extra<K extends string> = { en: Record<K, string>; de: Record<K, string> };

// Building an Intl.NumberFormat costs about 35 µs, formatting with one under 1 µs: a card or a table formats dozens of
// amounts per render, so each formatter is made once per locale and options and kept (a few dozen at most).
const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
};

/** A text with its {placeholders} filled in; one left without a value stays as it is written. */
export const fillIn = (template: string, vars?: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars?.[name] ?? `{${name}}`));

export function createI18n<K extends string = never>(
  language: Language,
  extra?: Extra<K>,
): I18n & { t: (key: MessageKey | K, vars?: Record<string, string | number>) => string } {
  const dictionary: Record<string, string> = { ...(language === 'de' ? de : en), ...(extra?.[language] ?? {}) };
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    language,
    t: (key, vars) => fillIn(dictionary[key] ?? key, vars),
    date: (value) => dateFormat.format(typeof value === 'string' ? new Date(value) : value),
    dateTime: (value) => dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value),
    money: (amount, currency) => numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
    exactMoney: (amount, currency) => numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount),
    number: (value, digits = 2) => numberFormat(locale, { maximumFractionDigits: digits }).format(value),
    percent: (fraction, digits = 1) => numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** A front-end's translate function: the shared keys and its own (K), type-checked alike. */
export function useTexts<K extends string>() {
  const i18n = useI18n();
  return { ...i18n, t: i18n.t as (key: MessageKey | K, vars?: Record<string, string | number>) => string };
}

/** Memoised i18n for a language and a front-end's extra texts. */
export const useCreateI18n = <K extends string>(language: Language, extra?: Extra<K>) => useMemo(() => createI18n(language, extra), [language, extra]);
