// The import pipeline: upload (the file is stored with its hash, read, mapped and decided row by row against the CRM),
// the preview, the user's decisions, the commit in batches that resumes after a crash, the undo and the report.
import { createHash, randomUUID } from 'node:crypto';
import {
  AccountCreate,
  ContactCreate,
  IMPORT_KIND_FIELDS,
  type ColumnMapping,
  type ContactPatch,
  type Import,
  type ImportAction,
  type ImportChoice,
  type ImportDecision,
  type ImportKind,
  type ImportOutcomePart,
  type ImportPatch,
  type ImportPreview,
  type ImportPreviewQuery,
  type ImportReadOptions,
  type ImportRowOutcome,
  type ImportRowView,
  type ImportSummary,
  type ImportUndoReport,
} from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudits, type AuditEntry } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { inTransaction } from '../../core/db/pg-errors';
import { etagOf, iso, isoOrNull } from '../../core/db/rows';
import { conflict, DomainError, invalid, notFound, staleVersion } from '../../core/errors';
import { insertAccountsIn } from '../accounts';
import { consentHistoryOf, consentState } from '../consents';
import { contactById, insertContactsIn, updateContactIn } from '../contacts';
import { erasedAddresses, restrictedAmong } from '../privacy';
import { getSettings } from '../settings';
import { applyTemplate, mapRow, mappingForKind } from './column-mapping';
import { forgetParsedNames, parseCompanyName } from './company-names';
import { bulkChoice, effectiveAction, ERASED, PARTS, type Choices, type Part, type Proposal } from './decisions';
import { because, localized, renderReason, whyOf, type Reason, type ReasonLanguage, type Why } from './reasons';
import { readImportFile } from './file-format';
import { ImportFileError } from './import-file-error';
import { decideRows, numberKey, type Decision, type MappedRow } from './match-rules';
import { contactInput, planRow, type PlanError, type RowPlan, type StoredValue, type StoredValues } from './record-plan';
import { refusalOf } from './refusals';
import { renderReport } from './report';
import { analyseOpportunities, commitOpportunityBatch, undoOpportunities } from './opportunity-import';
import { analyseRevenue, commitRevenueBatch, undoRevenue } from './revenue-import';
import {
  accountCandidates,
  accountState,
  actionCounts,
  advanceCommit,
  allRows,
  appendImportedConsents,
  bumpVersion,
  changesOf,
  claimCommit,
  contactCandidates,
  crmReviewCount,
  consentOwners,
  deleteRows,
  domainOwners,
  ownedEmails,
  finishCommit,
  getImport,
  importByHash,
  importBytes,
  insertImport,
  listImportRows,
  listRows,
  loadTemplate,
  markUndone,
  committedRecords,
  pendingRows,
  recordChanges,
  refreshAccountKeys,
  replaceRows,
  rowsByNumber,
  saveAnalysis,
  saveChoices,
  saveTemplate,
  setOutcomes,
  type ChangeRow,
  type ImportedConsent,
  type ImportRecordRow,
  type ImportRowRecord,
  type StoredRow,
  usesOf,
  versionsOf,
  writeAccountFields,
} from './store';
import { detectDateOrder, detectNumberStyle } from './values';

/** The upload limit of this endpoint only; every other endpoint keeps the 1 MiB of core/http. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const UNDO_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const undoDeadline = (committedAt: Date | string) => new Date(new Date(committedAt).getTime() + UNDO_DAYS * DAY_MS);

const RESTRICTED = because('contact.restricted');

// ---------------------------------------------------------------------------------------------------------------
// Reading and deciding

const fileError = (error: unknown): unknown =>
  error instanceof ImportFileError
    ? new DomainError('invalid', error.message, 'file', { problem: error.problem, ...(error.line ? { line: error.line } : {}) })
    : error;

function kindOf(mapping: ColumnMapping): ImportKind {
  const fields = mapping.columns.flatMap((column) => (column.field ? [column.field] : []));
  if (fields.some((field) => field.startsWith('opportunity.'))) {
    // An opportunity list names the account and holds deals; it creates no person, account or revenue from its columns.
    const other = fields.find((field) => !IMPORT_KIND_FIELDS.opportunities.includes(field));
    if (other) throw invalid('mapping', `an opportunity list holds only the account's keys and opportunity columns (${other} is mapped)`);
    if (!fields.includes('account.name') && !fields.includes('account.customerNumber'))
      throw invalid('mapping', 'an opportunity list needs a customer number or company column to find the account by');
    if (!fields.includes('opportunity.name')) throw invalid('mapping', "an opportunity list needs a column with the opportunity's name");
    return 'opportunities';
  }
  if (fields.some((field) => field.startsWith('revenue.'))) {
    // A revenue list names the account and holds periods; it creates no person (or account) from its columns.
    const person = fields.find((field) => field.startsWith('contact.') || field.startsWith('consent.'));
    if (person) throw invalid('mapping', `a revenue list holds no person columns (${person} is mapped)`);
    if (!fields.includes('account.name') && !fields.includes('account.customerNumber'))
      throw invalid('mapping', 'a revenue list needs a customer number or company column to find the account by');
    if (!fields.includes('revenue.period') && !fields.includes('revenue.year')) throw invalid('mapping', 'a revenue list needs a period, month or year column');
    if (!fields.includes('revenue.amount')) throw invalid('mapping', 'a revenue list needs a revenue column');
    return 'revenue';
  }
  const account = fields.some((field) => field.startsWith('account.'));
  const contact = fields.some((field) => field.startsWith('contact.'));
  if (!account && !contact) throw invalid('mapping', 'no column is mapped to a company or a person field');
  return account && contact ? 'combined' : account ? 'accounts' : 'contacts';
}

/** The kind of the mapping, which must be the one the user chose, if they chose one. */
function kindOfWanted(mapping: ColumnMapping, wanted: ImportKind | null): ImportKind {
  let kind: ImportKind;
  try {
    kind = kindOf(mapping);
  } catch (error) {
    if (wanted && error instanceof DomainError) throw invalid('kind', `the columns do not make a list of ${wanted}: ${error.message}`);
    throw error;
  }
  if (wanted && kind !== wanted)
    throw invalid('kind', `the columns make a list of ${kind}, not ${wanted}; map the columns a list of ${wanted} needs, or choose ${kind}`);
  return kind;
}

const stored = (cell: unknown): StoredValue => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell as StoredValue));

interface Analysis {
  readOptions: ImportReadOptions;
  format: Awaited<ReturnType<typeof readImportFile>>['format'];
  mapping: ColumnMapping;
  kind: ImportKind;
  rows: StoredRow[];
}

