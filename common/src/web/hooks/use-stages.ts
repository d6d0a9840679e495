// The tenant's stage model, for showing opportunity stages in the user's language.
import type { TenantSettings } from '../../contracts/tenant';
import type { ApiClient } from '../api/api-client';
import { useSessionValue } from './use-session-value';

const loadStages = async (api: ApiClient) => (await api('getSettings', {})).data.stages;

/** Empty until loaded; the stage key is shown meanwhile. */
export const useStages = (api: ApiClient): TenantSettings['stages'] => useSessionValue(api, 'stages', loadStages) ?? [];
