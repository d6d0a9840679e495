// Rows of an opportunity list: the stage as lists write it (the tenant's stage model in German or English, or won /
// lost), the amount, the close date, the owner, the currency and the product line, and the decision per row once its account is known.
// A row never creates an account; the opportunity with the row's external id (the ERP's number), else one of the account
// with the same name, is the one the row updates, and a second row for the same number, or for the same account and name
// without a number, is an error on the later one.
import type { ImportDecision, Stage } from '@crm/common';
import { foldText } from './folding';
import { because, whyOf, type Why } from './reasons';
import type { StoredValue, StoredValues } from './record-plan';
import type { AccountFound } from './revenue-rows';
import { parseDate, parseDecimal, type DateOrder, type NumberStyle } from './values';

export type OpportunityStatus = 'open' | 'won' | 'lost';
export interface StageRead {
  /** Null for won / lost: the stage stays the stored one (a new opportunity takes the model's last stage). */
  stage: string | null;
  status: OpportunityStatus;
}

const text = (value: StoredValue | undefined) => (value === null || value === undefined ? '' : String(value).trim());

const WON = ['gewonnen', 'won', 'closed won', 'auftrag', 'auftrag erteilt', 'beauftragt', 'abgeschlossen gewonnen'];
const LOST = ['verloren', 'lost', 'closed lost', 'abgesagt', 'absage', 'abgeschlossen verloren'];
/** How lists name the default model's stages besides their labels; used only while the tenant has that key. */
const STAGE_WORDS: Record<string, readonly string[]> = {
  lead: ['neu', 'new', 'interessent', 'prospect', 'erstkontakt'],
  qualified: ['qualifizierung', 'qualifiziert', 'qualification'],
  proposal: ['angebot erstellt', 'angebot versendet', 'angebot verschickt', 'quote', 'quotation', 'proposal sent'],
  negotiation: ['in verhandlung', 'verhandlung', 'negotiating', 'negotiation review'],
  commit: ['abschluss in sicht', 'kurz vor abschluss', 'commit', 'closing'],
};

/** The stage model's names, folded: the key, both labels and the usual words for the default stages. */
export function stageNames(stages: readonly Stage[]): Map<string, StageRead> {
  const names = new Map<string, StageRead>();
  const add = (name: string, read: StageRead) => {
    const key = foldText(name);
    if (key && !names.has(key)) names.set(key, read);
  };
  for (const stage of stages)
    for (const name of [stage.key.replace(/_/g, ' '), stage.label.de, stage.label.en]) add(name, { stage: stage.key, status: 'open' });
  for (const stage of stages) for (const name of STAGE_WORDS[stage.key] ?? []) add(name, { stage: stage.key, status: 'open' });
  for (const name of WON) add(name, { stage: null, status: 'won' });
  for (const name of LOST) add(name, { stage: null, status: 'lost' });
  return names;
}

export interface OpportunityValues {
  name: string;
  /** Null where the row's cell is blank: a new opportunity takes the default, an update keeps what is stored. */
  stage: StageRead | null;
  amount: string | null;
  closeDate: string | null;
  ownerEmail: string | null;
  currency: string | null;
  productLine: string | null;
  externalId: string | null;
}

export type ValuesResult = { ok: true; value: OpportunityValues } | { ok: false; field: string; why: Why };

export interface OpportunityStyles {
  amount: NumberStyle | null;
  closeDate: DateOrder | null;
}

const fail = (field: string, why: Why): ValuesResult => ({ ok: false, field, why });

