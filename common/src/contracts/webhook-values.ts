// The events a webhook endpoint can subscribe to, without zod: the contract builds its enum from them, and the Teams
// admin page lists them without bringing zod into its download.
export const WEBHOOK_EVENT_TYPES = [
  'account.created',
  'account.changed',
  'account.deleted',
  'contact.created',
  'contact.changed',
  'contact.deleted',
  'opportunity.created',
  'opportunity.changed',
  'opportunity.deleted',
  'case.created',
  'case.changed',
  'case.deleted',
  'interaction.logged',
  'consent.changed',
  'person.erased',
  'lead.converted',
] as const;
