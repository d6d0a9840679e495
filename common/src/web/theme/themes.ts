// Fluent UI themes for the host's light, dark and high-contrast modes (Outlook uses the web family, Teams its own).
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-theme';

export type ThemeKind = 'light' | 'dark' | 'contrast';

// One function per family, so that a page bundles only its own family's themes (each is about 15 KB of tokens).
export function officeTheme(kind: ThemeKind): Theme {
  if (kind === 'contrast') return teamsHighContrastTheme;
  return kind === 'dark' ? webDarkTheme : webLightTheme;
}

export function teamsTheme(kind: ThemeKind): Theme {
  if (kind === 'contrast') return teamsHighContrastTheme;
  return kind === 'dark' ? teamsDarkTheme : teamsLightTheme;
}

/** Office reports colours, not a mode: a dark body background means a dark theme. */
export function themeKindOfBackground(color: string | undefined): ThemeKind {
  const hex = color?.match(/^#?([0-9a-f]{6})$/i)?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  return luminance < 0.4 ? 'dark' : 'light';
}
