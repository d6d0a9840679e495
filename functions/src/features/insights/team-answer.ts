// The team answer as it is sent, serialised once per write of the stored analysis (issue 15's speed goal): the team
// document is the same for every user of the tenant until the next refresh, and reading, parsing and serialising it on
// every request was most of the team call's work. Held per database handle, tenant and period, for the head row's
// xmin it was built from, so a refresh, an analysis made again or another tenant never gets an answer that is not its own.
import { createHash } from 'node:crypto';
import type { AnalysisFreshness, TeamInsights } from '@crm/common';
import type { Db } from '../../core/db/db';

/** Tenants times periods one host holds; the Insights tab asks for a few periods per tenant. */
export const HELD_TEAM_ANSWERS = 500;

export interface HeldTeam {
  /** The head row's xmin the document was read from. */
  rowVersion: string;
  /** The team document as JSON, without asOf. */
  json: string;
  /** Of the document and its computedAt and version: with the stale flag, it names the body exactly. */
  digest: string;
}

const held = new WeakMap<Db, Map<string, HeldTeam>>();
const keyOf = (tenantId: string, period: string) => `${tenantId}\n${period}`;

export function heldTeam(db: Db, tenantId: string, period: string): HeldTeam | undefined {
  return held.get(db)?.get(keyOf(tenantId, period));
}

export function holdTeam(db: Db, tenantId: string, period: string, row: { rowVersion: string; team: TeamInsights; computedAt: string; version: number }): HeldTeam {
  const json = JSON.stringify(row.team);
  const digest = createHash('sha256').update(`${row.computedAt}\n${row.version}\n${json}`).digest('base64url').slice(0, 22);
  const entry = { rowVersion: row.rowVersion, json, digest };
  let answers = held.get(db);
  if (!answers) held.set(db, (answers = new Map()));
  const key = keyOf(tenantId, period);
  // Re-inserted so the map's order is the order of last refresh; the first key is the one refreshed longest ago.
  answers.delete(key);
  answers.set(key, entry);
  if (answers.size > HELD_TEAM_ANSWERS) answers.delete(answers.keys().next().value!);
  return entry;
}

/** The body `{ ...team, asOf }` serialises to, without parsing the document again, and its ETag. */
export function teamBody(team: HeldTeam, asOf: AnalysisFreshness): { body: string; etag: string } {
  const tail = `"asOf":${JSON.stringify(asOf)}}`;
  const body = team.json === '{}' ? `{${tail}` : `${team.json.slice(0, -1)},${tail}`;
  return { body, etag: `"${team.digest}.${asOf.stale ? 1 : 0}"` };
}