/** The row's values, or the first that is missing or wrong (field and reason). */
export function readOpportunity(
  values: StoredValues,
  styles: OpportunityStyles,
  stages: ReadonlyMap<string, StageRead>,
  stageList: readonly Stage[],
): ValuesResult {
  const name = text(values['opportunity.name']);
  if (name === '') return fail('opportunity.name', because('opportunity.nameMissing'));
  if (name.length > 200) return fail('opportunity.name', because('opportunity.nameTooLong'));
  let stage: StageRead | null = null;
  const stageText = text(values['opportunity.stage']);
  if (stageText !== '') {
    stage = stages.get(foldText(stageText)) ?? null;
    if (!stage)
      return fail('opportunity.stage', because('opportunity.stageUnknown', { value: stageText, stages: stageList.map((s) => s.label.de).join(', ') }));
  }
  let amount: string | null = null;
  const amountText = text(values['opportunity.amount']);
  if (amountText !== '') {
    const parsed = parseDecimal(values['opportunity.amount'] ?? null, styles.amount);
    if (!parsed.ok) return fail('opportunity.amount', whyOf(parsed));
    if (parsed.value.startsWith('-')) return fail('opportunity.amount', because('opportunity.amountNegative', { value: amountText }));
    // numeric(14,2): twelve digits before the point, two after.
    const [whole = '', fraction = ''] = parsed.value.split('.');
    if (whole.length > 12 || fraction.replace(/0+$/, '').length > 2) return fail('opportunity.amount', because('revenue.tooPrecise', { value: amountText }));
    amount = parsed.value;
  }
  let closeDate: string | null = null;
  if (text(values['opportunity.closeDate']) !== '') {
    const parsed = parseDate(values['opportunity.closeDate'] ?? null, styles.closeDate);
    if (!parsed.ok) return fail('opportunity.closeDate', whyOf(parsed));
    closeDate = parsed.value;
  }
  const ownerEmail =
    text(values['opportunity.owner'])
      .replace(/^mailto:/i, '')
      .toLowerCase() || null;
  if (ownerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ownerEmail))
    return fail('opportunity.owner', because('opportunity.ownerNotEmail', { value: text(values['opportunity.owner']) }));
  const currencyText = text(values['opportunity.currency']).toUpperCase().replace('€', 'EUR');
  if (currencyText !== '' && !/^[A-Z]{3}$/.test(currencyText))
    return fail('opportunity.currency', because('opportunity.currencyInvalid', { value: currencyText }));
  const productLine = text(values['opportunity.productLine']) || null;
  if (productLine && productLine.length > 100) return fail('opportunity.productLine', because('opportunity.productLineTooLong'));
  const externalId = text(values['opportunity.externalId']) || null;
  if (externalId && externalId.length > 100) return fail('opportunity.externalId', because('opportunity.numberTooLong', { value: externalId.slice(0, 20) }));
  return { ok: true, value: { name, stage, amount, closeDate, ownerEmail, currency: currencyText || null, productLine, externalId } };
}

/** What the CRM has: an opportunity of one of the list's accounts. */
export interface StoredOpportunity {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  amount: string;
  currency: string;
  closeDate: string | null;
  ownerId: string | null;
  productLine: string | null;
  status: OpportunityStatus;
  externalId: string | null;
  version: number;
}

/** The fields an opportunity row writes: all of them for a new one, the changed ones for an update. */
export interface OpportunityFields {
  name?: string;
  stage?: string;
  probability?: number;
  status?: OpportunityStatus;
  amount?: string;
  currency?: string;
  closeDate?: string | null;
  ownerId?: string | null;
  productLine?: string | null;
  externalId?: string | null;
}

export interface OpportunityRowPlan {
  accountId: string;
  accountName: string;
  /** The opportunity updated, with the version the preview saw; null for a new one. */
  existingId: string | null;
  fields: OpportunityFields;
}

export interface OpportunityContext {
  stages: readonly Stage[];
  defaultCurrency: string;
  /** The importing user: the owner of a new opportunity whose row names none, as when it is created in the CRM. */
  importer: string;
  /** Users by lower-cased email address. */
  users: ReadonlyMap<string, { id: string; email: string }>;
  /** User emails by id, to name the stored owner in a change. */
  userEmails: ReadonlyMap<string, string>;
}

const sameAmount = (a: string, b: string) => Number(a) === Number(b);
export const opportunityKey = (accountId: string, name: string) => `${accountId}\u0000${foldText(name)}`;
const stageParam = (stages: readonly Stage[], key: string) => {
  const stage = stages.find((s) => s.key === key);
  return because('opportunity.stageName', { de: stage?.label.de ?? key, en: stage?.label.en ?? key });
};

/**
 * The decision of every row once its account is known, in file order: error (account, values, an unknown owner, the
 * same number as an earlier row, or without a number the same account and name, a number another account's opportunity
 * has, several stored opportunities of that name), create, update with what changes (old -> new), or skip when the CRM
 * has the same values already, so the same list again changes nothing. A row with a number finds its opportunity by the
 * number first (its name may have changed), else by the name among the account's opportunities without a number,
 * which then takes the row's.
 */
