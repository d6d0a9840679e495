// Import benchmark: a German Excel-style list of contact rows for many companies, a tenth of them planted duplicates of
// CRM records or of earlier rows, into a seeded tenant on a PostgreSQL server: preview, commit and undo times, peak
// memory, the share of planted duplicates found and the false merges, next to the seeding of the same records.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../functions/src/core/actor';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { changeImport, commitImport, undoImport, uploadImport } from '../../functions/src/features/imports/service';
import { seedScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startPgCluster } from '../../test/support/pg-cluster';
import { SCALES, type Scale } from './api-suite';
import { ratio } from './stats';
import { profiledDb, type StatementFigures } from './statement-profile';

/** Rows and companies of the list per scale; the large one is the issue's 100,000 rows for 20,000 companies. */
export const IMPORT_SIZES: Record<Scale, { rows: number; companies: number }> = {
  small: { rows: 10_000, companies: 2_000 },
  large: { rows: 100_000, companies: 20_000 },
};
// What duplicate detection reads is accounts, their domains and contacts with their emails: the large tenant is seeded
// with those in full and a tenth of its interactions.
const INTERACTIONS_SEEDED: Record<Scale, number> = { small: SCALES.small.interactions, large: 100_000 };

type Kind = 'unique' | 'crmByEmail' | 'crmByName' | 'fileByEmail' | 'fileByName';
/** Shares of the rows: a tenth planted duplicates (of CRM contacts, and of earlier rows), the rest new people. */
const PLANTED: Record<Exclude<Kind, 'unique'>, number> = { crmByEmail: 0.04, crmByName: 0.01, fileByEmail: 0.03, fileByName: 0.02 };
/** Of the companies a tenth are CRM accounts (the planted CRM duplicates' companies), the rest new. */
const CRM_COMPANY_SHARE = 0.1;
/** New companies that come in pairs differing only in legal form: different legal entities, never to be merged. */
const LEGAL_FORM_PAIR_SHARE = 0.05;

const FORMS = ['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.', 'OHG', 'UG (haftungsbeschränkt)', 'SE', 'GmbH', 'GmbH'];
const FIRST = [
  'Jürgen',
  'Müge',
  'Sören',
  'Björn',
  'Jörg',
  'Anna',
  'Lena',
  'Paul',
  'Max',
  'Sophie',
  'Günther',
  'Käthe',
  'Lukas',
  'Hannah',
  'Felix',
  'Jonas',
  'Marie',
  'Özlem',
  'Uwe',
  'Ines',
];
const LAST = [
  'Müller',
  'Schäfer',
  'Weiß',
  'Groß',
  'Köhler',
  'Bäcker',
  'Schmidt',
  'Wagner',
  'Hoffmann',
  'Krüger',
  'Fuchs',
  'Böhm',
  'Lange',
  'Jäger',
  'Vogel',
  'Peters',
  'Hahn',
  'Roß',
  'Öztürk',
  'Brandt',
];
const CITIES = ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Würzburg', 'Lübeck', 'Göttingen', 'Saarbrücken', 'Osnabrück', 'Gießen'];

const CONSONANTS = 'bdfghklmnprstvwz';
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'ei', 'au'];
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const hash = (n: number, k: number) => {
  let x = (n * 2654435761 + k * 40503) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 2246822519) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
};
// Made-up words of consonant-vowel syllables: names as unlike each other as a real list's, so that the reviews the
// preview proposes come from the planted duplicates and a few chance likenesses (about 1.5 % of new companies).
const word = (n: number, k: number, syllables: number) =>
  capital(
    Array.from({ length: syllables }, (_, i) => CONSONANTS[hash(n, k * 10 + i) % CONSONANTS.length]! + VOWELS[hash(n, k * 10 + i + 5) % VOWELS.length]!).join(
      '',
    ) + CONSONANTS[hash(n, k + 99) % CONSONANTS.length]!,
  );
/** How lists spell the same name differently: umlauts transcribed, ß as ss, upper case. */
const transcribe = (text: string) =>
  text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
/** A typo: a letter in the middle doubled. */
const typo = (text: string) => {
  const at = Math.max(1, Math.floor(text.length / 2));
  return text.slice(0, at) + text.charAt(at) + text.slice(at);
};

