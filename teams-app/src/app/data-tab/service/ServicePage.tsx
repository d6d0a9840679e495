// The Data tab's "Service levels" page (CRM.Manager and CRM.Admin): the tenant's service levels and business hours
// (administrators change them), the accounts' service contracts and the users' managers. Loaded when opened, with its texts.
import type { Me } from '@crm/common';
import { I18nProvider, useCreateI18n, useI18n } from '@crm/common/web';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { tabTexts } from '../../texts';
import { useLoad } from '../../use-load';
import { ContractsSection } from './ContractsSection';
import { ManagersSection } from './ManagersSection';
import { serviceAdminTexts } from './service-admin-texts';
import { ServiceLevels } from './ServiceLevelsForm';

const dictionary = { en: { ...tabTexts.en, ...serviceAdminTexts.en }, de: { ...tabTexts.de, ...serviceAdminTexts.de } };

export function ServicePage({ me }: { me: Me }) {
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return (
    <I18nProvider i18n={i18n}>
      <ServiceSections me={me} />
    </I18nProvider>
  );
}

function ServiceSections({ me }: { me: Me }) {
  const styles = useTabStyles();
  const { api } = useServices();
  // Both sections need the settings: the form edits them, a contract's priority starts from their hours.
  const settings = useLoad(async (signal) => (await api('getSettings', { signal })).data, 'settings');
  return (
    <div data-testid="service-page" className={styles.stack} data-ready-key={settings.status === 'ready' ? 'service' : undefined}>
      <ServiceLevels me={me} settings={settings} />
      <ContractsSection levels={settings.data?.serviceLevels ?? null} />
      <ManagersSection me={me} />
    </div>
  );
}
