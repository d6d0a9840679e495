// Forms load on first use, so the pane's first paint carries only what every user needs.
import { lazy } from 'react';

const loaders = {
  log: () => import('./forms/LogForm'),
  followUp: () => import('./forms/FollowUpForm'),
  opportunity: () => import('./forms/OpportunityForm'),
  editOpportunity: () => import('./forms/OpportunityEditForm'),
  editFollowUp: () => import('./forms/FollowUpEditForm'),
  addContact: () => import('./forms/AddContactForm'),
  addLead: () => import('./forms/AddLeadForm'),
};

export const LogForm = lazy(loaders.log);
export const FollowUpForm = lazy(loaders.followUp);
export const OpportunityForm = lazy(loaders.opportunity);
export const OpportunityEditForm = lazy(loaders.editOpportunity);
export const FollowUpEditForm = lazy(loaders.editFollowUp);
export const AddContactForm = lazy(loaders.addContact);
export const AddLeadForm = lazy(loaders.addLead);

/** Fetches the form chunks once the pane is idle, so opening a form later is instant. */
export function prefetchForms(): void {
  const run = () => Object.values(loaders).forEach((load) => void load().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
