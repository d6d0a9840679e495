// The signed-in user's CRM id (to tell "logged by me" from "logged by a colleague").
import { useSessionValue, type ApiClient } from '@crm/common/web';
import { useServices } from './services';

const loadMe = async (api: ApiClient) => (await api('me', {})).data.id;

export const useMyUserId = (enabled: boolean): string | null => useSessionValue(useServices().api, 'me', loadMe, enabled);
