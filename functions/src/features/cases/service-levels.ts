// Due times from the tenant's service levels: clock hours from when the customer's message came in.
import type { CasePriority, ServiceLevelSettings } from '@crm/common';

const HOUR = 3_600_000;

export function dueTimes(openedAt: Date, priority: CasePriority, levels: ServiceLevelSettings): { firstResponseDue: Date; resolutionDue: Date } {
  const level = levels[priority];
  return {
    firstResponseDue: new Date(openedAt.getTime() + level.firstResponseHours * HOUR),
    resolutionDue: new Date(openedAt.getTime() + level.resolutionHours * HOUR),
  };
}

/** 1 when the first response is overdue, 2 when the resolution is; what a case has reached by `now`. */
export function dueLevel(c: { firstResponseDue: Date; resolutionDue: Date; firstResponseAt: Date | null; closed: boolean }, now: Date): 0 | 1 | 2 {
  if (c.closed) return 0;
  if (c.resolutionDue <= now) return 2;
  if (!c.firstResponseAt && c.firstResponseDue <= now) return 1;
  return 0;
}
