// Lead use cases: capture, qualify, hand over and convert. Conversion creates or links the account and contact with
// the import's name rules and is idempotent: every record it makes has an id derived from the lead's.
import { AccountCreate, ContactCreate, LeadScoringSettings, OpportunityCreate } from '@crm/common';
import type { Lead, LeadConversion, LeadConvertRequest, LeadCreate, LeadListQuery, LeadPatch } from '@crm/common';
import type { Actor } from '../../core/actor';
import { lastChange } from '../../core/audit/audit-store';
import { nameBasedId } from '../../core/name-based-id';
import { periodWindow, rangeOf } from '../../core/period';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { str, type Row } from '../../core/db/rows';
import { conflict, invalid, notFound, staleVersion } from '../../core/errors';
import { auditChange, createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { accountById, createAccount } from '../accounts';
import { notifyHandover } from '../automation';
import { createContact } from '../contacts';
import { carryLeadHistory, leadEngagement, leadTimeline, linkLoggedToLead } from '../interactions';
import { compareCompanies, parseCompanyName } from '../imports';
import { createOpportunity } from '../opportunities';
import { getSettings } from '../settings';
import { erasedAddresses, restrictedAmong } from '../privacy';
import {
  accountByDomain,
  accountsStartingWith,
  contactByEmail,
  getLeadRow,
  insertLead,
  leadFigures,
  listLeadRows,
  lockLead,
  markConverted,
  openLeadRowsByEmail,
  toLead,
  updateLead,
} from './store';

const scoringOf = async (db: Queryable, tenantId: string): Promise<LeadScoringSettings> =>
  (await getSettings(db, tenantId)).leads ?? LeadScoringSettings.parse({});

/** Leads as the API answers them: scored with the tenant's weights and what was logged for each. */
async function leadsOf(db: Queryable, tenantId: string, rows: readonly Row[], scoring: LeadScoringSettings): Promise<Lead[]> {
  const logged = await leadEngagement(
    db,
    tenantId,
    rows.map((row) => str(row, 'id')),
  );
  return rows.map((row) => toLead(row, scoring, logged.get(str(row, 'id'))));
}

const leadOf = async (db: Queryable, tenantId: string, row: Row, scoring: LeadScoringSettings): Promise<Lead> =>
  (await leadsOf(db, tenantId, [row], scoring))[0]!;

/** A person erased at their request does not come back as a lead either (Art. 17); the problem names the field, not the address. */
async function refuseErased(db: Queryable, tenantId: string, email: string | null | undefined): Promise<void> {
  if (email && (await erasedAddresses(db, tenantId, [email])).length > 0) {
    throw conflict('this address belongs to a person whose data was erased at their request (GDPR Art. 17), so it may not be stored again', 'email', {
      reason: 'erased',
    });
  }
}

export async function createLead(db: Db, actor: Actor, input: LeadCreate): Promise<Created<Lead>> {
  const scoring = await scoringOf(db, actor.tenantId);
  await refuseErased(db, actor.tenantId, input.email);
  return createRecord(db, actor, 'lead', async (tx) => {
    const { id, created } = await insertLead(tx, actor.tenantId, actor.userId, {
      ...input,
      ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
    });
    if (created) await linkLoggedToLead(tx, actor.tenantId, { id, email: input.email ?? null });
    return { value: await leadOf(tx, actor.tenantId, (await getLeadRow(tx, actor.tenantId, id))!, scoring), created };
  });
}

export async function readLead(db: Db, actor: Actor, id: string): Promise<Lead> {
  const [row, scoring] = await Promise.all([getLeadRow(db, actor.tenantId, id), scoringOf(db, actor.tenantId)]);
  return readRecord('lead', async () => (row ? leadOf(db, actor.tenantId, row, scoring) : null));
}

/** The lead's interactions so far; a lead the actor cannot read is a 404 before any of them is. */
export async function leadHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }) {
  const lead = await readLead(db, actor, id);
  return { lead, page: await leadTimeline(db, actor, id, page) };
}

export async function searchLeads(db: Db, actor: Actor, query: LeadListQuery) {
  const ownerId = query.ownerId === 'me' ? actor.userId : query.ownerId;
  const [page, scoring] = await Promise.all([listLeadRows(db, actor.tenantId, { ...query, ownerId }), scoringOf(db, actor.tenantId)]);
  return { items: await leadsOf(db, actor.tenantId, page.rows, scoring), nextCursor: page.nextCursor };
}

