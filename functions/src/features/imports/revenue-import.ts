// The revenue kind of the import pipeline: a list of revenue per account and period (for the ABC analysis and the
// lifetime value of issue 15). Its rows find their account by the same rules as an account list (customer number, else
// the name with legal form, umlauts and spelling folded) but never create one; each row writes one account_revenue
// period with source 'import', set-wise per batch, and the undo puts back what the period held before.
import type { ImportDecision, ImportOutcomePart, ImportRowOutcome } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db, Queryable } from '../../core/db/db';
import { parseCompanyName } from './company-names';
import type { Choices, Proposal } from './decisions';
import { decideRows, numberKey, type Decision, type MappedRow } from './match-rules';
import { because, whyOf, type Why } from './reasons';
import type { StoredValues } from './record-plan';
import { decideRevenueRows, readFigures, sameAmount, type AccountFound, type RevenueRowPlan } from './revenue-rows';
import { deleteRevenue, lockPeriods, restoreRevenue, revenueUndoState, storedPeriods, upsertRevenue, type RevenueWrite } from './revenue-store';
import { accountCandidates, recordChanges, refreshAccountKeys, type ChangeRow, type ImportRowRecord, type StoredRow } from './store';
import { detectNumberStyle } from './values';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
const styleOf = (rows: readonly MappedRow[], field: 'revenue.amount' | 'revenue.cost') =>
  ((style) => (style === 'mixed' ? null : style))(detectNumberStyle(rows.map((row) => row.values[field] ?? null)));

/** The plan a revenue row stores: `account.name` as the other kinds have it (the report names the company by it). */
export interface RevenuePlan {
  account: { name: string };
  contact: null;
  consent: null;
  revenue: RevenueRowPlan | null;
}

/** The reason codes of a row whose account is not found exactly, per kind of list. */
const ACCOUNT_CODES = {
  revenue: { none: 'revenue.noAccountKey', unknown: 'revenue.accountUnknown', unclear: 'revenue.accountUnclear' },
  opportunity: { none: 'opportunity.noAccountKey', unknown: 'opportunity.accountUnknown', unclear: 'opportunity.accountUnclear' },
} as const;

/**
 * The account each row means: an exact match (customer number, or name and legal form) of the account rules, followed
 * through the rows of the same company above it; anything else (no match, several, only similar names) is an error
 * naming the key, as a revenue or opportunity row never creates an account and a guess would put figures or deals on
 * the wrong customer.
 */
function accountsOf(
  rows: readonly MappedRow[],
  decisions: readonly (Decision | null)[],
  names: ReadonlyMap<string, string>,
  codes: (typeof ACCOUNT_CODES)[keyof typeof ACCOUNT_CODES],
): AccountFound[] {
  const byRow = new Map<number, AccountFound>();
  return rows.map(({ row, values }, i) => {
    const key = text(values['account.customerNumber']) || text(values['account.name']);
    const decision = decisions[i];
    const field = text(values['account.customerNumber']) ? 'account.customerNumber' : 'account.name';
    let found: AccountFound;
    if (!decision || decision.action === 'skip') found = { ok: false, field: 'account.name', why: because(codes.none) };
    else if (decision.action === 'update') found = { ok: true, id: decision.existingId, name: names.get(decision.existingId) ?? key };
    else if (decision.action === 'merge') found = byRow.get(decision.intoRow) ?? { ok: false, field, why: because(codes.unknown, { key }) };
    else if (decision.action === 'create') found = { ok: false, field, why: because(codes.unknown, { key }) };
    else if (decision.action === 'review') {
      const detail = decision.reasonCode
        ? { reason: decision.reason, reasonCode: decision.reasonCode, reasonParams: decision.reasonParams ?? {} }
        : decision.reason;
      found = { ok: false, field, why: because(codes.unclear, { key, detail }) };
    } else found = { ok: false, field: decision.field ?? field, why: whyOf(decision) };
    byRow.set(row, found);
    return found;
  });
}

/**
 * The CRM account of every row by its keys alone (customer number, name with legal form): the account columns of the
 * list are not read otherwise, so a revenue column is not taken for the account's annual revenue.
 */
export async function accountsByKey(db: Db, tenantId: string, mapped: readonly MappedRow[], kind: keyof typeof ACCOUNT_CODES): Promise<AccountFound[]> {
  const keys: MappedRow[] = mapped.map(({ row, values }) => ({
    row,
    values: {
      'account.name': values['account.name'],
      'account.customerNumber': values['account.customerNumber'],
      'account.legalForm': values['account.legalForm'],
    },
  }));
  await db.transaction((tx) => refreshAccountKeys(tx, tenantId));
  const accounts = await accountCandidates(db, tenantId, {
    numbers: [...new Set(keys.flatMap(({ values }) => (text(values['account.customerNumber']) ? [numberKey(text(values['account.customerNumber']))] : [])))],
    names: [...new Set(keys.flatMap(({ values }) => (text(values['account.name']) ? [parseCompanyName(text(values['account.name'])).key] : [])))].filter(
      Boolean,
    ),
    domains: [],
  });
  const decided = decideRows(keys, { accounts, contacts: [] });
  return accountsOf(
    keys,
    decided.map((decision) => decision.account),
    new Map(accounts.map((account) => [account.id, account.name])),
    ACCOUNT_CODES[kind],
  );
}

