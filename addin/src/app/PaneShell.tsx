// Wraps the pane in the host's theme and language and hands it the services; shared by Outlook and the preview.
import { FluentProvider } from '@fluentui/react-provider';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, languageOf, officeThemes, useCreateI18n, useHostTheme, type ThemeKind } from '@crm/common/web';
import { ServicesProvider, type PaneServices } from './services';
import { addinTexts } from './texts';

export function PaneShell({ services, children }: { services: PaneServices; children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeKind>(services.host.theme);
  useEffect(() => services.host.onThemeChanged(setTheme), [services.host]);
  const shown = useHostTheme(officeThemes, theme);
  const i18n = useCreateI18n(languageOf(services.host.language), addinTexts);
  // Until a dark or high-contrast theme has loaded the pane is laid out and fetching, but not shown in light.
  return (
    <FluentProvider
      theme={shown.theme}
      lang={i18n.language}
      data-theme={shown.kind}
      style={{ minHeight: '100%', visibility: shown.ready ? undefined : 'hidden' }}
    >
      <I18nProvider i18n={i18n}>
        <ServicesProvider services={services}>{children}</ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
