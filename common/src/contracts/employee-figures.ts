// Key figures per employee (issue 15): only for managers, and only where the tenant switched them on
// (insights.perEmployeeFigures, which needs a works council agreement: BetrVG s.87(1) no.6). Everyone else sees team
// figures, and each employee their own in My CRM.
import { z } from 'zod';
import { Uuid } from './primitives';
import { PeriodRange } from './insights';

const Count = z.number().int();

export const EmployeeFigures = z.object({
  userId: Uuid,
  displayName: z.string(),
  /** Accounts the employee owns now. */
  accounts: Count,
  /** Open opportunities the employee owns now, their amount and amount × probability. */
  openOpportunities: Count,
  openAmount: z.number(),
  weightedPipeline: z.number(),
  /** Opportunities of theirs won and lost in the period, and won / (won + lost); null when none closed. */
  won: Count,
  wonAmount: z.number(),
  lost: Count,
  winRate: z.number().nullable(),
});
export type EmployeeFigures = z.infer<typeof EmployeeFigures>;

export const EmployeeInsights = z.object({
  range: PeriodRange,
  currency: z.string(),
  /** The tenant's users who own an account or an opportunity, by name. */
  employees: z.array(EmployeeFigures),
});
export type EmployeeInsights = z.infer<typeof EmployeeInsights>;
