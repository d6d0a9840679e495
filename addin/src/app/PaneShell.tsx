// Wraps the pane in the host's theme and language and hands it the services; shared by Outlook and the preview.
import { FluentProvider } from '@fluentui/react-provider';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, languageOf, officeTheme, useCreateI18n, type ThemeKind } from '@crm/common/web';
import { ServicesProvider, type PaneServices } from './services';
import { addinTexts } from './texts';

export function PaneShell({ services, children }: { services: PaneServices; children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeKind>(services.host.theme);
  useEffect(() => services.host.onThemeChanged(setTheme), [services.host]);
  const i18n = useCreateI18n(languageOf(services.host.language), addinTexts);
  return (
    <FluentProvider theme={officeTheme(theme)} lang={i18n.language} data-theme={theme} style={{ minHeight: '100%' }}>
      <I18nProvider i18n={i18n}>
        <ServicesProvider services={services}>{children}</ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
