// The values a service case's fields take, without zod: the contract builds its enums from them, and the front-ends'
// selects list them without bringing zod into their first download.
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_STATUSES = ['open', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
