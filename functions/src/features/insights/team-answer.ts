// The team answer as it is sent, serialised once per write of the stored analysis (issue 15's speed goal): the team
// document is the same for every user of the tenant until the next refresh, and reading, parsing and serialising it on
// every request was most of the team call's work. Held for the write of the stored analysis it was built from
// (held-per-analysis.ts).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AnalysisFreshness, TeamInsights } from '@crm/common';
import type { Db } from '../../core/db/db';
import { HeldPerAnalysis } from './held-per-analysis';

/** Tenants times periods one host holds; the Insights tab asks for a few periods per tenant. */
export const HELD_TEAM_ANSWERS = 500;

export interface HeldTeam {
  /** The head row's xmin the document was read from. */
  rowVersion: string;
  /** The team document as JSON, without asOf. */
  json: string;
  /** Of the document and its computedAt and version: with the stale flag, it names the body exactly. */
  digest: string;
  /** The body compressed, by coding and stale flag, made when first asked for. */
  encoded: Map<string, Uint8Array>;
}

/** The codings the team answer is sent in besides identity, the better first (Accept-Encoding ties go to it). */
export const TEAM_CODINGS = ['br', 'gzip'] as const;
export type TeamCoding = (typeof TEAM_CODINGS)[number];

// Brotli's quality 5 and gzip's default level: a 56 KB answer in a few milliseconds, once per refresh and coding, to
// about a tenth of its size; the highest qualities take a hundred times as long for a few per cent less.
const compress: Record<TeamCoding, (body: string) => Uint8Array> = {
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } }),
  gzip: (body) => gzipSync(body),
};

const held = new HeldPerAnalysis<HeldTeam>(HELD_TEAM_ANSWERS);

export const heldTeam = (db: Db, tenantId: string, period: string): HeldTeam | undefined => held.get(db, tenantId, period);

export function holdTeam(db: Db, tenantId: string, period: string, row: { rowVersion: string; team: TeamInsights; computedAt: string; version: number }): HeldTeam {
  const json = JSON.stringify(row.team);
  const digest = createHash('sha256').update(`${row.computedAt}\n${row.version}\n${json}`).digest('base64url').slice(0, 22);
  return held.hold(db, tenantId, period, { rowVersion: row.rowVersion, json, digest, encoded: new Map<string, Uint8Array>() });
}

export interface TeamBody {
  body: string;
  etag: string;
  /** The same body in a coding, compressed once per held answer. */
  encoded(coding: TeamCoding): Uint8Array;
}

/** The body `{ ...team, asOf }` serialises to, without parsing the document again, and its ETag. */
export function teamBody(team: HeldTeam, asOf: AnalysisFreshness): TeamBody {
  const tail = `"asOf":${JSON.stringify(asOf)}}`;
  const body = team.json === '{}' ? `{${tail}` : `${team.json.slice(0, -1)},${tail}`;
  const stale = asOf.stale ? 1 : 0;
  return {
    body,
    etag: `"${team.digest}.${stale}"`,
    encoded(coding) {
      const key = `${coding}.${stale}`;
      const known = team.encoded.get(key);
      if (known) return known;
      const bytes = compress[coding](body);
      team.encoded.set(key, bytes);
      return bytes;
    },
  };
}
