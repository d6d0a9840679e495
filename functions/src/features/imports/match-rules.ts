// The proposed decision for every row of a mapped list, against the CRM's candidate records (found by the caller,
// later by SQL) and against the rows above it in the same file. Exact keys decide on their own; anything a person
// should judge (legal forms that differ, similar names, a domain that points elsewhere) is proposed as "review" with
// the candidates, their scores and the reason, and nothing is merged automatically on a fuzzy match.
import { normalizeEmail, type ImportField } from '@crm/common';
import { compareCompanies, parseCompanyName, type CompanyName } from './company-names';
import { comparePersons, parseEmail, parsePersonName, type PersonName } from './person-names';
import type { ImportCell } from './table';
import { SimilarNames, trigramCounts } from './similar-names';
import { setSimilarity } from './trigram';
import { detectNumberStyle, parseDecimal } from './values';
import { because, whyOf, type Why } from './reasons';

export interface ExistingAccount {
  id: string;
  name: string;
  customerNumber: string | null;
  domains: readonly string[];
}

export interface ExistingContact {
  id: string;
  firstName: string;
  lastName: string;
  emails: readonly string[];
  accountId: string | null;
}

export interface CrmCandidates {
  accounts: readonly ExistingAccount[];
  contacts: readonly ExistingContact[];
}

export interface MappedRow {
  row: number;
  values: Partial<Record<ImportField, ImportCell>>;
}

/** A record the row may be: one in the CRM (existingId) or the one an earlier row of the file makes (row). */
export interface Candidate {
  existingId: string | null;
  row: number | null;
  name: string;
  score: number;
  reason: string;
  reasonCode?: Why['reasonCode'];
  reasonParams?: Why['reasonParams'];
}

export type Decision = (
  | { action: 'create' }
  | { action: 'update'; existingId: string }
  | { action: 'merge'; intoRow: number }
  | { action: 'review'; candidates: Candidate[] }
  | { action: 'skip' }
  | { action: 'error'; field: ImportField | null }
) &
  Why;

export interface RowDecision {
  row: number;
  /** Null when the row has no company part, or no person part. */
  account: Decision | null;
  contact: Decision | null;
}

const MAX_CANDIDATES = 5;

const text = (cell: ImportCell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

export const numberKey = (customerNumber: string): string => customerNumber.replace(/\s+/g, '').toLowerCase();
const sameNumber = (a: string, b: string) => numberKey(a) === numberKey(b);
/** Exact matches are looked up, not scanned: the same folded name and the same legal form. */
const nameKey = (name: CompanyName) => `${name.key}\u0000${name.legalForm ?? ''}`;
const identityKey = (identity: AccountIdentity) => ('existingId' in identity ? `crm:${identity.existingId}` : `row:${identity.row}`);

function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const key of keysOf(item)) pushTo(groups, key, item);
  return groups;
}

type AccountIdentity = { existingId: string } | { row: number };

interface FileAccount {
  row: number;
  name: CompanyName | null;
  customerNumber: string;
  identity: AccountIdentity | null;
}

interface FileContact {
  row: number;
  email: string | null;
  person: PersonName;
}