const asDecision = (decision: Decision): ImportDecision => ({ ...decision }) as ImportDecision;
const errorDecision = ({ field, reason, reasonCode, reasonParams }: PlanError): ImportDecision => ({
  action: 'error',
  field,
  reason,
  reasonCode,
  reasonParams,
});

async function analyse(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  readOptions: ImportReadOptions,
  mapping: ColumnMapping | null,
  wanted: ImportKind | null = null,
): Promise<Analysis> {
  const { format, table } = await readImportFile(bytes, fileName, readOptions).catch((error: unknown) => {
    throw fileError(error);
  });
  const template = mapping ? null : ((await loadTemplate(db, actor.tenantId)) ?? { columns: [] });
  const chosen = mapping ?? (wanted ? mappingForKind(template!, table.header, wanted) : applyTemplate(template!, table.header));
  chosen.columns.forEach((column, i) => {
    if (column.index >= table.header.length) throw invalid(`mapping.columns[${i}].index`, `the file has ${table.header.length} columns`);
  });
  const kind = kindOfWanted(chosen, wanted);
  const hasAccount = kind !== 'contacts';
  const hasContact = kind !== 'accounts';
  const mapped: MappedRow[] = table.rows.map((row) => {
    const values = mapRow(row, chosen);
    return { row: row.row, values: Object.fromEntries(Object.entries(values).map(([field, cell]) => [field, stored(cell)])) };
  });
  if (kind === 'revenue') {
    const { defaultCurrency } = await getSettings(db, actor.tenantId);
    return { readOptions, format, mapping: chosen, kind, rows: await analyseRevenue(db, actor.tenantId, mapped, defaultCurrency) };
  }
  if (kind === 'opportunities') {
    const settings = await getSettings(db, actor.tenantId);
    return { readOptions, format, mapping: chosen, kind, rows: await analyseOpportunities(db, actor, mapped, settings) };
  }
  const styles = {
    revenue: ((style) => (style === 'mixed' ? null : style))(detectNumberStyle(mapped.map((row) => row.values['account.revenue'] ?? null))),
    consentDate: ((order) => (order === 'mixed' ? null : order))(detectDateOrder(mapped.map((row) => row.values['consent.date'] ?? null))),
  };
  const plans = mapped.map((row) => planRow(row.values as StoredValues, hasAccount, hasContact, styles));

  await db.transaction((tx) => refreshAccountKeys(tx, actor.tenantId));
  const emails = [...new Set(plans.flatMap((plan) => (plan.contact?.email ? [plan.contact.email] : [])))];
  const accounts = hasAccount
    ? await accountCandidates(db, actor.tenantId, {
        numbers: [...new Set(plans.flatMap((plan) => (plan.account?.customerNumber ? [numberKey(plan.account.customerNumber)] : [])))],
        names: [...new Set(plans.flatMap((plan) => (plan.account?.name ? [parseCompanyName(plan.account.name).key] : [])))].filter(Boolean),
        domains: [...new Set(emails.map((email) => email.slice(email.lastIndexOf('@') + 1)))],
      })
    : [];
  const contacts = hasContact
    ? await contactCandidates(
        db,
        actor.tenantId,
        emails,
        accounts.map((account) => account.id),
      )
    : [];
  const erased = new Set(await erasedAddresses(db, actor.tenantId, emails));
  const restricted = await restrictedAmong(
    db,
    actor.tenantId,
    contacts.map((contact) => contact.id),
  );
  const decided = decideRows(mapped, { accounts, contacts });
  forgetParsedNames();

  const rows = decided.map((decision, i): StoredRow => {
    const plan = plans[i]!;
    let account = decision.account ? asDecision(decision.account) : null;
    let contact = decision.contact ? asDecision(decision.contact) : null;
    if (account && plan.accountError && account.action !== 'skip') account = errorDecision(plan.accountError);
    if (contact && plan.contactError && contact.action !== 'skip' && contact.action !== 'error') contact = errorDecision(plan.contactError);
    if (contact && plan.contact?.email && erased.has(plan.contact.email)) contact = { action: 'skip', ...ERASED };
    if (contact?.action === 'update' && contact.existingId && restricted.has(contact.existingId)) contact = { action: 'skip', ...RESTRICTED };
    // A row of nothing but blanks is one skip for the whole row.
    if (decision.account?.action === 'skip' && !decision.contact && hasContact) contact = null;
    return {
      row: decision.row,
      values: mapped[i]!.values,
      proposal: { account, contact },
      plan: plan as unknown as Record<string, unknown>,
      accountAction: account?.action ?? null,
      contactAction: contact?.action ?? null,
    };
  });
  return { readOptions, format, mapping: chosen, kind, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Views

async function summaryOf(db: Queryable, tenantId: string, importId: string): Promise<ImportSummary> {
  const empty = (): Record<ImportAction, number> => ({ create: 0, update: 0, merge: 0, review: 0, skip: 0, error: 0 });
  const counts = { account: empty(), contact: empty(), record: empty() };
  for (const { part, action, count } of await actionCounts(db, tenantId, importId)) counts[part][action as ImportAction] = count;
  const both = (action: ImportAction) => counts.account[action] + counts.contact[action] + counts.record[action];
  return {
    ...counts,
    awaitingDecision: both('review') + both('error'),
    duplicatesInFile: both('merge'),
    matchesInCrm: both('update') + (await crmReviewCount(db, tenantId, importId)),
  };
}

/** What the undo left alone, its reasons in the language asked for (reports stored before the codes keep English). */
const undoIn = (report: ImportUndoReport | null, lang: ReasonLanguage): ImportUndoReport | null =>
  report && { ...report, leftAlone: report.leftAlone.map((item) => (item.reasonCode ? localized(item, lang) : item)) };

/** What was detected, its reasons in the language asked for. */
const formatIn = (format: Import['format'], lang: ReasonLanguage): Import['format'] =>
  format.reasonCodes && lang !== 'en'
    ? {
        ...format,
        reasons: format.reasonCodes.map(({ code, params }, i) =>
          renderReason({ reason: format.reasons[i] ?? '', reasonCode: code, reasonParams: params }, lang),
        ),
      }
    : format;

async function viewOf(db: Queryable, tenantId: string, row: ImportRecordRow, lang: ReasonLanguage = 'en'): Promise<Import> {
  return {
    id: row.id,
    etag: etagOf(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    fileName: row.file_name,
    fileHash: row.file_hash,
    fileSize: Number(row.file_size),
    status: row.status,
    kind: row.kind,
    format: formatIn(row.format, lang),
    mapping: row.mapping,
    summary: await summaryOf(db, tenantId, row.id),
    progress: { committedRows: row.committed_rows, totalRows: row.row_count },
    committedAt: isoOrNull(row.committed_at),
    undoneAt: isoOrNull(row.undone_at),
    undoUntil: row.committed_at && row.status === 'committed' ? undoDeadline(row.committed_at).toISOString() : null,
    undo: undoIn(row.undo_report, lang),
  };
}

/** A proposal as stored, its reasons (and its candidates') in the language asked for. */
const proposedIn = (proposed: ImportDecision, lang: ReasonLanguage): ImportDecision => {
  const decision = localized(proposed, lang);
  return decision.candidates ? { ...decision, candidates: decision.candidates.map((candidate) => localized(candidate, lang)) } : decision;
};

function outcomeIn(outcome: ImportRowOutcome | null, lang: ReasonLanguage): ImportRowOutcome | null {
  if (!outcome) return null;
  const consent =
    outcome.consent === null ? null : renderReason({ reason: outcome.consent, reasonCode: outcome.consentCode, reasonParams: outcome.consentParams }, lang);
  return {
    ...outcome,
    account: outcome.account && localized(outcome.account, lang),
    contact: outcome.contact && localized(outcome.contact, lang),
    ...(outcome.record ? { record: localized(outcome.record, lang) } : {}),
    consent,
  };
}

const rowView = (row: ImportRowRecord, lang: ReasonLanguage = 'en'): ImportRowView => {
  const proposal = row.proposal as unknown as Proposal;
  const choice = row.choice as Choices;
  const part = (name: Part) => {
    const proposed = proposal[name];
    return proposed ? { proposed: proposedIn(proposed, lang), chosen: choice[name] ?? null } : null;
  };
  return {
    row: row.row_number,
    values: row.values as ImportRowView['values'],
    account: part('account'),
    contact: part('contact'),
    record: part('record'),
    outcome: outcomeIn(row.outcome as ImportRowOutcome | null, lang),
  };
};

async function loadImport(db: Queryable, actor: Actor, id: string, lock = false): Promise<ImportRecordRow> {
  const row = await getImport(db, actor.tenantId, id, lock);
  if (!row) throw notFound('import');
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Upload, preview, decisions

export async function uploadImport(
  db: Db,
  actor: Actor,
  input: { fileName: string; readOptions: ImportReadOptions; bytes: Uint8Array },
  lang: ReasonLanguage = 'en',
): Promise<{ value: Import; created: boolean }> {
  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const earlier = await importByHash(db, actor.tenantId, fileHash);
  if (earlier) return { value: await viewOf(db, actor.tenantId, earlier, lang), created: false };
  const analysis = await analyse(db, actor, input.bytes, input.fileName, input.readOptions, null);
  const id = await inTransaction(db, async (tx) => {
    const inserted = await insertImport(tx, actor.tenantId, actor.userId, {
      fileName: input.fileName,
      fileHash,
      bytes: input.bytes,
      readOptions: analysis.readOptions,
      format: analysis.format,
      mapping: analysis.mapping,
      kind: analysis.kind,
      rowCount: analysis.rows.length,
    });
    if (inserted) await replaceRows(tx, actor.tenantId, inserted, analysis.rows);
    return inserted;
  });
  // A colleague's upload of the same file got there first: theirs is the import.
  const row = id ? await loadImport(db, actor, id) : await importByHash(db, actor.tenantId, fileHash);
  return { value: await viewOf(db, actor.tenantId, row!, lang), created: id !== null };
}

export async function listImports(
  db: Db,
  actor: Actor,
  query: { limit: number; cursor?: string },
  lang: ReasonLanguage = 'en',
): Promise<{ items: Import[]; nextCursor: string | null }> {
  const rows = await listImportRows(db, actor.tenantId, decodeCursor(query.cursor, ['timestamp', 'uuid']), query.limit + 1);
  const page = pageFrom(rows, query.limit, (last) => [last.cursor_at, last.id]);
  const items: Import[] = [];
  for (const row of page.rows) items.push(await viewOf(db, actor.tenantId, row, lang));
  return { items, nextCursor: page.nextCursor };
}

/** The preview; reasons in `lang` (the route negotiates it from Accept-Language). */
export async function readImport(db: Db, actor: Actor, id: string, query: ImportPreviewQuery, lang: ReasonLanguage = 'en'): Promise<ImportPreview> {
  const row = await loadImport(db, actor, id);
  const after = decodeCursor(query.cursor, ['text']);
  const rows = await listRows(db, actor.tenantId, id, { afterRow: after ? Number(after[0]) : 0, limit: query.limit + 1, action: query.action });
  const page = pageFrom(rows, query.limit, (last) => [String(last.row_number)]);
  return { ...(await viewOf(db, actor.tenantId, row, lang)), rows: { items: page.rows.map((record) => rowView(record, lang)), nextCursor: page.nextCursor } };
}

function checkChoice(row: ImportRowRecord, part: Part, choice: ImportChoice, field: string): void {
  const proposed = (row.proposal as unknown as Proposal)[part];
  if (!proposed) throw invalid(field, `row ${row.row_number} has no ${part} part`);
  // A revenue period or an opportunity is written as the list has it, or not at all: the file is where it is corrected.
  if (part === 'record' && choice.action !== 'skip')
    throw invalid(`${field}.action`, 'a revenue or opportunity row can only be skipped; correct the file to change it');
  if (choice.action === 'merge' && choice.intoRow! >= row.row_number) throw invalid(`${field}.intoRow`, 'must be an earlier row of the file');
  if (choice.action === 'update') {
    const known = [proposed.existingId, ...(proposed.candidates ?? []).map((candidate) => candidate.existingId)].filter(Boolean);
    if (!known.includes(choice.existingId)) throw invalid(`${field}.existingId`, `is not a record proposed for row ${row.row_number}`);
  }
}

export async function changeImport(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: ImportPatch,
  lang: ReasonLanguage = 'en',
): Promise<Import> {
  const current = await loadImport(db, actor, id);
  if (current.version !== expectedVersion) throw staleVersion('import');
  if (current.status !== 'preview')
    throw conflict(`the import is ${current.status}; only an import in preview can be changed`, undefined, { status: current.status });
  const analysis =
    patch.read || patch.mapping || patch.kind
      ? await analyse(
          db,
          actor,
          await importBytes(db, actor.tenantId, id),
          current.file_name,
          patch.read ?? current.read_options,
          patch.mapping ?? (patch.read || patch.kind ? null : current.mapping),
          patch.kind ?? null,
        )
      : null;
  await inTransaction(db, async (tx) => {
    const locked = await loadImport(tx, actor, id, true);
    if (locked.version !== expectedVersion) throw staleVersion('import');
    if (analysis) {
      await saveAnalysis(tx, actor.tenantId, id, { ...analysis, rowCount: analysis.rows.length });
      await replaceRows(tx, actor.tenantId, id, analysis.rows);
      if (patch.mapping || patch.kind) await saveTemplate(tx, actor.tenantId, actor.userId, analysis.mapping);
    } else {
      await bumpVersion(tx, actor.tenantId, id);
    }
    if (!patch.bulk?.length && !patch.rows?.length) return;
    const targets = patch.bulk?.length
      ? await allRows(tx, actor.tenantId, id)
      : await rowsByNumber(
          tx,
          actor.tenantId,
          id,
          patch.rows!.map((row) => row.row),
        );
    const byNumber = new Map(targets.map((row) => [row.row_number, row]));
    const changed = new Map<number, Choices>();
    const choicesOf = (row: ImportRowRecord) => changed.get(row.row_number) ?? { ...(row.choice as Choices) };
    for (const action of patch.bulk ?? []) {
      for (const row of targets) {
        const choices = choicesOf(row);
        let touched = false;
        for (const part of PARTS) {
          const proposed = (row.proposal as unknown as Proposal)[part];
          const choice = proposed ? bulkChoice(action, proposed, choices[part]) : undefined;
          if (choice) {
            choices[part] = choice;
            touched = true;
          }
        }
        if (touched) changed.set(row.row_number, choices);
      }
    }
    (patch.rows ?? []).forEach((entry, i) => {
      const row = byNumber.get(entry.row);
      if (!row) throw invalid(`rows[${i}].row`, `is not a row of this import`);
      const choices = choicesOf(row);
      for (const part of PARTS) {
        const choice = entry[part];
        if (choice === undefined) continue;
        if (choice === null) delete choices[part];
        else {
          checkChoice(row, part, choice, `rows[${i}].${part}`);
          choices[part] = choice;
        }
      }
      changed.set(row.row_number, choices);
    });
    await saveChoices(
      tx,
      actor.tenantId,
      id,
      [...changed].map(([number, choice]) => {
        const proposal = byNumber.get(number)!.proposal as unknown as Proposal;
        return {
          row: number,
          choice,
          accountAction: effectiveAction(proposal.account, choice.account),
          contactAction: effectiveAction(proposal.contact, choice.contact),
          recordAction: effectiveAction(proposal.record, choice.record),
        };
      }),
    );
  });
  return viewOf(db, actor.tenantId, await loadImport(db, actor, id), lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Commit

export interface CommitOptions {
  batchSize?: number;
  /** Stop after this long and answer the progress; the next call (or a retry) continues. */
  budgetMs?: number;
  leaseMs?: number;
  clock?: () => Date;
  /**
   * Called inside the batch's transaction after the row is written (set-wise: after the whole batch is): tests throw
   * here to stand for a process dying mid-batch, or a domain error for a row the set-wise write cannot take.
   */
  afterRow?: (row: number) => void;
  /** The language of the answer's texts. */
  lang?: ReasonLanguage;
}

interface RowResult {
  outcome: ImportRowOutcome;
  accountId: string | null;
  contactId: string | null;
}

type Stated = { reason: string; reasonCode?: string; reasonParams?: Record<string, unknown> };
const part = (action: ImportOutcomePart['action'], id: string | null, why: string | Stated): ImportOutcomePart => {
  if (typeof why === 'string') return { action, id, reason: why };
  const { reason, reasonCode, reasonParams } = why;
  return reasonCode ? { action, id, reason, reasonCode, reasonParams } : { action, id, reason };
};

/** A reason as the parameter of another: nested by its code, or its text when it has none (a value the contract refused). */
const nestedWhy = (why: Stated): Reason | string => (why.reasonCode ? (why as Reason) : why.reason);

/** The parameters naming what an update kept as the CRM has it, with the domain another account has. */
const keptParams = (kept: readonly string[], domain: string | null): Record<string, string | null> => (kept.length ? { kept: kept.join(', '), domain } : {});

async function createAccountFrom(writer: BatchWriter, row: number, plan: NonNullable<RowPlan['account']>) {
  const domain = plan.domain && !(await writer.domainTaken(plan.domain)) ? plan.domain : null;
  const customFields: Record<string, string> = {};
  if (plan.customerNumber) customFields.customerNumber = plan.customerNumber;
  if (plan.revenue) customFields.revenue = plan.revenue;
  if (plan.notes) customFields.notes = plan.notes;
  const input = AccountCreate.parse({ name: plan.name, domains: domain ? [domain] : [], industry: plan.industry, address: plan.address, customFields });
  const id = writer.addAccount(input, row);
  return { id, domainLeftOut: plan.domain && !domain ? plan.domain : null };
}

async function updateAccountFrom(writer: BatchWriter, row: number, id: string, plan: NonNullable<RowPlan['account']>) {
  const { tx, actor } = writer;
  const state = await accountState(tx, actor.tenantId, id);
  if (!state) return part('failed', null, because('outcome.accountGone'));
  const fields: Parameters<typeof writeAccountFields>[4] = {};
  const before: Record<string, unknown> = {};
  const kept: string[] = [];
  const filled: string[] = [];
  if (plan.industry && !state.industry) {
    fields.industry = plan.industry;
    before.industry = state.industry;
    filled.push('industry');
  } else if (plan.industry && plan.industry !== state.industry) kept.push('industry');
  if (plan.address && !state.address) {
    fields.address = plan.address;
    before.address = state.address;
    filled.push('address');
  } else if (plan.address && JSON.stringify(plan.address) !== JSON.stringify(state.address)) kept.push('address');
  const additions: Record<string, string> = {};
  for (const [key, value] of [
    ['customerNumber', plan.customerNumber],
    ['revenue', plan.revenue],
    ['notes', plan.notes],
  ] as const) {
    if (!value) continue;
    if (state.custom_fields[key] === undefined) {
      additions[key] = value;
      filled.push(key);
    } else if (String(state.custom_fields[key]) !== value) kept.push(key);
  }
  if (Object.keys(additions).length > 0) {
    fields.custom_fields = { ...state.custom_fields, ...additions };
    before.custom_fields = state.custom_fields;
  }
  if (plan.domain && !state.domains.includes(plan.domain)) {
    if (!(await writer.domainTaken(plan.domain))) {
      fields.domains = [...state.domains, plan.domain];
      before.domains = state.domains;
      filled.push('domain');
    } else kept.push('domainTaken');
  }
  const keptWhy = keptParams(kept, plan.domain);
  if (Object.keys(fields).length === 0) return part('unchanged', id, because('outcome.nothingNewForAccount', keptWhy));
  const version = await writeAccountFields(tx, actor.tenantId, id, state.version, fields);
  if (version === null) return part('failed', id, because('outcome.accountChangedMeanwhile'));
  if (fields.domains) writer.claimDomain(plan.domain!);
  writer.updated('account', id, Object.keys(fields), { entity: 'account', entity_id: id, change: 'updated', before, version_after: version, row_number: row });
  return part('updated', id, because('outcome.accountFilled', { fields: filled.join(', '), ...keptWhy }));
}

async function createContactFrom(
  writer: BatchWriter,
  row: number,
  plan: NonNullable<RowPlan['contact']>,
  accountId: string | null,
  erased: ReadonlySet<string>,
) {
  if (plan.email && erased.has(plan.email)) return part('skipped', null, ERASED);
  if (plan.email && (await writer.emailTaken(plan.email))) return part('failed', null, because('outcome.emailTakenSince'));
  const input = ContactCreate.parse(contactInput(plan, accountId));
  const id = writer.addContact(input, row);
  return part('created', id, because('outcome.newContact'));
}

async function updateContactFrom(
  writer: BatchWriter,
  row: number,
  id: string,
  plan: NonNullable<RowPlan['contact']>,
  accountId: string | null,
  erased: ReadonlySet<string>,
) {
  const { tx, actor } = writer;
  const contact = await contactById(tx, actor.tenantId, id);
  if (!contact) return part('failed', null, because('outcome.contactGone'));
  if ((await restrictedAmong(tx, actor.tenantId, [id])).size > 0) return part('skipped', id, RESTRICTED);
  const patch: ContactPatch = {};
  const before: Record<string, unknown> = {};
  const kept: string[] = [];
  if (plan.email && !contact.emails.includes(plan.email)) {
    if (erased.has(plan.email)) kept.push('addressErased');
    else if (await writer.emailTaken(plan.email)) kept.push('addressTaken');
    else if (contact.emails.length >= 10) kept.push('addressesFull');
    else {
      patch.emails = [...contact.emails, plan.email];
      before.emails = contact.emails;
    }
  }
  const newPhones = plan.phones.filter((phone) => !contact.phones.some((known) => known.number.replace(/\D/g, '') === phone.number.replace(/\D/g, '')));
  if (newPhones.length > 0 && contact.phones.length + newPhones.length <= 10) {
    patch.phones = [...contact.phones, ...newPhones];
    before.phones = contact.phones;
  }
  if (plan.jobTitle && !contact.jobTitle) {
    patch.jobTitle = plan.jobTitle;
    before.jobTitle = contact.jobTitle;
  } else if (plan.jobTitle && plan.jobTitle !== contact.jobTitle) kept.push('jobTitle');
  if (accountId && !contact.accountId) {
    patch.accountId = accountId;
    before.accountId = null;
  } else if (accountId && contact.accountId !== accountId) kept.push('account');
  const additions = Object.fromEntries(Object.entries(plan.customFields).filter(([key]) => contact.customFields[key] === undefined));
  if (Object.keys(additions).length > 0) {
    patch.customFields = { ...(contact.customFields as Record<string, string>), ...additions };
    before.customFields = contact.customFields;
  }
  const keptWhy = keptParams(kept, null);
  if (Object.keys(patch).length === 0) return part('unchanged', id, because('outcome.nothingNewForContact', keptWhy));
  const version = Number(contact.etag.replace(/\D/g, ''));
  // The account the row created must be written before the contact can refer to it.
  if (patch.accountId && writer.isNewAccount(patch.accountId)) await writer.flush();
  const outcome = await updateContactIn(tx, actor.tenantId, id, version, patch);
  if (outcome.status !== 'ok') return part('failed', id, because('outcome.contactChangedMeanwhile'));
  if (patch.emails) writer.claimEmail(plan.email!);
  writer.updated('contact', id, outcome.fields, { entity: 'contact', entity_id: id, change: 'updated', before, version_after: version + 1, row_number: row });
  const filled = [
    ...(patch.emails ? ['email'] : []),
    ...(patch.phones ? ['phones'] : []),
    ...(patch.jobTitle ? ['jobTitle'] : []),
    ...(patch.accountId ? ['account'] : []),
    ...Object.keys(additions),
  ];
  return part('updated', id, because('outcome.contactFilled', { fields: filled.join(', '), ...keptWhy }));
}

async function recordConsentFrom(writer: BatchWriter, importId: string, row: number, contactId: string, consent: NonNullable<RowPlan['consent']>) {
  // A contact this batch is creating has no history but what the batch adds; any other is read from the ledger, once
  // what the batch holds for it is written.
  let history: Awaited<ReturnType<typeof consentHistoryOf>> = [];
  if (!writer.createdWithoutConsent(contactId)) {
    if (writer.holdsFor(contactId)) await writer.flush();
    history = await consentHistoryOf(writer.tx, writer.actor.tenantId, [contactId]);
  }
  const status = consentState(history).channels.email;
  if (consent.action === 'granted' && (status === 'withdrawn' || status === 'objected')) {
    return because('consent.notOverridden', { status });
  }
  const same = history.some(
    (entry) =>
      entry.channel === 'email' &&
      entry.purpose === 'marketing' &&
      entry.action === consent.action &&
      entry.source === consent.source &&
      entry.capturedAt === consent.capturedAt,
  );
  if (same) return because('consent.alreadyRecorded');
  writer.addConsent({ contactId, ...consent, note: `imported from a list (import ${importId}, row ${row})` }, row);
  return because('consent.recorded', { action: consent.action, source: consent.source, date: consent.capturedAt.slice(0, 10) });
}

/**
 * The record a merge row joins: the one its target row made or found, else the one the first other row merging into
 * that target made (when the target itself was skipped). Kept in memory for one commit call (loaded from the rows
 * committed before it, then noted row by row), because looking it up in import_rows per row scanned the import's rows.
 */
class MergeTargets {
  private readonly ids = new Map<string, string>();
  /** The keys in the order they were noted, so that a batch rolled back can take its notes back. */
  private readonly journal: string[] = [];

  static async load(db: Queryable, tenantId: string, importId: string): Promise<MergeTargets> {
    const targets = new MergeTargets();
    for (const row of await committedRecords(db, tenantId, importId)) {
      targets.note('account', row.row_number, row.account_id, row.account_into);
      targets.note('contact', row.row_number, row.contact_id, row.contact_into);
    }
    return targets;
  }

  /** Rows come in row order, so the first row noted for a target is the one with the lowest number. */
  note(part: Part, row: number, id: string | null, into: readonly (number | null | undefined)[]): void {
    if (!id) return;
    for (const target of [row, ...into]) {
      if (target === null || target === undefined) continue;
      const key = `${part}:${target}`;
      if (!this.ids.has(key)) {
        this.ids.set(key, id);
        this.journal.push(key);
      }
    }
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    for (const key of this.journal.splice(mark)) this.ids.delete(key);
  }

  find(part: Part, intoRow: number): string | null {
    return this.ids.get(`${part}:${intoRow}`) ?? null;
  }
}

/**
 * What a commit batch writes set-wise: the accounts, contacts and consents its rows create (ids chosen here, so later
 * rows can link to them before they are written), with their audit entries and ledger lines, one statement per table
 * in flush(). flush() runs before anything that reads or changes records already there (the updates of matched records
 * stay row by row) and at the end of the batch, so every row sees what the rows before it wrote. Whether a domain or an
 * address is taken is read once for all of the batch's and then follows what the batch itself creates.
 */
class BatchWriter {
  private accounts: (AccountCreate & { id: string })[] = [];
  private contacts: (ContactCreate & { id: string })[] = [];
  private consents: ImportedConsent[] = [];
  private audits: AuditEntry[] = [];
  /** Ledger lines by entity and id: a record two rows update keeps the first row's "before" and the last version. */
  private changes = new Map<string, ChangeRow>();
  /** The contacts created and not yet written, each with whether a consent of theirs waits too. */
  private readonly newContacts = new Map<string, boolean>();
  private readonly newAccounts = new Set<string>();
  /** Contacts with a consent not yet written. */
  private readonly consentsFor = new Set<string>();
  private takenDomains: Set<string> | null = null;
  private takenEmails: Set<string> | null = null;

  constructor(
    readonly tx: Queryable,
    readonly actor: Actor,
    private readonly importId: string,
    private readonly domains: readonly string[],
    private readonly emails: readonly string[],
  ) {}

  async domainTaken(domain: string): Promise<boolean> {
    this.takenDomains ??= new Set((await domainOwners(this.tx, this.actor.tenantId, this.domains)).keys());
    return this.takenDomains.has(domain);
  }

  async emailTaken(email: string): Promise<boolean> {
    this.takenEmails ??= await ownedEmails(this.tx, this.actor.tenantId, this.emails);
    return this.takenEmails.has(email);
  }

  claimDomain(domain: string): void {
    this.takenDomains?.add(domain);
  }

  claimEmail(email: string): void {
    this.takenEmails?.add(email);
  }

  /** After a row was rolled back: what it claimed is not claimed. */
  forget(): void {
    this.takenDomains = null;
    this.takenEmails = null;
  }

  createdWithoutConsent(contactId: string): boolean {
    return this.newContacts.get(contactId) === false;
  }

  isNewAccount(accountId: string): boolean {
    return this.newAccounts.has(accountId);
  }

  /** Whether a contact or a consent of it waits to be written. */
  holdsFor(contactId: string): boolean {
    return this.newContacts.has(contactId) || this.consentsFor.has(contactId);
  }

  private change(change: ChangeRow): void {
    const key = `${change.entity}:${change.entity_id}`;
    const earlier = this.changes.get(key);
    this.changes.set(key, earlier ? { ...earlier, version_after: change.version_after } : change);
  }

  /** A record already there that a row updated: its audit entry and ledger line go with the batch's. */
  updated(entity: 'account' | 'contact', id: string, fields: string[], change: ChangeRow): void {
    this.entry('update', entity, id, fields);
    this.change(change);
  }

  private entry(action: AuditEntry['action'], entity: AuditEntry['entity'], entityId: string, changedFields?: string[]): void {
    this.audits.push({ tenantId: this.actor.tenantId, actorId: this.actor.userId, action, entity, entityId, changedFields });
  }

  addAccount(input: AccountCreate, row: number): string {
    const id = randomUUID();
    this.accounts.push({ ...input, id });
    this.newAccounts.add(id);
    for (const domain of input.domains) this.takenDomains?.add(domain);
    this.entry('create', 'account', id);
    this.change({ entity: 'account', entity_id: id, change: 'created', before: null, version_after: 1, row_number: row });
    return id;
  }

  addContact(input: ContactCreate, row: number): string {
    const id = randomUUID();
    this.contacts.push({ ...input, id });
    this.newContacts.set(id, false);
    for (const email of input.emails) this.takenEmails?.add(email);
    this.entry('create', 'contact', id);
    this.change({ entity: 'contact', entity_id: id, change: 'created', before: null, version_after: 1, row_number: row });
    return id;
  }

  addConsent(consent: Omit<ImportedConsent, 'id'>, row: number): void {
    const id = randomUUID();
    this.consents.push({ ...consent, id });
    if (this.newContacts.has(consent.contactId)) this.newContacts.set(consent.contactId, true);
    this.consentsFor.add(consent.contactId);
    this.entry('consent', 'contact', consent.contactId, [`email/marketing:${consent.action}`]);
    this.change({ entity: 'consent', entity_id: id, change: 'created', before: null, version_after: null, row_number: row });
  }

  async flush(): Promise<void> {
    if (this.audits.length === 0) return;
    const { tx, actor } = this;
    await insertAccountsIn(tx, actor.tenantId, this.accounts);
    await insertContactsIn(tx, actor.tenantId, this.contacts);
    await appendImportedConsents(tx, actor.tenantId, actor.userId, this.consents);
    await writeAudits(tx, this.audits);
    await recordChanges(tx, actor.tenantId, this.importId, [...this.changes.values()]);
    this.discard();
  }

  /** Drops what is not written yet: after a flush, or when the row that planned it was rolled back. */
  discard(): void {
    this.accounts = [];
    this.contacts = [];
    this.consents = [];
    this.audits = [];
    this.changes = new Map();
    this.newContacts.clear();
    this.newAccounts.clear();
    this.consentsFor.clear();
  }
}

/** erased: the batch's addresses on the blocklist, read once per batch inside its transaction. */
async function commitRow(writer: BatchWriter, importId: string, row: ImportRowRecord, erased: ReadonlySet<string>, merges: MergeTargets): Promise<RowResult> {
  const proposal = row.proposal as unknown as Proposal;
  const choice = row.choice as Choices;
  const plan = row.plan as unknown as RowPlan;
  const result: RowResult = { outcome: { account: null, contact: null, consent: null }, accountId: null, contactId: null };
  const number = row.row_number;

  const target = async (which: Part): Promise<{ action: ImportAction; existingId: string | null; intoRow: number | null; why: Stated } | null> => {
    const proposed = proposal[which];
    if (!proposed) return null;
    const chosen = choice[which];
    const action = chosen?.action ?? proposed.action;
    return {
      action,
      existingId: chosen?.existingId ?? proposed.existingId ?? null,
      intoRow: chosen?.intoRow ?? proposed.intoRow ?? null,
      why: chosen ? because('decision.chosen') : proposed,
    };
  };

  const account = await target('account');
  if (account && plan.account) {
    if (account.action === 'skip') result.outcome.account = part('skipped', null, account.why);
    else if (account.action === 'update') result.outcome.account = await updateAccountFrom(writer, number, account.existingId!, plan.account);
    else {
      const merged = account.action === 'merge' ? merges.find('account', account.intoRow!) : null;
      if (merged) result.outcome.account = part('linked', merged, because('account.sameAsRow', { row: account.intoRow! }));
      else {
        const created = await createAccountFrom(writer, number, plan.account);
        const why = account.action === 'merge' ? because('outcome.sameCompanyNotImported', { row: account.intoRow! }) : account.why;
        result.outcome.account = part(
          'created',
          created.id,
          created.domainLeftOut ? because('outcome.domainLeftOut', { detail: nestedWhy(why), domain: created.domainLeftOut }) : why,
        );
      }
    }
    result.accountId = result.outcome.account.id;
  }

  const contact = await target('contact');
  if (contact && plan.contact) {
    if (contact.action === 'skip') result.outcome.contact = part('skipped', contact.existingId, contact.why);
    else if (contact.action === 'update')
      result.outcome.contact = await updateContactFrom(writer, number, contact.existingId!, plan.contact, result.accountId, erased);
    else {
      const merged = contact.action === 'merge' ? merges.find('contact', contact.intoRow!) : null;
      result.outcome.contact = merged
        ? part('linked', merged, because('outcome.samePersonAsRow', { row: contact.intoRow! }))
        : await createContactFrom(writer, number, plan.contact, result.accountId, erased);
    }
    const written = ['created', 'updated', 'unchanged', 'linked'].includes(result.outcome.contact.action);
    result.contactId = written ? result.outcome.contact.id : null;
    if (plan.consent) {
      const consent = result.contactId
        ? await recordConsentFrom(writer, importId, number, result.contactId, plan.consent)
        : because('consent.contactNotImported');
      result.outcome.consent = consent.reason;
      result.outcome.consentCode = consent.reasonCode;
      result.outcome.consentParams = consent.reasonParams;
    }
  }
  return result;
}

const isDomainFailure = (error: unknown): error is DomainError => error instanceof DomainError;

type BatchOutcome = Parameters<typeof setOutcomes>[3][number];

/**
 * One batch of rows in the caller's transaction. Set-wise (rowByRow false), a row that fails with a domain error fails
 * the batch, which the caller then rolls back and runs row by row: each row in a savepoint with its writes flushed at
 * its end, so a failing row is rolled back alone and reported.
 */
async function commitBatch(
  tx: Queryable,
  actor: Actor,
  importId: string,
  rows: readonly ImportRowRecord[],
  merges: MergeTargets,
  options: CommitOptions,
  rowByRow: boolean,
): Promise<BatchOutcome[]> {
  const plans = rows.map((row) => row.plan as unknown as RowPlan);
  const emails = plans.flatMap((plan) => (plan.contact?.email ? [plan.contact.email] : []));
  const domains = plans.flatMap((plan) => (plan.account?.domain ? [plan.account.domain] : []));
  const erased = new Set(await erasedAddresses(tx, actor.tenantId, emails));
  const writer = new BatchWriter(tx, actor, importId, domains, emails);
  const outcomes: BatchOutcome[] = [];
  for (const row of rows) {
    let result: RowResult;
    if (rowByRow) await tx.query('SAVEPOINT import_row');
    try {
      result = await commitRow(writer, importId, row, erased, merges);
      if (rowByRow) {
        await writer.flush();
        options.afterRow?.(row.row_number);
        await tx.query('RELEASE SAVEPOINT import_row');
      }
    } catch (error) {
      if (!rowByRow || !isDomainFailure(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT import_row');
      writer.discard();
      writer.forget();
      const why = because('outcome.notImported', { message: error.message, refusal: refusalOf(error) });
      result = { outcome: { account: part('failed', null, why), contact: null, consent: null }, accountId: null, contactId: null };
    }
    outcomes.push({ row: row.row_number, outcome: result.outcome, accountId: result.accountId, contactId: result.contactId });
    const proposal = row.proposal as unknown as Proposal;
    const choice = row.choice as Choices;
    merges.note('account', row.row_number, result.accountId, [proposal.account?.intoRow, choice.account?.intoRow]);
    merges.note('contact', row.row_number, result.contactId, [proposal.contact?.intoRow, choice.contact?.intoRow]);
  }
  if (!rowByRow) {
    await writer.flush();
    for (const row of rows) options.afterRow?.(row.row_number);
  }
  return outcomes;
}

export async function commitImport(db: Db, actor: Actor, id: string, options: CommitOptions = {}): Promise<{ value: Import; done: boolean }> {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const leaseMs = options.leaseMs ?? 120_000;
  const started = clock().getTime();
  const current = await loadImport(db, actor, id);
  if (current.status === 'undone') throw conflict('the import was undone; upload the file again to import it anew', undefined, { status: 'undone' });
  if (current.status === 'preview') {
    const summary = await summaryOf(db, actor.tenantId, id);
    if (summary.awaitingDecision > 0) {
      throw conflict(
        `${summary.awaitingDecision} decisions are still open (rows proposed for review, and rows with errors); decide them or skip them ("skipUndecided", "skipErrors") before the commit`,
        undefined,
        { awaitingDecision: summary.awaitingDecision },
      );
    }
  }
  if (current.status !== 'committed') {
    const claimed = await inTransaction(db, (tx) => claimCommit(tx, actor.tenantId, id, clock(), leaseMs));
    if (claimed) {
      const merges = await MergeTargets.load(db, actor.tenantId, id);
      let lastRow = 0;
      for (;;) {
        const batch = await inTransaction(db, async (tx) => {
          const rows = await pendingRows(tx, actor.tenantId, id, batchSize, lastRow);
          const mark = merges.mark();
          await tx.query('SAVEPOINT import_batch');
          let outcomes: BatchOutcome[];
          try {
            outcomes =
              current.kind === 'revenue'
                ? await commitRevenueBatch(tx, actor, id, rows)
                : current.kind === 'opportunities'
                  ? await commitOpportunityBatch(tx, actor, id, rows)
                  : await commitBatch(tx, actor, id, rows, merges, options, false);
            for (const row of current.kind === 'opportunities' ? rows : []) options.afterRow?.(row.row_number);
            await tx.query('RELEASE SAVEPOINT import_batch');
          } catch (error) {
            if (!isDomainFailure(error) || current.kind === 'revenue' || current.kind === 'opportunities') throw error;
            // A row the set-wise write could not take (say a record changed at the same moment): the batch again, row
            // by row, so that only that row fails.
            await tx.query('ROLLBACK TO SAVEPOINT import_batch');
            merges.rollback(mark);
            outcomes = await commitBatch(tx, actor, id, rows, merges, options, true);
          }
          await setOutcomes(tx, actor.tenantId, id, outcomes);
          await advanceCommit(tx, actor.tenantId, id, rows.length, clock(), leaseMs);
          lastRow = rows.at(-1)?.row_number ?? lastRow;
          return rows.length;
        });
        const finished = batch < batchSize;
        const outOfTime = options.budgetMs !== undefined && clock().getTime() - started >= options.budgetMs;
        if (finished || outOfTime) {
          await inTransaction(db, async (tx) => {
            await finishCommit(tx, actor.tenantId, id, finished, clock());
            if (finished) await saveTemplate(tx, actor.tenantId, actor.userId, current.mapping);
          });
          break;
        }
      }
    }
  }
  const after = await loadImport(db, actor, id);
  return { value: await viewOf(db, actor.tenantId, after, options.lang), done: after.status === 'committed' };
}

// ---------------------------------------------------------------------------------------------------------------
// Undo and report

export async function undoImport(db: Db, actor: Actor, id: string, clock: () => Date = () => new Date(), lang: ReasonLanguage = 'en'): Promise<Import> {
  const current = await loadImport(db, actor, id);
  if (current.status === 'undone') return viewOf(db, actor.tenantId, current, lang);
  if (current.status !== 'committed')
    throw conflict(`the import is ${current.status}; only a committed import can be undone`, undefined, { status: current.status });
  const undoUntil = undoDeadline(current.committed_at!);
  if (clock().getTime() > undoUntil.getTime()) {
    throw conflict(
      `an import can be undone for ${UNDO_DAYS} days after its commit; this one was committed on ${iso(current.committed_at).slice(0, 10)}, so its undo ended on ${undoUntil.toISOString().slice(0, 10)}`,
      undefined,
      { undoUntil: undoUntil.toISOString() },
    );
  }
  await inTransaction(db, async (tx) => {
    const locked = await loadImport(tx, actor, id, true);
    if (locked.status !== 'committed') throw conflict(`the import is ${locked.status}`);
    const report: ImportUndoReport = { reverted: 0, leftAlone: [] };
    const keptContacts = new Set<string>();
    const leave = (entity: ImportUndoReport['leftAlone'][number]['entity'], entityId: string, row: number, why: Why) =>
      report.leftAlone.push({ entity, id: entityId, row, ...whyOf(why) });
    const changes = await changesOf(tx, actor.tenantId, id);
    const audits: AuditEntry[] = [];
    const entry = (action: 'update' | 'delete', entity: AuditEntry['entity'], entityId: string, changedFields?: string[]) =>
      audits.push({ tenantId: actor.tenantId, actorId: actor.userId, action, entity, entityId, changedFields });

    // Set-wise per kind of record, contacts before their consents and accounts: a consent stays with a contact left
    // alone, and an account stays while a contact of it does.
    const revert = async (entity: 'account' | 'contact') => {
      const table = entity === 'account' ? 'accounts' : 'contacts';
      const mine = changes.filter((change) => change.entity === entity);
      const versions = await versionsOf(
        tx,
        actor.tenantId,
        table,
        mine.map((change) => change.entity_id),
      );
      const keep = (change: ChangeRow, why: Why) => {
        if (entity === 'contact') keptContacts.add(change.entity_id);
        leave(entity, change.entity_id, change.row_number, why);
      };
      const unchanged = mine.filter((change) => {
        const version = versions.get(change.entity_id);
        if (version === undefined) leave(entity, change.entity_id, change.row_number, because('undo.deletedSince'));
        else if (version !== change.version_after) keep(change, because('undo.editedSince'));
        return version === change.version_after;
      });
      const created = unchanged.filter((change) => change.change === 'created').map((change) => change.entity_id);
      const uses = await usesOf(tx, actor.tenantId, entity, created, id);
      const restricted =
        entity === 'contact'
          ? await restrictedAmong(
              tx,
              actor.tenantId,
              created.filter((contactId) => !uses.has(contactId)),
            )
          : new Set<string>();
      const deletions: string[] = [];
      for (const change of unchanged) {
        const entityId = change.entity_id;
        const version = change.version_after!;
        if (change.change === 'created') {
          const used = uses.get(entityId);
          if (used) {
            keep(change, because('undo.has', { use: used }));
            continue;
          }
          if (restricted.has(entityId)) {
            keep(change, because('undo.restricted'));
            continue;
          }
          deletions.push(entityId);
          entry('delete', entity, entityId);
        } else if (entity === 'contact') {
          const outcome = await updateContactIn(tx, actor.tenantId, entityId, version, change.before as ContactPatch);
          if (outcome.status !== 'ok') throw conflict('a contact changed during the undo; try again');
          entry('update', 'contact', entityId, outcome.fields);
        } else {
          await writeAccountFields(tx, actor.tenantId, entityId, version, change.before as Parameters<typeof writeAccountFields>[4]);
          entry('update', 'account', entityId, Object.keys(change.before ?? {}));
        }
        report.reverted += 1;
      }
      await deleteRows(tx, actor.tenantId, table, deletions);
    };

    await revert('contact');
    const consents = changes.filter((change) => change.entity === 'consent');
    const owners = await consentOwners(
      tx,
      actor.tenantId,
      consents.map((change) => change.entity_id),
    );
    const removedConsents: string[] = [];
    for (const change of consents) {
      const owner = owners.get(change.entity_id);
      // Gone already: deleted with its contact just now.
      if (owner === undefined) report.reverted += 1;
      else if (keptContacts.has(owner)) leave('consent', change.entity_id, change.row_number, because('undo.contactLeftAlone'));
      else {
        removedConsents.push(change.entity_id);
        report.reverted += 1;
      }
    }
    await deleteRows(tx, actor.tenantId, 'consents', removedConsents);
    report.reverted += await undoRevenue(tx, actor.tenantId, id, leave);
    report.reverted += await undoOpportunities(tx, actor, id, leave, audits);
    await revert('account');
    await writeAudits(tx, audits);
    await markUndone(tx, actor.tenantId, id, report);
  });
  return viewOf(db, actor.tenantId, await loadImport(db, actor, id), lang);
}

export async function importReport(db: Db, actor: Actor, id: string, lang: ReasonLanguage = 'en'): Promise<{ fileName: string; csv: string }> {
  const current = await loadImport(db, actor, id);
  const rows = await allRows(db, actor.tenantId, id);
  return {
    fileName: `${current.file_name.replace(/\.[^.]+$/, '')}-report.csv`,
    csv: renderReport(
      rows.map((row) => ({ view: rowView(row, lang), plan: row.plan as unknown as RowPlan })),
      lang,
      current.kind === 'revenue' || current.kind === 'opportunities',
    ),
  };
}