/** The open lead of each of these (normalized) addresses, by address; addresses without one are absent. */
export async function openLeadsByEmail(db: Db, tenantId: string, emails: readonly string[]): Promise<Map<string, Lead>> {
  if (emails.length === 0) return new Map();
  const [rows, scoring] = await Promise.all([openLeadRowsByEmail(db, tenantId, emails), scoringOf(db, tenantId)]);
  const leads = await leadsOf(db, tenantId, rows, scoring);
  return new Map(leads.map((lead) => [lead.email!, lead]));
}

/** A converted lead is history: its account and contact carry on. A new owner is the handover, in the audit log. */
export async function changeLead(db: Db, actor: Actor, id: string, expectedVersion: number, patch: LeadPatch): Promise<Lead> {
  const scoring = await scoringOf(db, actor.tenantId);
  await refuseErased(db, actor.tenantId, patch.email);
  const row = await updateRecord(db, actor, 'lead', id, async (tx) => {
    const current = await getLeadRow(tx, actor.tenantId, id);
    if (current?.status === 'converted') throw conflict('this lead was converted and can no longer be changed', undefined, { reason: 'converted' });
    const outcome = await updateLead(tx, actor.tenantId, id, expectedVersion, patch.status && patch.status !== 'disqualified' ? { ...patch, disqualifyReason: null } : patch);
    if (outcome.status === 'ok' && patch.email) await linkLoggedToLead(tx, actor.tenantId, { id, email: patch.email });
    if (outcome.status === 'ok' && patch.ownerId && patch.ownerId !== current?.owner_id) {
      const lead = toLead(outcome.value, scoring);
      const who = [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || lead.company;
      await notifyHandover(tx, actor, {
        entity: 'lead',
        entityId: id,
        version: Number(outcome.value.version),
        assigneeId: patch.ownerId,
        title: `Übergabe / Handover: Lead ${who}${lead.company && lead.company !== who ? ` (${lead.company})` : ''}`,
      });
    }
    return outcome;
  });
  return leadOf(db, actor.tenantId, row, scoring);
}

export const removeLead = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'lead', 'leads', id, expectedVersion);

/** The id a conversion gives what it creates for this lead: the same on every retry, so nothing is created twice. */
export const derivedId = (leadId: string, what: 'account' | 'contact' | 'opportunity'): string => nameBasedId(`${leadId}:${what}`);

/** "Ärzte" and "Aerzte" start with different letters but are one name to the folding rules. */
const UMLAUT_TWIN: Record<string, string[]> = { ä: ['a'], ö: ['o'], ü: ['u'], a: ['ä'], o: ['ö'], u: ['ü'] };

async function accountFor(db: Db, actor: Actor, lead: Lead, request: LeadConvertRequest): Promise<{ id: string; created: boolean }> {
  if (request.accountId) {
    if (!(await accountById(db, actor.tenantId, request.accountId))) throw invalid('accountId', 'does not exist in this tenant');
    return { id: request.accountId, created: false };
  }
  const domain = lead.email?.split('@')[1];
  const byDomain = domain ? await accountByDomain(db, actor.tenantId, domain) : null;
  if (byDomain) return { id: byDomain, created: false };
  if (!lead.company) throw invalid('accountId', 'the lead names no company and its address matches no account: choose the account');
  const name = parseCompanyName(lead.company);
  const first = name.base.trim().charAt(0);
  const letters = [first, ...(UMLAUT_TWIN[first.toLowerCase()] ?? [])];
  const candidates = (await accountsStartingWith(db, actor.tenantId, letters)).map((a) => ({ ...a, match: compareCompanies(name, parseCompanyName(a.name)) }));
  const same = candidates.find((c) => c.match.kind === 'same');
  if (same) return { id: same.id, created: false };
  const near = candidates.filter((c) => c.match.kind === 'similar' || c.match.kind === 'legal_form_differs');
  if (near.length > 0 && !request.createAccount) {
    // Like the import: names that differ only in legal form, or look alike, are for a person to decide.
    throw conflict('accounts with a similar name exist: link one with accountId, or convert with createAccount: true', 'accountId', {
      reason: 'similar_accounts',
      candidates: near.map((c) => ({ id: c.id, name: c.name, reason: 'reason' in c.match ? c.match.reason : '' })),
    });
  }
  const made = await createAccount(
    db,
    actor,
    AccountCreate.parse({ id: derivedId(lead.id, 'account'), name: lead.company, industry: lead.industry, ownerId: lead.ownerId }),
  );
  return { id: made.value.id, created: made.created };
}