export function decideOpportunityRows(
  rows: readonly { row: number; account: AccountFound; values: ValuesResult }[],
  stored: readonly StoredOpportunity[],
  context: OpportunityContext,
): { decision: ImportDecision; plan: OpportunityRowPlan | null }[] {
  const byKey = new Map<string, StoredOpportunity[]>();
  for (const opportunity of stored) {
    const key = opportunityKey(opportunity.accountId, opportunity.name);
    byKey.set(key, [...(byKey.get(key) ?? []), opportunity]);
  }
  const byNumber = new Map(stored.flatMap((opportunity) => (opportunity.externalId ? [[opportunity.externalId, opportunity] as const] : [])));
  const seen = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  /** Stored opportunities an earlier row updates: a later row with another number is another deal. */
  const claimed = new Set<string>();
  const probability = (key: string) => context.stages.find((s) => s.key === key)?.probability ?? 0;
  return rows.map(({ row, account, values }) => {
    const error = (field: string, why: Why) => ({ decision: { action: 'error' as const, field, ...whyOf(why) }, plan: null });
    if (!account.ok) return error(account.field, account.why);
    if (!values.ok) return error(values.field, values.why);
    const value = values.value;
    let ownerId: string | null | undefined;
    if (value.ownerEmail) {
      const user = context.users.get(value.ownerEmail);
      if (!user) return error('opportunity.owner', because('opportunity.ownerUnknown', { value: value.ownerEmail }));
      ownerId = user.id;
    }
    const key = opportunityKey(account.id, value.name);
    const number = value.externalId;
    let current: StoredOpportunity | undefined;
    if (number) {
      const earlier = seenNumbers.get(number);
      if (earlier !== undefined) return error('opportunity.externalId', because('opportunity.sameNumberAsRow', { row: earlier, number }));
      seenNumbers.set(number, row);
      current = byNumber.get(number);
      if (current && current.accountId !== account.id)
        return error('opportunity.externalId', because('opportunity.numberOtherAccount', { number, name: current.name }));
    } else {
      const earlier = seen.get(key);
      if (earlier !== undefined) return error('opportunity.name', because('opportunity.sameAsRow', { row: earlier, name: value.name }));
    }
    seen.set(key, row);
    if (!current) {
      const matches = (byKey.get(key) ?? []).filter((opportunity) => !number || (!opportunity.externalId && !claimed.has(opportunity.id)));
      if (matches.length > 1)
        return error('opportunity.name', because('opportunity.nameInMany', { count: matches.length, name: value.name, account: account.name }));
      current = matches[0];
    }
    if (current) claimed.add(current.id);
    const base = { accountId: account.id, accountName: account.name };
    if (!current) {
      const lastStage = context.stages.at(-1)!.key;
      const stage = value.stage?.stage ?? (value.stage ? lastStage : context.stages[0]!.key);
      const fields: OpportunityFields = {
        name: value.name,
        stage,
        probability: probability(stage),
        status: value.stage?.status ?? 'open',
        amount: value.amount ?? '0',
        currency: value.currency ?? context.defaultCurrency,
        closeDate: value.closeDate,
        ownerId: ownerId ?? context.importer,
        productLine: value.productLine,
        externalId: number,
      };
      const why = because('opportunity.new', {
        name: value.name,
        account: account.name,
        stage: stageParam(context.stages, stage),
        amount: fields.amount!,
        ...(fields.status !== 'open' ? { status: fields.status! } : {}),
      });
      return { decision: { action: 'create' as const, ...why }, plan: { ...base, existingId: null, fields } };
    }
    // Only what the row says and the CRM holds otherwise changes; a blank cell keeps the stored value.
    const fields: OpportunityFields = {};
    const changes: Record<string, string | ReturnType<typeof because>> = {};
    if (opportunityKey(account.id, current.name) !== key) {
      fields.name = value.name;
      changes.nameFrom = current.name;
      changes.nameTo = value.name;
    }
    if (number && current.externalId !== number) {
      fields.externalId = number;
      changes.numberFrom = current.externalId ?? '';
      changes.numberTo = number;
    }
    if (value.stage?.stage && value.stage.stage !== current.stage) {
      fields.stage = value.stage.stage;
      fields.probability = probability(value.stage.stage);
      changes.stageFrom = stageParam(context.stages, current.stage);
      changes.stageTo = stageParam(context.stages, value.stage.stage);
    }
    if (value.stage && value.stage.status !== current.status) {
      fields.status = value.stage.status;
      changes.statusFrom = current.status;
      changes.statusTo = value.stage.status;
    }
    if (value.amount !== null && !sameAmount(value.amount, current.amount)) {
      fields.amount = value.amount;
      changes.amountFrom = current.amount;
      changes.amountTo = value.amount;
    }
    if (value.currency && value.currency !== current.currency) {
      fields.currency = value.currency;
      changes.currencyFrom = current.currency;
      changes.currencyTo = value.currency;
    }
    if (value.closeDate && value.closeDate !== current.closeDate) {
      fields.closeDate = value.closeDate;
      changes.closeFrom = current.closeDate ?? '';
      changes.closeTo = value.closeDate;
    }
    if (ownerId && ownerId !== current.ownerId) {
      fields.ownerId = ownerId;
      changes.ownerFrom = (current.ownerId && context.userEmails.get(current.ownerId)) ?? '';
      changes.ownerTo = value.ownerEmail!;
    }
    if (value.productLine && value.productLine !== current.productLine) {
      fields.productLine = value.productLine;
      changes.productLineFrom = current.productLine ?? '';
      changes.productLineTo = value.productLine;
    }
    const plan = { ...base, existingId: current.id, fields };
    if (Object.keys(fields).length === 0)
      return {
        decision: { action: 'skip' as const, existingId: current.id, ...because('opportunity.same', { name: value.name, account: account.name }) },
        plan,
      };
    const why = because('opportunity.changes', { name: value.name, account: account.name, ...changes });
    return { decision: { action: 'update' as const, existingId: current.id, ...why }, plan };
  });
}
