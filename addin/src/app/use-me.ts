// The signed-in user's CRM id (to tell "logged by me" from "logged by a colleague").
import type { ApiClient } from '@crm/common/web';
import { useSessionValue } from './use-session-value';

const loadMe = async (api: ApiClient) => (await api('me', {})).data.id;

export const useMyUserId = (enabled: boolean): string | null => useSessionValue('me', loadMe, enabled);
