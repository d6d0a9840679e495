// Key figures per employee for managers, refused unless the tenant switched them on: such figures are suited to monitor
// employees' performance, which needs the works council's agreement (BetrVG s.87(1) no.6), so the default is off.
import type { EmployeeInsights } from '@crm/common';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/actor';
import { DomainError } from '../../core/errors';
import { periodWindow, rangeOf } from '../../core/period';
import { getSettings } from '../settings';
import { employeeFigures } from './employee-figures-store';

export const PER_EMPLOYEE_FIGURES_OFF =
  'Per-employee figures are switched off for this tenant: they are suited to monitor employees, so an administrator may ' +
  'switch them on (setting insights.perEmployeeFigures) only under a works council agreement (BetrVG §87(1) Nr. 6). ' +
  'Team figures are at GET /api/insights; each employee sees their own in My CRM.';

/** The role is checked by the catalogue (managers and admins); this checks the tenant's switch. */
export async function employeeInsights(db: Db, actor: Actor, period: string, now = new Date()): Promise<EmployeeInsights> {
  const settings = await getSettings(db, actor.tenantId);
  if (!settings.insights?.perEmployeeFigures)
    throw new DomainError('forbidden', PER_EMPLOYEE_FIGURES_OFF, undefined, { reason: 'per_employee_figures_off', setting: 'insights.perEmployeeFigures' });
  const window = periodWindow(period, now);
  return { range: rangeOf(period, window), currency: settings.defaultCurrency, employees: await employeeFigures(db, actor.tenantId, window) };
}
