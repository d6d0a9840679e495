// Forms load on first use, so the pane's first paint carries only what every user needs; so does the account card's
// figures block (issue 15), which the idle prefetch fetches with them.
import { lazy } from 'react';

const loaders = {
  log: () => import('./forms/LogForm'),
  followUp: () => import('./forms/FollowUpForm'),
  opportunity: () => import('./forms/OpportunityForm'),
  complaint: () => import('./forms/ComplaintForm'),
  editOpportunity: () => import('./forms/OpportunityEditForm'),
  editFollowUp: () => import('./forms/FollowUpEditForm'),
  addContact: () => import('./forms/AddContactForm'),
  addLead: () => import('./forms/AddLeadForm'),
  insights: () => import('./AccountInsights'),
};

export const LogForm = lazy(loaders.log);
export const FollowUpForm = lazy(loaders.followUp);
export const OpportunityForm = lazy(loaders.opportunity);
export const ComplaintForm = lazy(loaders.complaint);
export const OpportunityEditForm = lazy(loaders.editOpportunity);
export const FollowUpEditForm = lazy(loaders.editFollowUp);
export const AddContactForm = lazy(loaders.addContact);
export const AddLeadForm = lazy(loaders.addLead);
export const AccountInsights = lazy(loaders.insights);

/** Fetches the form chunks once the pane is idle, so opening a form later is instant. */
export function prefetchForms(): void {
  const run = () => Object.values(loaders).forEach((load) => void load().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
