// Fluent UI themes for the host's light, dark and high-contrast modes (Outlook uses the web family, Teams its own). The
// light theme of each family comes with the first download; dark and high contrast load when the host reports them
// (theme/lazy/, see use-host-theme.ts), so a light host never downloads them.
import { teamsLightTheme, webLightTheme, type Theme } from '@fluentui/react-theme';

export type ThemeKind = 'light' | 'dark' | 'contrast';

/** A host's themes: the light one at hand, the others loaded on demand. */
export interface ThemeFamily {
  light: Theme;
  load(kind: Exclude<ThemeKind, 'light'>): Promise<Theme>;
}

// One object per family, so that a page bundles only its own family's light theme and loads only its own others.
export const officeThemes: ThemeFamily = {
  light: webLightTheme,
  load: async (kind) => (await import('./lazy/office')).themes[kind],
};

export const teamsThemes: ThemeFamily = {
  light: teamsLightTheme,
  load: async (kind) => (await import('./lazy/teams')).themes[kind],
};

/** Office reports colours, not a mode: a dark body background means a dark theme. */
export function themeKindOfBackground(color: string | undefined): ThemeKind {
  const hex = color?.match(/^#?([0-9a-f]{6})$/i)?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  return luminance < 0.4 ? 'dark' : 'light';
}