export async function analyseRevenue(db: Db, tenantId: string, mapped: readonly MappedRow[], tenantCurrency: string): Promise<StoredRow[]> {
  const found = await accountsByKey(db, tenantId, mapped, 'revenue');
  const styles = { amount: styleOf(mapped, 'revenue.amount'), cost: styleOf(mapped, 'revenue.cost') };
  const stored = await storedPeriods(db, tenantId, [...new Set(found.flatMap((account) => (account.ok ? [account.id] : [])))]);
  const decisions = decideRevenueRows(
    mapped.map(({ row, values }, i) => ({ row, accounts: found[i]!, figures: readFigures(values as StoredValues, styles, tenantCurrency) })),
    stored,
  );
  return mapped.map(({ row, values }, i): StoredRow => {
    const blank = Object.values(values).every((value) => text(value) === '');
    const decision: ImportDecision = blank ? { action: 'skip', ...because('row.empty') } : decisions[i]!.decision;
    const account = found[i]!;
    const plan: RevenuePlan = {
      account: { name: account.ok ? account.name : text(values['account.name']) || text(values['account.customerNumber']) },
      contact: null,
      consent: null,
      revenue: blank ? null : decisions[i]!.plan,
    };
    return {
      row,
      values,
      proposal: { account: null, contact: null, record: decision },
      plan: plan as unknown as Record<string, unknown>,
      accountAction: null,
      contactAction: null,
      recordAction: decision.action,
    };
  });
}

type Stated = Why;
const outcome = (action: ImportOutcomePart['action'], id: string | null, why: Stated): ImportRowOutcome => ({
  account: null,
  contact: null,
  consent: null,
  record: { action, id, ...whyOf(why) },
});

/**
 * One batch of a revenue list in the caller's transaction: the periods it writes are read and locked, written in one
 * statement, and their ledger lines (what each period held before, and what this import wrote) go in one statement.
 */
export async function commitRevenueBatch(tx: Queryable, actor: Actor, importId: string, rows: readonly ImportRowRecord[]) {
  const results = new Map<number, { outcome: ImportRowOutcome; accountId: string | null }>();
  const writes: RevenueWrite[] = [];
  for (const row of rows) {
    const proposed = (row.proposal as unknown as Proposal).record;
    const chosen = (row.choice as Choices).record;
    const plan = (row.plan as unknown as RevenuePlan).revenue;
    const action = chosen?.action ?? proposed?.action;
    if (!proposed || !plan || (action !== 'create' && action !== 'update')) {
      const why: Stated = chosen || !proposed ? because(chosen ? 'decision.chosen' : 'row.empty') : (proposed as Stated);
      results.set(row.row_number, { outcome: outcome('skipped', null, why), accountId: null });
      continue;
    }
    writes.push({ row: row.row_number, ...plan });
  }
  const current = await lockPeriods(tx, actor.tenantId, writes);
  const keyOf = (w: RevenueWrite) => `${w.accountId}\u0000${w.periodKind}\u0000${w.periodStart}`;
  const changed = writes.filter((w) => {
    const now = current.get(keyOf(w));
    const same = now && sameAmount(now.revenue, w.revenue) && (w.cost === null || sameAmount(now.cost, w.cost));
    if (same) results.set(w.row, { outcome: outcome('unchanged', now.id, because('outcome.revenueUnchanged')), accountId: w.accountId });
    return !same;
  });
  const written = await upsertRevenue(tx, actor.tenantId, importId, changed);
  const changes: ChangeRow[] = [];
  for (const w of changed) {
    const id = written.get(w.row);
    if (!id) {
      results.set(w.row, { outcome: outcome('failed', null, because('outcome.revenueAccountGone')), accountId: null });
      continue;
    }
    const prior = current.get(keyOf(w));
    const wrote = { revenue: w.revenue, cost: w.cost ?? prior?.cost ?? null };
    changes.push({
      entity: 'revenue',
      entity_id: id,
      change: prior ? 'updated' : 'created',
      before: { prior: prior ? { revenue: prior.revenue, cost: prior.cost, source: prior.source, import_id: prior.import_id } : null, wrote },
      version_after: null,
      row_number: w.row,
    });
    results.set(w.row, {
      outcome: outcome(prior ? 'updated' : 'created', id, because(prior ? 'outcome.revenueUpdated' : 'outcome.revenueCreated')),
      accountId: w.accountId,
    });
  }
  await recordChanges(tx, actor.tenantId, importId, changes);
  return rows.map((row) => {
    const result = results.get(row.row_number)!;
    return { row: row.row_number, outcome: result.outcome as unknown as Record<string, unknown>, accountId: result.accountId, contactId: null };
  });
}

/**
 * The undo of the periods an import wrote: a period it added is deleted, one it replaced gets its figures back; a period
 * written since (by another import) or deleted since is left alone and named. Answers how many it put back.
 */
export async function undoRevenue(
  tx: Queryable,
  tenantId: string,
  importId: string,
  leave: (entity: 'revenue', id: string, row: number, why: Why) => void,
): Promise<number> {
  const state = await revenueUndoState(tx, tenantId, importId);
  const deletions: string[] = [];
  const restores: Parameters<typeof restoreRevenue>[2][number][] = [];
  for (const period of state) {
    if (period.gone) leave('revenue', period.id, period.row_number, because('undo.deletedSince'));
    else if (period.changed) leave('revenue', period.id, period.row_number, because('undo.figuresChanged'));
    else if (period.change === 'created' || !period.before?.prior) deletions.push(period.id);
    else restores.push({ id: period.id, ...period.before.prior });
  }
  await deleteRevenue(tx, tenantId, deletions);
  await restoreRevenue(tx, tenantId, restores);
  return deletions.length + restores.length;
}
