// The shared front-end layer of the Outlook add-in and the Teams tabs: API client, sign-in, language, theme, parts.
export * from './api/api-client';
export * from './api/api-error';
export { takingEarlyResponses } from './api/early-responses';
export * from './auth/token-provider';
export * from './auth/naa-token-provider';
export * from './auth/auth-dialog-page';
export * from './i18n/i18n';
export type { MessageKey } from './i18n/messages-en';
export * from './theme/themes';
export * from './theme/use-host-theme';
export * from './components/ErrorNotice';
export * from './components/ConsentBadge';
export * from './components/InteractionList';
export * from './components/FormActions';
export * from './components/PastDueConfirm';
export * from './components/RoleNotice';
export * from './components/DoneNotice';
export * from './hooks/use-submit';
export * from './hooks/use-session-value';
export * from './hooks/use-access';
export * from './hooks/use-opener-focus';
export * from './hooks/use-stages';
export * from './dates';
export * from './page-config';
export * from '../teams-links';
export * from './services';
export * from './components/OptionalSelect';
// The compose consent rule without zod, for the pane and the send check.
export * from '../contracts/compose-rule';
// The values of leads' and cases' fields, the webhook events and the audit's codes without zod, for both front-ends.
export * from '../contracts/lead-values';
export * from '../contracts/case-values';
export * from '../contracts/webhook-values';
export * from '../contracts/audit-values';
export * from './components/LeadScore';
export * from './components/CaseBriefLine';
export * from '../contracts/goal-metric';
// Which roles may do what, without zod: a tab shows who may use it before it calls the API.
export { mayAccess, rolesWith } from '../api/access';
