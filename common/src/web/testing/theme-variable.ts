// The value a FluentProvider gives one of the theme's CSS variables, read from the style rule it writes for its own
// class: what the components under it are painted with, not just the mode the shell says it is in.
export function themeVariable(provider: Element, token: string): string | undefined {
  const own = [...provider.classList].find((name) => /^fui-FluentProvider.+/.test(name));
  if (!own) return undefined;
  const rules = [...document.querySelectorAll('style')].flatMap((style) => {
    const sheet = style.sheet;
    const cssRules = sheet ? [...sheet.cssRules].map((rule) => rule.cssText) : [];
    return [...cssRules, style.textContent ?? ''];
  });
  const declarations = rules.map((css) => css.match(new RegExp(`\\.${own}\\s*\\{([^}]*)\\}`))?.[1]).find((found) => found !== undefined);
  return declarations?.match(new RegExp(`--${token}:\\s*([^;]+)`))?.[1]?.trim();
}
