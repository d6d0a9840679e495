// Whether the Insights tab offers figures per employee: only to managers and admins, only where the tenant switched them
// on (insights.perEmployeeFigures, which needs a works council agreement).
import { mayAccess } from '@crm/common/web';
import { useServices } from '../services';
import { useLoad } from '../use-load';

/** 'none': not for this user (or not known yet); 'off': a manager whose tenant has them switched off; 'on': offered. */
export type EmployeeAccess = 'none' | 'off' | 'on';

export function useEmployeeAccess(): EmployeeAccess {
  const { api } = useServices();
  const me = useLoad(async (signal) => (await api('me', { signal })).data, 'me');
  const settings = useLoad(async (signal) => (await api('getSettings', { signal })).data, 'settings');
  if (!me.data || !settings.data || !mayAccess(me.data.roles, 'manage')) return 'none';
  return settings.data.insights?.perEmployeeFigures ? 'on' : 'off';
}