interface PlannedRow {
  kind: Kind;
  company: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Who the row really is: crm:<contact id> or person:<n>; and its company: crm:<account id> or company:<n>. */
  person: string;
  account: string;
  /** Planted duplicates whose company name carries a typo: their account can only be a review. */
  companyTypo: boolean;
}

interface CrmPerson {
  contact_id: string;
  first_name: string;
  last_name: string;
  email: string;
  account_id: string;
  account_name: string;
}

/** The list, deterministic: unique rows first spread over the new companies, planted duplicates interleaved after. */
export function planRows(size: { rows: number; companies: number }, crm: readonly CrmPerson[]): PlannedRow[] {
  const crmCompanies = Math.round(size.companies * CRM_COMPANY_SHARE);
  const newCompanies = size.companies - crmCompanies;
  const pairs = Math.round(newCompanies * LEGAL_FORM_PAIR_SHARE);
  const company = (c: number) => {
    // Company c and c + 1 of the first pairs * 2 share their name and differ in legal form.
    const n = c < pairs * 2 ? Math.floor(c / 2) : c;
    const base = `${word(n, 1, 2)} ${word(n, 2, 3)}${n % 4 === 0 ? ' Logistik' : n % 4 === 1 ? ' Metallbau' : ''}`;
    const form = c < pairs * 2 ? (c % 2 === 0 ? 'GmbH' : 'AG') : FORMS[c % FORMS.length]!;
    return {
      name: `${base} ${form}`,
      domain: `${transcribe(base)
        .toLowerCase()
        .replace(/[^a-z]/g, '')}${c}.example`,
    };
  };
  const crmByAccount = new Map<string, CrmPerson[]>();
  for (const person of crm) crmByAccount.set(person.account_id, [...(crmByAccount.get(person.account_id) ?? []), person]);
  const crmAccounts = [...crmByAccount.values()].slice(0, crmCompanies);
  const crmPeople = crmAccounts.flatMap((people) => people);

  const counts = Object.fromEntries(Object.entries(PLANTED).map(([kind, share]) => [kind, Math.round(size.rows * share)])) as Record<
    Exclude<Kind, 'unique'>,
    number
  >;
  const uniqueCount = size.rows - Object.values(counts).reduce((a, b) => a + b, 0);
  const rows: PlannedRow[] = [];
  for (let n = 0; n < uniqueCount; n++) {
    const c = n % newCompanies;
    const m = Math.floor(n / newCompanies);
    const { name, domain } = company(c);
    const firstName = FIRST[(c + m * 7) % FIRST.length]!;
    const lastName = LAST[(c * 3 + m) % LAST.length]!;
    const email = `${transcribe(firstName).toLowerCase()}.${transcribe(lastName).toLowerCase()}${m}@${domain}`;
    rows.push({ kind: 'unique', company: name, firstName, lastName, email, person: `person:${n}`, account: `company:${c}`, companyTypo: false });
  }
  const planted: PlannedRow[] = [];
  // Duplicates of earlier rows copy one of the first half and are spread over the second half, after their originals.
  const half = Math.floor(rows.length / 2);
  const crmRow = (person: CrmPerson, kind: Kind, withEmail: boolean, i: number): PlannedRow => ({
    kind,
    company: i % 2 === 0 ? transcribe(person.account_name) : person.account_name.toUpperCase(),
    firstName: transcribe(person.first_name),
    lastName: i % 3 === 0 ? person.last_name.toUpperCase() : transcribe(person.last_name),
    email: withEmail ? person.email.toUpperCase() : '',
    person: `crm:${person.contact_id}`,
    account: `crm:${person.account_id}`,
    companyTypo: false,
  });
  // Spread over all the CRM companies taken, so each of them is in the list.
  const spread = (i: number, count: number, offset: number) => crmPeople[(Math.floor((i * crmPeople.length) / count) + offset) % crmPeople.length]!;
  for (let i = 0; i < counts.crmByEmail; i++) planted.push(crmRow(spread(i, counts.crmByEmail, 0), 'crmByEmail', true, i));
  for (let i = 0; i < counts.crmByName; i++) planted.push(crmRow(spread(i, counts.crmByName, 1), 'crmByName', false, i));
  for (let i = 0; i < counts.fileByEmail; i++) {
    const original = rows[(i * 7919) % half]!;
    const companyTypo = i % 3 === 0;
    planted.push({
      ...original,
      kind: 'fileByEmail',
      email: original.email.toUpperCase(),
      company: companyTypo ? typo(original.company) : transcribe(original.company),
      companyTypo,
    });
  }
  for (let i = 0; i < counts.fileByName; i++) {
    const original = rows[(i * 6007 + 13) % half]!;
    planted.push({ ...original, kind: 'fileByName', email: '', firstName: transcribe(original.firstName), lastName: transcribe(original.lastName) });
  }
  // Spread the planted rows over the list after their originals, as duplicates turn up in real lists.
  const out: PlannedRow[] = [];
  const every = Math.max(1, Math.floor((rows.length - half) / planted.length));
  rows.forEach((row, n) => {
    out.push(row);
    if (n >= half && (n - half) % every === every - 1 && planted.length > 0) out.push(planted.shift()!);
  });
  out.push(...planted);
  return out;
}