export function decideRows(rows: readonly MappedRow[], crm: CrmCandidates): RowDecision[] {
  const revenueStyle = detectNumberStyle(rows.map((row) => row.values['account.revenue'] ?? null));
  const accounts = crm.accounts.map((account) => ({ account, name: parseCompanyName(account.name) }));
  const crmByNumber = groupBy(accounts, ({ account }) => (account.customerNumber ? [numberKey(account.customerNumber)] : []));
  const crmByName = groupBy(accounts, ({ name }) => [nameKey(name)]);
  // The trigrams of every name the similarity indexes will hold or be asked about: their order (rarest first).
  const fileNames = rows.flatMap(({ values }) =>
    text(values['account.name']) ? [parseCompanyName(text(values['account.name']), text(values['account.legalForm']) || null).trigrams] : [],
  );
  const counts = trigramCounts([...accounts.map(({ name }) => name.trigrams), ...fileNames]);
  // Positions in accounts, so the candidates come in the order the CRM gave them whichever index found them.
  const crmSimilar = new SimilarNames<number>(counts);
  accounts.forEach(({ name }, i) => crmSimilar.add(name, i));
  const crmByDomain = new Map<string, number[]>();
  accounts.forEach(({ account }, i) => new Set(account.domains).forEach((domain) => pushTo(crmByDomain, domain, i)));
  const crmContactsByEmail = groupBy(crm.contacts, (contact) => [...new Set(contact.emails.map(normalizeEmail))]);
  const crmContactsByAccount = groupBy(crm.contacts, (contact) => (contact.accountId ? [identityKey({ existingId: contact.accountId })] : []));
  // The rows above that stand for a record of their own (not merged, not errors): all of them for the similarity
  // scan, the first per key for the exact lookups.
  const fileSimilar = new SimilarNames<FileAccount>(counts);
  const fileByNumber = new Map<string, FileAccount>();
  const fileByName = new Map<string, FileAccount>();
  const fileContactsByEmail = new Map<string, FileContact>();
  const fileContactsByAccount = new Map<string, FileContact[]>();

  return rows.map(({ row, values }) => {
    const hasAccount = text(values['account.name']) !== '' || text(values['account.customerNumber']) !== '';
    const hasContact = (Object.keys(values) as ImportField[]).some((field) => field.startsWith('contact.') && text(values[field]) !== '');
    if (!hasAccount && !hasContact) {
      const skip: Decision = { action: 'skip', ...because('row.empty') };
      return { row, account: skip, contact: null };
    }
    const email = text(values['contact.email']) ? parseEmail(text(values['contact.email'])) : null;
    const account = hasAccount ? decideAccount(row, values, email?.ok ? email.domain : null) : null;
    const contact = hasContact ? decideContact(row, values, email, account) : null;
    return { row, account: account?.decision ?? null, contact };
  });

  function decideAccount(row: number, values: MappedRow['values'], domain: string | null): { decision: Decision; identity: AccountIdentity | null } {
    const revenue = values['account.revenue'];
    if (revenue !== undefined && revenue !== null) {
      const parsed = parseDecimal(revenue, revenueStyle === 'mixed' ? null : revenueStyle);
      if (!parsed.ok) return { decision: { action: 'error', field: 'account.revenue', ...whyOf(parsed) }, identity: null };
    }
    const nameText = text(values['account.name']);
    const name = nameText ? parseCompanyName(nameText, text(values['account.legalForm']) || null) : null;
    const customerNumber = text(values['account.customerNumber']);
    const remember = (decision: Decision, identity: AccountIdentity | null) => {
      if (decision.action !== 'merge' && decision.action !== 'error') {
        const file: FileAccount = { row, name, customerNumber, identity };
        if (name) fileSimilar.add(name, file);
        if (customerNumber && !fileByNumber.has(numberKey(customerNumber))) fileByNumber.set(numberKey(customerNumber), file);
        if (name && !fileByName.has(nameKey(name))) fileByName.set(nameKey(name), file);
      }
      return { decision, identity };
    };
    const legalFormsApart = (other: CompanyName | null) => (name && other ? compareCompanies(name, other) : null);

    if (customerNumber) {
      const earlier = fileByNumber.get(numberKey(customerNumber));
      if (earlier) {
        const comparison = legalFormsApart(earlier.name);
        if (comparison?.kind === 'legal_form_differs')
          return remember(
            review(because('account.numberAsRowButDiffers', { customerNumber, row: earlier.row, detail: comparison }), [
              fileCandidate(earlier, comparison.score, comparison),
            ]),
            null,
          );
        return { decision: { action: 'merge', intoRow: earlier.row, ...because('account.sameNumberAsRow', { row: earlier.row }) }, identity: earlier.identity };
      }
      const matches = crmByNumber.get(numberKey(customerNumber)) ?? [];
      if (matches.length > 1)
        return remember(
          review(
            because('account.numberInManyAccounts', { count: matches.length, customerNumber }),
            matches.map(({ account }) => crmCandidate(account, 1, because('account.sameNumber'))),
          ),
          null,
        );
      const [match] = matches;
      if (match) {
        const comparison = legalFormsApart(match.name);
        if (comparison?.kind === 'legal_form_differs')
          return remember(
            review(because('account.numberMatchesButDiffers', { customerNumber, detail: comparison }), [crmCandidate(match.account, 1, comparison)]),
            null,
          );
        const renamed = comparison && comparison.kind !== 'same';
        const why = renamed ? because('account.sameNumberRenamed', { name: match.account.name }) : because('account.sameNumber');
        return remember({ action: 'update', existingId: match.account.id, ...why }, { existingId: match.account.id });
      }
    }
    if (!name)
      return {
        decision: { action: 'error', field: 'account.name', ...because('account.noNameUnknownNumber', { customerNumber }) },
        identity: null,
      };

    const numbersDiffer = (other: string | null) => Boolean(customerNumber && other && !sameNumber(customerNumber, other));
    const earlierSame = fileByName.get(nameKey(name));
    if (earlierSame) {
      if (numbersDiffer(earlierSame.customerNumber))
        return remember(
          review(because('account.sameNameAsRowOtherNumber', { row: earlierSame.row }), [fileCandidate(earlierSame, 1, because('name.same'))]),
          null,
        );
      return {
        decision: { action: 'merge', intoRow: earlierSame.row, ...because('account.sameAsRow', { row: earlierSame.row }) },
        identity: earlierSame.identity,
      };
    }
    const sameInCrm = crmByName.get(nameKey(name)) ?? [];
    if (sameInCrm.length > 1)
      return remember(
        review(
          because('account.nameInManyAccounts', { count: sameInCrm.length }),
          sameInCrm.map(({ account }) => crmCandidate(account, 1, because('name.same'))),
        ),
        null,
      );
    const [same] = sameInCrm;
    if (same) {
      if (numbersDiffer(same.account.customerNumber))
        return remember(review(because('account.sameNameOtherNumber'), [crmCandidate(same.account, 1, because('name.same'))]), null);
      return remember({ action: 'update', existingId: same.account.id, ...because('account.sameNameAndForm') }, { existingId: same.account.id });
    }

    const similar = [
      ...fileSimilar.near(name).flatMap((file) => {
        const comparison = file.name ? compareCompanies(name, file.name) : null;
        return comparison && comparison.kind !== 'different' && comparison.kind !== 'same' ? [fileCandidate(file, comparison.score, comparison)] : [];
      }),
      ...[...new Set([...crmSimilar.near(name), ...(domain ? (crmByDomain.get(domain) ?? []) : [])])]
        .sort((a, b) => a - b)
        .flatMap((i) => {
          const { account, name: other } = accounts[i]!;
          const comparison = compareCompanies(name, other);
          const ownsDomain = domain !== null && account.domains.includes(domain);
          if (comparison.kind === 'similar' || comparison.kind === 'legal_form_differs') {
            return [crmCandidate(account, comparison.score, ownsDomain ? because('account.domainToo', { detail: comparison, domain }) : comparison)];
          }
          // A name unlike the row's is still a candidate when the row's email domain is registered on that account.
          return ownsDomain ? [crmCandidate(account, setSimilarity(name.trigrams, other.trigrams), because('account.domain', { domain }))] : [];
        }),
    ].sort((a, b) => b.score - a.score);
    if (similar.length > 0) {
      return remember(review(because('account.possibleMatches', { count: similar.length }), similar.slice(0, MAX_CANDIDATES)), null);
    }
    return remember({ action: 'create', ...because('account.noMatch') }, { row });
  }

  function decideContact(
    row: number,
    values: MappedRow['values'],
    email: ReturnType<typeof parseEmail> | null,
    account: { decision: Decision; identity: AccountIdentity | null } | null,
  ): Decision {
    if (email && !email.ok) return { action: 'error', field: 'contact.email', ...whyOf(email) };
    const address = email?.ok ? email.email : null;
    const person = parsePersonName(text(values['contact.firstName']), text(values['contact.lastName']));
    if (!person.lastKey && !address) return { action: 'error', field: 'contact.lastName', ...because('contact.needsNameOrEmail') };
    const identity = account?.identity ?? null;
    const remember = (decision: Decision) => {
      if (decision.action !== 'merge' && decision.action !== 'error') {
        const file: FileContact = { row, email: address, person };
        if (address && !fileContactsByEmail.has(address)) fileContactsByEmail.set(address, file);
        if (identity) pushTo(fileContactsByAccount, identityKey(identity), file);
      }
      return decision;
    };

    if (address) {
      const earlier = fileContactsByEmail.get(address);
      if (earlier) return { action: 'merge', intoRow: earlier.row, ...because('contact.sameEmailAsRow', { row: earlier.row }) };
      const matches = crmContactsByEmail.get(address) ?? [];
      if (matches.length > 1)
        return remember(
          review(
            because('contact.emailInManyContacts', { count: matches.length }),
            matches.map((contact) => contactCandidate(contact, 1, because('contact.sameEmailCandidate'))),
          ),
        );
      const [match] = matches;
      if (match) return remember({ action: 'update', existingId: match.id, ...because('contact.sameEmail') });
    }
    if (person.lastKey && identity) {
      const emailsConflict = (other: string | null | readonly string[]) => {
        const known = other === null ? [] : typeof other === 'string' ? [other] : other.map(normalizeEmail);
        return address !== null && known.length > 0 && !known.includes(address);
      };
      const candidates: Candidate[] = [];
      for (const file of fileContactsByAccount.get(identityKey(identity)) ?? []) {
        const comparison = comparePersons(person, file.person);
        if (comparison.kind === 'same' && !emailsConflict(file.email))
          return { action: 'merge', intoRow: file.row, ...because('contact.samePersonAsRow', { row: file.row }) };
        if (comparison.kind !== 'different')
          candidates.push({
            existingId: null,
            row: file.row,
            name: `${file.person.firstName} ${file.person.lastName}`.trim(),
            score: comparison.kind === 'same' ? 1 : comparison.score,
            ...whyOf(comparison.kind === 'same' ? because('contact.sameNameInFileOtherEmail') : comparison),
          });
      }
      if ('existingId' in identity) {
        for (const contact of crmContactsByAccount.get(identityKey(identity)) ?? []) {
          const comparison = comparePersons(person, parsePersonName(contact.firstName, contact.lastName));
          if (comparison.kind === 'same' && !emailsConflict(contact.emails))
            return remember({ action: 'update', existingId: contact.id, ...because('contact.sameNameAtAccount') });
          if (comparison.kind !== 'different')
            candidates.push(
              contactCandidate(
                contact,
                comparison.kind === 'same' ? 1 : comparison.score,
                comparison.kind === 'same' ? because('contact.sameNameAtAccountOtherEmail') : comparison,
              ),
            );
        }
      }
      if (candidates.length > 0)
        return remember(review(because('contact.possibleMatch'), candidates.sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES)));
    }
    return remember({ action: 'create', ...because(address ? 'contact.noMatchByEmail' : 'contact.noMatchByName') });
  }
}

