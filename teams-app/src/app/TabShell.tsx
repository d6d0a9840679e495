// Wraps a tab in Teams' theme (live) and language and hands it the services; shared by Teams and the standalone pages.
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, languageOf, teamsThemes, useCreateI18n, useHostTheme, type ThemeKind } from '@crm/common/web';
import { ServicesProvider, type TabServices } from './services';
import { tabTexts } from './texts';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

export function TabShell({ services, children }: { services: TabServices; children: ReactNode }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeKind>(services.host.theme);
  useEffect(() => services.host.onThemeChanged(setTheme), [services.host]);
  const shown = useHostTheme(teamsThemes, theme);
  const i18n = useCreateI18n(languageOf(services.host.locale), tabTexts);
  // Until a dark or high-contrast theme has loaded the tab is laid out and fetching, but not shown in light.
  return (
    <FluentProvider
      theme={shown.theme}
      lang={i18n.language}
      data-theme={shown.kind}
      className={styles.root}
      style={shown.ready ? undefined : { visibility: 'hidden' }}
    >
      <I18nProvider i18n={i18n}>
        <ServicesProvider services={services}>{children}</ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
