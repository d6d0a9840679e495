// Teams' dark and high-contrast themes, loaded when Teams reports one (see lazy/office.ts for why the build isolates them).
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-theme';

export const themes = { dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