async function contactFor(db: Db, actor: Actor, lead: Lead, accountId: string): Promise<{ id: string | null; created: boolean }> {
  const existing = lead.email ? await contactByEmail(db, actor.tenantId, lead.email) : null;
  // A restricted person (Art. 18) is read-only: no conversion links new business to them.
  if (existing && (await restrictedAmong(db, actor.tenantId, [existing])).size > 0) {
    throw conflict('the lead is a contact whose processing is restricted (GDPR Art. 18)', 'email', { reason: 'restricted' });
  }
  if (existing) return { id: existing, created: false };
  if (!lead.lastName && !lead.email) return { id: null, created: false };
  const made = await createContact(
    db,
    actor,
    ContactCreate.parse({
      id: derivedId(lead.id, 'contact'),
      firstName: lead.firstName,
      lastName: lead.lastName ?? lead.email!.split('@')[0]!,
      emails: lead.email ? [lead.email] : [],
      phones: lead.phone ? [{ number: lead.phone }] : [],
      accountId,
      ownerId: lead.ownerId,
    }),
  );
  return { id: made.value.id, created: made.created };
}

export async function convertLead(db: Db, actor: Actor, id: string, expectedVersion: number, request: LeadConvertRequest): Promise<LeadConversion> {
  const [row, lead] = await Promise.all([getLeadRow(db, actor.tenantId, id), readLead(db, actor, id)]);
  const done = (stored: Lead, accountCreated = false, contactCreated = false): LeadConversion => ({
    lead: stored,
    accountId: stored.accountId!,
    accountCreated,
    contactId: stored.contactId,
    contactCreated,
    opportunityId: stored.opportunityId,
  });
  // A retry after the conversion went through answers what it did, whatever version it names.
  if (lead.status === 'converted') return done(lead);
  if (lead.status === 'disqualified')
    throw conflict('a disqualified lead is not converted; set it back to qualified first', 'status', { reason: 'disqualified' });
  if (Number(row!.version) !== expectedVersion) throw staleVersion('lead', await lastChange(db, actor.tenantId, 'lead', id));
  const account = await accountFor(db, actor, lead, request);
  const contact = await contactFor(db, actor, lead, account.id);
  const opportunity = request.opportunity
    ? await createOpportunity(
        db,
        actor,
        OpportunityCreate.parse({
          id: derivedId(lead.id, 'opportunity'),
          accountId: account.id,
          name: request.opportunity.name,
          amount: request.opportunity.amount,
          stage: request.opportunity.stage,
          contactIds: contact.id ? [contact.id] : [],
        }),
      )
    : null;
  await inTransaction(db, async (tx) => {
    const locked = await lockLead(tx, actor.tenantId, id);
    if (!locked) throw notFound('lead');
    if (locked.status === 'converted') return;
    await markConverted(tx, actor.tenantId, id, { accountId: account.id, contactId: contact.id, opportunityId: opportunity?.value.id ?? null });
    await carryLeadHistory(tx, actor.tenantId, id, { accountId: account.id, contactId: contact.id });
    await auditChange(tx, actor, 'convert', 'lead', id, ['status', 'accountId', 'contactId', 'opportunityId']);
  });
  return done(await readLead(db, actor, id), account.created, contact.created);
}

/** Conversion rate = converted / (converted + disqualified): leads still open are not yet a yes or a no. */
export async function leadSummary(db: Db, actor: Actor, period: string | undefined, now = new Date()) {
  const range = period === undefined ? null : rangeOf(period, periodWindow(period, now));
  const span = range && { from: new Date(`${range.from}T00:00:00Z`), to: new Date(`${range.to}T00:00:00Z`) };
  const { groups, conversions, medianDays } = await leadFigures(db, actor.tenantId, span);
  const sum = (pick: (g: (typeof groups)[number]) => boolean) => groups.filter(pick).reduce((n, g) => n + g.count, 0);
  const converted = sum((g) => g.status === 'converted');
  const decided = converted + sum((g) => g.status === 'disqualified');
  const tally = (key: 'source' | 'status') =>
    [...new Set(groups.map((g) => g[key]))].map((value) => ({
      [key]: value,
      count: sum((g) => g[key] === value),
      converted: sum((g) => g[key] === value && g.status === 'converted'),
    }));
  return {
    range,
    total: sum(() => true),
    bySource: tally('source') as Array<{ source: string; count: number; converted: number }>,
    byStatus: tally('status').map(({ status, count }) => ({ status: status as string, count })),
    conversionRate: decided === 0 ? null : Math.round((converted / decided) * 1000) / 1000,
    conversions,
    medianDaysToConversion: medianDays === null ? null : Math.round(Number(medianDays) * 10) / 10,
  };
}
