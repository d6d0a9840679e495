// The tenant's stage model, for showing opportunity stages in the user's language.
import type { TenantSettings } from '../../contracts/tenant';
import type { ApiClient } from '../api/api-client';
import type { Language } from '../i18n/language';
import { useSessionValue } from './use-session-value';

const loadStages = async (api: ApiClient) => (await api('getSettings', {})).data.stages;

/** Empty until loaded; the stage key is shown meanwhile. */
export const useStages = (api: ApiClient): TenantSettings['stages'] => useSessionValue(api, 'stages', loadStages) ?? [];

/** A stage's label in the language; a key the model does not hold (not loaded yet, or removed since) as it is. */
export const stageLabelOf =
  (stages: TenantSettings['stages'], language: Language) =>
  (key: string): string =>
    stages.find((s) => s.key === key)?.label[language] ?? key;
