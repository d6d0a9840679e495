// The tenant's stage model, for showing opportunity stages in the user's language.
import type { TenantSettings } from '@crm/common';
import type { ApiClient } from '@crm/common/web';
import { useSessionValue } from './use-session-value';

const loadStages = async (api: ApiClient) => (await api('getSettings', {})).data.stages;

/** Empty until loaded; the stage key is shown meanwhile. */
export const useStages = (): TenantSettings['stages'] => useSessionValue('stages', loadStages) ?? [];
