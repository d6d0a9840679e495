// The values a lead's fields take, without zod: the contract builds its enums from them, and the front-ends' selects
// list them without bringing zod into their first download.
export const LEAD_SOURCES = ['email', 'web_form', 'event', 'import', 'manual'] as const;
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;
export const LEAD_BUDGETS = ['unknown', 'none', 'planned', 'approved'] as const;
export const LEAD_TIMINGS = ['unknown', 'later', 'within_12_months', 'within_3_months'] as const;
export const LEAD_ENGAGEMENTS = ['none', 'replied', 'meeting_held'] as const;
