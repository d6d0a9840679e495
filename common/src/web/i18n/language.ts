// The two languages of the front-ends, apart from the texts, so a script without React (a page's early requests) can
// tell which one the page will show.
export type Language = 'de' | 'en';

/** Office and Teams report tags like "de-DE" or "en-GB"; everything not German gets English. */
export const languageOf = (tag: string | undefined | null): Language => (tag?.toLowerCase().startsWith('de') ? 'de' : 'en');
