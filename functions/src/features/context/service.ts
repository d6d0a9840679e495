// The Outlook pane's question "who are these people?", answered for many addresses in one query.
import { normalizeEmail, type ContextResponse, type Person, type RegardingQuery, type RegardingResults } from '@crm/common';
import type { Db } from '../../core/db/db';
import { lookupContext } from './store';
import { searchRegardingRows } from './regarding-store';
import { findLoggedInteractions, interactionsOnlyAboutHidden, logKeyCounts } from '../interactions';
import { openCasesOf } from '../cases';
import { openLeadsByEmail } from '../leads';
import { erasedAddresses, restrictedAmongAddresses, restrictedViewOf, seesRestricted } from '../privacy';
import { internalPeople, isInternal } from '../settings';
import type { Actor } from '../../core/actor';

export interface MessageKeys {
  internetMessageId?: string;
  logKey?: string;
  /** The email's From: its logKey counts only from a colleague. */
  sender?: string;
  conversationId?: string;
}

export async function customerContext(db: Db, actor: Actor, emails: readonly string[], keys: MessageKeys = {}): Promise<ContextResponse> {
  const answer = await visibleContext(db, actor, emails, keys);
  // The complaints left are the ones the actor may see; their open cases go on the banner. Most emails show none, and
  // then no query is made.
  const complaints = answer.accounts.flatMap((a) => a.openComplaints.map((c) => c.id));
  const cases = await openCasesOf(db, actor.tenantId, complaints);
  if (cases.size === 0) return answer;
  return {
    ...answer,
    accounts: answer.accounts.map((a) => ({ ...a, openComplaints: a.openComplaints.map((c) => (cases.has(c.id) ? { ...c, case: cases.get(c.id)! } : c)) })),
  };
}

async function visibleContext(db: Db, actor: Actor, emails: readonly string[], keys: MessageKeys): Promise<ContextResponse> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  // The privacy checks run beside the lookup, so they add no round trip in sequence to the pane's answer.
  const [context, found, erasedList, restricted, internal, view, leads] = await Promise.all([
    lookupContext(db, actor.tenantId, unique),
    keys.internetMessageId || keys.logKey || keys.conversationId ? findLoggedInteractions(db, actor, keys) : Promise.resolve([]),
    erasedAddresses(db, actor.tenantId, unique),
    restrictedAmongAddresses(db, actor.tenantId, unique),
    internalPeople(db, actor.tenantId),
    restrictedViewOf(db, actor),
    openLeadsByEmail(db, actor.tenantId, unique),
  ]);
  const erased = new Set(erasedList);
  // The key is looked up beside the colleagues, not after them; a record it alone found from an outsider's header goes.
  const logged =
    !keys.logKey || logKeyCounts(internal, keys.sender)
      ? found
      : found.filter(
          (i) =>
            (keys.internetMessageId && i.internetMessageId === keys.internetMessageId) || (keys.conversationId && i.conversationId === keys.conversationId),
        );
  const privileged = seesRestricted(actor);
  const people = context.people.map((p): Person => {
    // A colleague is no customer: not offered as a contact, not even of an account that holds the own domain.
    if (p.status === 'unknown' && isInternal(internal, p.email)) return { ...p, suggestedAccount: null, erased: erased.has(p.email), internal: true };
    if (p.status === 'unknown') {
      const lead = leads.get(p.email);
      return { ...p, erased: erased.has(p.email), ...(lead ? { lead } : {}) };
    }
    if (!restricted.has(p.email)) return p;
    return privileged ? { ...p, restricted: true } : { email: p.email, status: 'restricted', restricted: true };
  });
  if (view.hidden.length === 0) return { ...context, people, logged };
  // A restricted person must not show through their company either: accounts only they lead to, their follow-ups and
  // the interactions only about them go, also when someone else's email brings up their account.
  const visibleAccounts = new Set(people.flatMap((p) => (p.status === 'known' && p.accountId ? [p.accountId] : [])));
  const accounts = restricted.size === 0 ? context.accounts : context.accounts.filter((a) => visibleAccounts.has(a.account.id));
  const shown = accounts.flatMap((a) => [...a.recentInteractions, ...a.upcoming, ...a.openComplaints].map((i) => i.id));
  const hiddenInteractions = await interactionsOnlyAboutHidden(db, actor.tenantId, shown, view.hidden);
  return {
    people,
    accounts: accounts.map((a) => ({
      ...a,
      openTasks: a.openTasks.filter((t) => !view.hidesTask(t)),
      recentInteractions: a.recentInteractions.filter((i) => !hiddenInteractions.has(i.id)),
      upcoming: a.upcoming.filter((i) => !hiddenInteractions.has(i.id)),
      openComplaints: a.openComplaints.filter((i) => !hiddenInteractions.has(i.id)),
    })),
    logged: logged.filter((i) => !view.hidesInteraction(i)).map(view.withoutHidden),
  };
}

/**
 * What the pane can log an email regarding, over all of the tenant's records. A complaint only about restricted people
 * (Art. 18) stays out for whoever may not see them, as it does everywhere else.
 */
export async function regardingSearch(db: Db, actor: Actor, query: RegardingQuery): Promise<RegardingResults> {
  const [items, view] = await Promise.all([searchRegardingRows(db, actor.tenantId, query.q, query.limit), restrictedViewOf(db, actor)]);
  const complaints = items.filter((i) => i.kind === 'complaint').map((i) => i.id);
  const hidden = view.hidden.length > 0 ? await interactionsOnlyAboutHidden(db, actor.tenantId, complaints, view.hidden) : new Set<string>();
  return { items: items.filter((i) => !hidden.has(i.id)) };
}