function csvOf(rows: readonly PlannedRow[]): Uint8Array {
  const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ['Firma;Vorname;Nachname;E-Mail;Telefon;Ort'];
  rows.forEach((row, n) =>
    lines.push([row.company, row.firstName, row.lastName, row.email, `+49 89 ${1_000_000 + n}`, CITIES[n % CITIES.length]!].map(cell).join(';')),
  );
  // Excel's "CSV UTF-8": byte-order mark, semicolons, CRLF.
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

interface Proposed {
  action: string;
  existingId?: string;
  intoRow?: number;
  candidates?: { existingId: string | null; row: number | null }[];
}

export interface ImportResults {
  scale: Scale;
  rows: number;
  companies: number;
  fileBytes: number;
  seed: { seconds: number; counts: Record<string, number> };
  previewSeconds: number;
  previewStatements: { cpuSeconds: number; dbSeconds: number; count: number; top: StatementFigures[] };
  decisions: { account: Record<string, number>; contact: Record<string, number> };
  planted: Record<string, { rows: number; found: number; asReview: number }>;
  falseMerges: { account: number; contact: number; examples: string[] };
  commit: { seconds: number; rowsPerSecond: number; created: Record<string, number> };
  /** The commit's statements: how many per row, and the ones that took the most time. */
  commitStatements: { perRow: number; msPerRow: number; top: StatementFigures[] };
  undoSeconds: number;
  undoReverted: number;
  peakRssMb: { seeding: number; preview: number; commit: number; undo: number };
}

/** The highest resident set size while fn runs, sampled every 50 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

export async function runImportSuite(scale: Scale, log: (line: string) => void): Promise<ImportResults> {
  const size = IMPORT_SIZES[scale];
  const cluster = await startPgCluster();
  try {
    await cluster.createDatabase('bench');
    const db = await openPostgres(cluster.url('bench'), { max: 8 });
    try {
      await migrate(db);
      const tenantId = randomUUID();
      const seeding = await withPeakRss(() => seedScaledTenant(db, { tenantId, ...SCALES[scale], interactions: INTERACTIONS_SEEDED[scale] }));
      await db.query('ANALYZE');
      log(`  seeded ${scale} tenant in ${seeding.seconds.toFixed(1)} s: ${JSON.stringify(seeding.value.counts)}`);

      const crm = await db.query<CrmPerson>(
        `SELECT c.id AS contact_id, c.first_name, c.last_name, min(e.email) AS email, a.id AS account_id, a.name AS account_name
           FROM contacts c JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
           JOIN contact_emails e ON e.tenant_id = c.tenant_id AND e.contact_id = c.id
          WHERE c.tenant_id = $1
          GROUP BY c.tenant_id, c.id, a.tenant_id, a.id ORDER BY a.id, c.id`,
        [tenantId],
      );
      const planned = planRows(size, crm);
      const bytes = csvOf(planned);
      const companies = new Set(planned.map((row) => row.account)).size;
      log(`  list: ${planned.length.toLocaleString('en')} rows, ${companies.toLocaleString('en')} companies, ${(bytes.length / 2 ** 20).toFixed(1)} MB`);
      const user = seeding.value.users[0]!;
      const actor: Actor = { tenantId, userId: user.id, displayName: user.displayName, roles: ['CRM.Manager'] };

      // Where the preview's time goes: this process's CPU against the time spent waiting for the database's statements.
      const previewProfile = profiledDb(db);
      const cpuBefore = process.cpuUsage();
      const preview = await withPeakRss(() => uploadImport(previewProfile.db, actor, { fileName: 'kundenliste.csv', readOptions: {}, bytes }));
      const cpu = process.cpuUsage(cpuBefore);
      const importId = preview.value.value.id;
      log(`  preview in ${preview.seconds.toFixed(1)} s, peak RSS ${preview.peakMb.toFixed(0)} MB: ${JSON.stringify(preview.value.value.summary)}`);
      const previewStatements = {
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        dbSeconds: previewProfile.total().ms / 1000,
        count: previewProfile.total().count,
        top: previewProfile.top(8),
      };
      log(
        `  preview: ${previewStatements.cpuSeconds.toFixed(1)} s of process CPU, ${previewStatements.dbSeconds.toFixed(1)} s in ${previewStatements.count} statements`,
      );

      // Row n of the list is row n + 2 of the file (the header is row 1).
      const truthOf = (rowNumber: number) => planned[rowNumber - 2]!;
      const stored = await db.query<{ row_number: number; proposal: { account: Proposed | null; contact: Proposed | null } }>(
        'SELECT row_number, proposal FROM import_rows WHERE tenant_id = $1 AND import_id = $2 ORDER BY row_number',
        [tenantId, importId],
      );
      const decisions = { account: {} as Record<string, number>, contact: {} as Record<string, number> };
      const planted: ImportResults['planted'] = {};
      const falseMerges: ImportResults['falseMerges'] = { account: 0, contact: 0, examples: [] };
      const identity = (part: 'account' | 'contact', row: PlannedRow) => (part === 'account' ? row.account : row.person);
      const pointsAt = (part: 'account' | 'contact', target: { existingId?: string | null; intoRow?: number | null; row?: number | null }) => {
        if (target.existingId) return `crm:${target.existingId}`;
        const row = target.intoRow ?? target.row;
        return row ? identity(part, truthOf(row)) : null;
      };
      for (const { row_number: rowNumber, proposal } of stored) {
        const truth = truthOf(rowNumber);
        for (const part of ['account', 'contact'] as const) {
          const decision = proposal[part];
          if (!decision) continue;
          decisions[part][decision.action] = (decisions[part][decision.action] ?? 0) + 1;
          if (decision.action === 'update' || decision.action === 'merge') {
            const target = pointsAt(part, decision);
            if (target !== identity(part, truth)) {
              falseMerges[part] += 1;
              if (falseMerges.examples.length < 5)
                falseMerges.examples.push(`row ${rowNumber} ${part}: ${decision.action} into ${target}, is ${identity(part, truth)}`);
            }
          }
        }
        if (truth.kind !== 'unique') {
          const entry = (planted[truth.kind] ??= { rows: 0, found: 0, asReview: 0 });
          entry.rows += 1;
          const decision = proposal.contact!;
          const want = truth.person;
          const exact = (decision.action === 'update' || decision.action === 'merge') && pointsAt('contact', decision) === want;
          const reviewed = decision.action === 'review' && (decision.candidates ?? []).some((candidate) => pointsAt('contact', candidate) === want);
          if (exact || reviewed) entry.found += 1;
          if (reviewed) entry.asReview += 1;
        }
      }
      log(`  decisions ${JSON.stringify(decisions)}; planted ${JSON.stringify(planted)}; false merges ${JSON.stringify(falseMerges)}`);

      const version = (await db.query<{ version: number }>('SELECT version FROM imports WHERE tenant_id = $1 AND id = $2', [tenantId, importId]))[0]!.version;
      await changeImport(db, actor, importId, version, { bulk: ['skipErrors', 'skipUndecided'] });
      const profile = profiledDb(db);
      const commit = await withPeakRss(() => commitImport(profile.db, actor, importId));
      if (!commit.value.done) throw new Error('the commit did not finish');
      const created = Object.fromEntries(
        (
          await db.query<{ entity: string; change: string; n: number }>(
            'SELECT entity, change, count(*)::int AS n FROM import_changes WHERE tenant_id = $1 AND import_id = $2 GROUP BY entity, change',
            [tenantId, importId],
          )
        ).map((r) => [`${r.entity} ${r.change}`, r.n]),
      );
      const rowsPerSecond = planned.length / commit.seconds;
      log(
        `  commit in ${commit.seconds.toFixed(1)} s (${rowsPerSecond.toFixed(0)} rows/s), peak RSS ${commit.peakMb.toFixed(0)} MB: ${JSON.stringify(created)}`,
      );

      const undo = await withPeakRss(() => undoImport(db, actor, importId));
      log(
        `  undo in ${undo.seconds.toFixed(1)} s, peak RSS ${undo.peakMb.toFixed(0)} MB: reverted ${undo.value.undo?.reverted}, left alone ${undo.value.undo?.leftAlone.length}`,
      );

      return {
        scale,
        rows: planned.length,
        companies,
        fileBytes: bytes.length,
        seed: { seconds: seeding.seconds, counts: seeding.value.counts as unknown as Record<string, number> },
        previewSeconds: preview.seconds,
        previewStatements,
        decisions,
        planted,
        falseMerges,
        commit: { seconds: commit.seconds, rowsPerSecond, created },
        commitStatements: { perRow: profile.total().count / planned.length, msPerRow: profile.total().ms / planned.length, top: profile.top(8) },
        undoSeconds: undo.seconds,
        undoReverted: undo.value.undo?.reverted ?? 0,
        peakRssMb: { seeding: seeding.peakMb, preview: preview.peakMb, commit: commit.peakMb, undo: undo.peakMb },
      };
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
}

export function importReport(r: ImportResults): string[] {
  const seedRate = Object.values(r.seed.counts).reduce((a, b) => a + b, 0) / r.seed.seconds;
  const share = (found: number, rows: number) => `${((found / rows) * 100).toFixed(1)} %`;
  return [
    `${r.rows.toLocaleString('en')} rows, ${r.companies.toLocaleString('en')} companies, ${(r.fileBytes / 2 ** 20).toFixed(1)} MB, into a tenant of ${JSON.stringify(r.seed.counts)} (seeded in ${r.seed.seconds.toFixed(0)} s)`,
    '',
    // The floor: the same kinds of records written set-wise by the seed, in the same run against the same server.
    `seed: ${seedRate.toFixed(0)} records/s set-wise; commit/seed ${ratio(r.commit.rowsPerSecond, seedRate)}`,
    '',
    '| preview | commit | rows/s | undo | peak RSS preview | commit | undo |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.previewSeconds.toFixed(1)} s | ${r.commit.seconds.toFixed(1)} s | ${r.commit.rowsPerSecond.toFixed(0)} | ${r.undoSeconds.toFixed(1)} s | ${r.peakRssMb.preview.toFixed(0)} MB | ${r.peakRssMb.commit.toFixed(0)} MB | ${r.peakRssMb.undo.toFixed(0)} MB |`,
    '',
    '| planted duplicates | rows | found | of them as review |',
    '| --- | --- | --- | --- |',
    ...Object.entries(r.planted).map(([kind, e]) => `| ${kind} | ${e.rows} | ${e.found} (${share(e.found, e.rows)}) | ${e.asReview} |`),
    '',
    `false merges: account ${r.falseMerges.account}, contact ${r.falseMerges.contact}${r.falseMerges.examples.length ? ` (${r.falseMerges.examples.join('; ')})` : ''}`,
    `decisions: account ${JSON.stringify(r.decisions.account)}, contact ${JSON.stringify(r.decisions.contact)}`,
    `commit wrote ${JSON.stringify(r.commit.created)}; undo reverted ${r.undoReverted}`,
    '',
    `preview: ${r.previewStatements.cpuSeconds.toFixed(1)} s of process CPU, ${r.previewStatements.dbSeconds.toFixed(1)} s of database time in ${r.previewStatements.count} statements; the costliest:`,
    ...statementTable(r.previewStatements.top),
    '',
    `commit: ${r.commitStatements.perRow.toFixed(1)} statements and ${r.commitStatements.msPerRow.toFixed(2)} ms of database time per row; the costliest:`,
    ...statementTable(r.commitStatements.top),
  ];
}

const statementTable = (top: readonly StatementFigures[]) => [
  '| statement | count | total ms | ms each |',
  '| --- | --- | --- | --- |',
  ...top.map((f) => `| \`${f.statement.replace(/\|/g, '\\|')}\` | ${f.count} | ${f.ms.toFixed(0)} | ${(f.ms / f.count).toFixed(2)} |`),
];