const review = (why: Why, candidates: Candidate[]): Decision => ({ action: 'review', ...whyOf(why), candidates });
const crmCandidate = (account: ExistingAccount, score: number, why: Why): Candidate => ({
  existingId: account.id,
  row: null,
  name: account.name,
  score,
  ...whyOf(why),
});
const fileCandidate = (file: FileAccount, score: number, why: Why): Candidate => ({
  existingId: null,
  row: file.row,
  name: file.name?.text ?? file.customerNumber,
  score,
  ...whyOf(why),
});
const contactCandidate = (contact: ExistingContact, score: number, why: Why): Candidate => ({
  existingId: contact.id,
  row: null,
  name: `${contact.firstName} ${contact.lastName}`.trim(),
  score,
  ...whyOf(why),
});

export type DecisionSummary = Record<'account' | 'contact', Record<Decision['action'], number>>;

export function summarize(decisions: readonly RowDecision[]): DecisionSummary {
  const empty = (): Record<Decision['action'], number> => ({ create: 0, update: 0, merge: 0, review: 0, skip: 0, error: 0 });
  const summary: DecisionSummary = { account: empty(), contact: empty() };
  for (const decision of decisions) {
    if (decision.account) summary.account[decision.account.action] += 1;
    if (decision.contact) summary.contact[decision.contact.action] += 1;
  }
  return summary;
}
