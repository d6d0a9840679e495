// Test kit for the import API tests of record lists (revenue, opportunities): a manager's calls, the upload of a file as
// German Excel saves it, and the preview's rows, which carry a decision on the record instead of an account or contact.
import iconv from 'iconv-lite';
import type { ImportChoice, ImportDecision, ImportOutcomePart } from '@crm/common';
import type { ApiHarness } from '../../../../test/support/api-harness';

export interface RecordRow {
  row: number;
  account: null;
  contact: null;
  record: { proposed: Required<ImportDecision>; chosen: ImportChoice | null };
  outcome: { record: ImportOutcomePart } | null;
}

export const windows1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));

/** Calls as the manager the test signed in; both are read when called, after the test's beforeAll set them. */
export function recordImportCalls(harness: () => ApiHarness, token: () => string, defaultFileName: string) {
  const call = (method: string, path: string, options: Parameters<ApiHarness['call']>[2] = {}) => harness().call(method, path, { token: token(), ...options });
  const upload = (bytes: Uint8Array, fileName = defaultFileName) =>
    call('POST', `/api/imports?fileName=${encodeURIComponent(fileName)}`, { rawBody: bytes, headers: { 'content-type': 'text/csv' } });
  const rowsOf = async (id: string, lang = 'en') =>
    (await call('GET', `/api/imports/${id}?limit=200`, { headers: { 'accept-language': lang } })).body.rows.items as RecordRow[];
  return { call, upload, rowsOf };
}
