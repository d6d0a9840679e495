// Due times from the tenant's service levels: hours from when the customer's message came in, on the clock or, when
// the tenant set business hours, only within them.
import type { CasePriority, ServiceLevelSettings } from '@crm/common';
import { addBusinessHours } from './business-hours';

const HOUR = 3_600_000;

export function dueTimes(openedAt: Date, priority: CasePriority, levels: ServiceLevelSettings): { firstResponseDue: Date; resolutionDue: Date } {
  const level = levels[priority];
  const after = (hours: number) =>
    levels.businessHours ? addBusinessHours(openedAt, hours, levels.businessHours) : new Date(openedAt.getTime() + hours * HOUR);
  return { firstResponseDue: after(level.firstResponseHours), resolutionDue: after(level.resolutionHours) };
}

/** 1 when the first response is overdue, 2 when the resolution is; what a case has reached by `now`. */
export function dueLevel(c: { firstResponseDue: Date; resolutionDue: Date; firstResponseAt: Date | null; closed: boolean }, now: Date): 0 | 1 | 2 {
  if (c.closed) return 0;
  if (c.resolutionDue <= now) return 2;
  if (!c.firstResponseAt && c.firstResponseDue <= now) return 1;
  return 0;
}
