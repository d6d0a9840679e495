// docs/SCALE.md must distribute every table the migrations create: a new table without its Citus line
// would stay a local table on the coordinator and break single-shard routing for its tenant.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const migrationsDir = `${root}functions/src/core/db/migrations/`;
const ANCHOR = 'tenants';

interface TableDef {
  name: string;
  references: string[];
}

interface Command {
  table: string;
  kind: 'distributed' | 'reference';
  column?: string;
  colocateWith?: string;
}

/** Tables created by SQL text, with the tables their foreign keys point to (self-references left out). */
function tablesOf(sql: string): TableDef[] {
  const tables: TableDef[] = [];
  const create = /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)\s*\(/gi;
  for (let match = create.exec(sql); match; match = create.exec(sql)) {
    const name = match[1]!.toLowerCase();
    const rest = sql.slice(create.lastIndex);
    // The column list ends at the first ')' that closes the statement: a parenthesis followed by ';'.
    const body = rest.slice(0, rest.search(/\)\s*;/));
    const references = [...body.matchAll(/\bREFERENCES\s+([a-z_][a-z0-9_]*)/gi)].map((r) => r[1]!.toLowerCase()).filter((t) => t !== name);
    tables.push({ name, references: [...new Set(references)] });
  }
  return tables;
}

/** The Citus calls in the SQL blocks of the "Distribution commands" section, in order. */
function commandsOf(doc: string): Command[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Distribution commands')) ?? '';
  const sql = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
  const commands: Command[] = [];
  const call = /(create_distributed_table|create_reference_table)\(\s*'([a-z0-9_]+)'(?:\s*,\s*'([a-z0-9_]+)')?(?:\s*,\s*colocate_with\s*=>\s*'([a-z0-9_]+)')?\s*\)/g;
  for (const m of sql.matchAll(call)) {
    commands.push(
      m[1] === 'create_reference_table'
        ? { table: m[2]!, kind: 'reference' }
        : { table: m[2]!, kind: 'distributed', column: m[3], ...(m[4] ? { colocateWith: m[4] } : {}) },
    );
  }
  return commands;
}

/** Everything wrong between the schema and the doc, in words; empty when the doc covers the schema. */
function problems(tables: readonly TableDef[], doc: string): string[] {
  const commands = commandsOf(doc);
  const found: string[] = [];
  const position = new Map<string, number>();
  commands.forEach((c, i) => {
    if (position.has(c.table)) found.push(`${c.table} is distributed twice`);
    position.set(c.table, i);
  });
  const known = new Set(tables.map((t) => t.name));
  for (const c of commands) if (!known.has(c.table)) found.push(`${c.table} is in the doc but no migration creates it`);
  const reasons = doc.split(/^## /m).find((s) => s.startsWith('Distribution commands')) ?? '';
  for (const table of tables) {
    const index = position.get(table.name);
    const command = index === undefined ? undefined : commands[index];
    if (!command) {
      found.push(`${table.name} has no create_distributed_table or create_reference_table line`);
      continue;
    }
    if (!reasons.includes(`\`${table.name}\``)) found.push(`${table.name} has no reason in the table of reasons`);
    if (command.kind === 'reference') continue;
    if (command.column !== 'tenant_id') found.push(`${table.name} is distributed by ${command.column ?? 'nothing'}, not tenant_id`);
    if (table.name !== ANCHOR && command.colocateWith !== ANCHOR) found.push(`${table.name} is not colocated with ${ANCHOR}`);
    for (const target of table.references) {
      const before = position.get(target);
      if (before === undefined || before > index!) found.push(`${table.name} is distributed before ${target}, which its foreign keys reference`);
    }
  }
  return found;
}

function schemaSql(): string {
  const migrations = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-.*\.ts$/.test(f))
    .map((f) => readFileSync(`${migrationsDir}${f}`, 'utf8'));
  // The ledger table is created by the migrator itself, outside the numbered migrations.
  return [...migrations, readFileSync(`${root}functions/src/core/db/migrate.ts`, 'utf8')].join('\n');
}

const doc = readFileSync(`${root}docs/SCALE.md`, 'utf8');

describe('docs/SCALE.md distribution commands', () => {
  it('distributes every table of the migrations by tenant_id, colocated, after the tables it references', () => {
    const tables = tablesOf(schemaSql());
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tenants', 'interactions', 'mailbox_sync', 'schema_migrations']));
    expect(problems(tables, doc)).toEqual([]);
  });

  it('keeps schema_migrations a reference table and everything else distributed', () => {
    const references = commandsOf(doc).filter((c) => c.kind === 'reference').map((c) => c.table);
    expect(references).toEqual(['schema_migrations']);
  });

  it('fails for a table a new migration adds without a line in the doc', () => {
    const added = tablesOf(`${schemaSql()}\nCREATE TABLE newsletters (\n  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),\n  id uuid NOT NULL,\n  PRIMARY KEY (tenant_id, id)\n);`);
    expect(problems(added, doc)).toEqual(['newsletters has no create_distributed_table or create_reference_table line']);
  });

  it('fails for a line without colocation, with the wrong column, out of order or for a table that is gone', () => {
    const tables = tablesOf(`
      CREATE TABLE tenants (tenant_id uuid PRIMARY KEY);
      CREATE TABLE users (tenant_id uuid NOT NULL REFERENCES tenants (tenant_id), id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
      CREATE TABLE notes (tenant_id uuid NOT NULL, user_id uuid, FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id));`);
    const badDoc = [
      '## Distribution commands',
      '`tenants` `users` `notes`',
      '```sql',
      "SELECT create_distributed_table('notes', 'user_id', colocate_with => 'tenants');",
      "SELECT create_distributed_table('tenants', 'tenant_id');",
      "SELECT create_distributed_table('users', 'tenant_id');",
      "SELECT create_distributed_table('retired', 'tenant_id', colocate_with => 'tenants');",
      '```',
    ].join('\n');
    expect(problems(tables, badDoc).sort()).toEqual(
      [
        'notes is distributed by user_id, not tenant_id',
        'notes is distributed before users, which its foreign keys reference',
        'retired is in the doc but no migration creates it',
        'users is not colocated with tenants',
      ].sort(),
    );
  });

  it('reads the foreign keys of a table, leaving out its references to itself', () => {
    const [accounts] = tablesOf(
      'CREATE TABLE accounts (tenant_id uuid NOT NULL REFERENCES tenants (tenant_id), parent uuid, FOREIGN KEY (tenant_id, parent) REFERENCES accounts (tenant_id, id), owner uuid, FOREIGN KEY (tenant_id, owner) REFERENCES users (tenant_id, id));',
    );
    expect(accounts).toEqual({ name: 'accounts', references: ['tenants', 'users'] });
  });
});
