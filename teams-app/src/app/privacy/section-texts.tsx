// The privacy tab's texts join the tabs' shared dictionary on its own page only, and a section loaded on demand brings
// its own on top: every other tab downloads the shared dictionary up front.
import { I18nProvider, useCreateI18n, useI18n, type Extra } from '@crm/common/web';
import { useMemo, type ReactNode } from 'react';
import { tabTexts } from '../texts';
import { privacyTexts } from './privacy-texts';

export function PrivacyTexts<K extends string>({ section, children }: { section?: Extra<K>; children: ReactNode }) {
  const dictionary = useMemo(
    () => ({ en: { ...tabTexts.en, ...privacyTexts.en, ...section?.en }, de: { ...tabTexts.de, ...privacyTexts.de, ...section?.de } }),
    [section],
  );
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}
