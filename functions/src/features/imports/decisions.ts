// The decision that will be carried out for each part of a row: the user's choice, else the proposal; and the bulk
// choices of the preview ("skip all errors", "update all exact matches").
import type { ImportAction, ImportChoice, ImportDecision } from '@crm/common';
import { because } from './reasons';

export const ERASED = because('contact.erased');
export const ERASED_REASON = ERASED.reason;

/** record: the revenue period or opportunity of a row of those kinds, which has no account or contact part. */
export type Part = 'account' | 'contact' | 'record';
export const PARTS: readonly Part[] = ['account', 'contact', 'record'];

export type Proposal = Record<'account' | 'contact', ImportDecision | null> & { record?: ImportDecision | null };
export type Choices = Partial<Record<Part, ImportChoice | null>>;

export const effectiveAction = (proposed: ImportDecision | null | undefined, chosen: ImportChoice | null | undefined): ImportAction | null =>
  proposed ? (chosen?.action ?? proposed.action) : null;

/** A part a person must still decide: proposed for review, or an error, with no choice made. */
export const awaitsDecision = (proposed: ImportDecision | null, chosen: ImportChoice | null | undefined): boolean =>
  proposed !== null && !chosen && (proposed.action === 'review' || proposed.action === 'error');

export type BulkAction = 'skipErrors' | 'updateExactMatches' | 'skipExactMatches' | 'skipUndecided';

/** The choice a bulk action makes for one part, or undefined when it leaves the part as it is. */
export function bulkChoice(action: BulkAction, proposed: ImportDecision, chosen: ImportChoice | null | undefined): ImportChoice | undefined {
  const current = chosen?.action ?? proposed.action;
  switch (action) {
    case 'skipErrors':
      return proposed.action === 'error' && !chosen ? { action: 'skip' } : undefined;
    case 'skipUndecided':
      return awaitsDecision(proposed, chosen) ? { action: 'skip' } : undefined;
    case 'skipExactMatches':
      return current === 'update' ? { action: 'skip' } : undefined;
    case 'updateExactMatches': {
      if (chosen) return undefined;
      // Exact: the only candidate with a CRM record scores 1 (the same key), as when a customer number matches but the
      // name was spelled differently; a legal form that differs is never exact.
      const exact = (proposed.candidates ?? []).filter((candidate) => candidate.existingId && candidate.score === 1);
      if (proposed.action === 'review' && exact.length === 1 && !/legal form/i.test(exact[0]!.reason)) {
        return { action: 'update', existingId: exact[0]!.existingId! };
      }
      return undefined;
    }
  }
}
