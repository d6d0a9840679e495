// Outlook's dark and high-contrast themes, loaded when Office reports one. The build gives the modules under theme/lazy/
// their own copy of Fluent's theme code (isolatedImports in common/build), else esbuild would put these themes into the
// first download beside the light one.
import { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-theme';

export const themes = { dark: webDarkTheme, contrast: teamsHighContrastTheme };
