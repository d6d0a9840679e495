// The signed-in user's CRM id (to tell "logged by me" from "logged by a colleague").
import { useMe } from '@crm/common/web';
import { useServices } from './services';

export const useMyUserId = (enabled: boolean): string | null => useMe(useServices().api, enabled)?.id ?? null;
