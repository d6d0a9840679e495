// WCAG contrast of an element's text in a real browser, for the tabs' dark and high contrast tests.
import type { Locator } from 'playwright-core';

// A string, not a function: a function compiled by esbuild may call its helpers (__name), which the page does not have.
const CONTRAST = `(el) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = el;
  while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)' || getComputedStyle(bg).backgroundColor === 'transparent')) bg = bg.parentElement;
  const fore = lum(rgb(getComputedStyle(el).color));
  const back = lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'));
  return (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
}`;

/** The element's text against the first opaque background behind it, as WCAG computes contrast (1 to 21). */
export const textContrast = async (locator: Locator): Promise<number> =>
  (await locator.evaluate(new Function(`return ${CONTRAST}`)() as (el: Element) => number)) as number;
