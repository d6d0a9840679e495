// The API client sends a file as an upload's body and hands back a file answer (an export, a report) as a Blob with its name.
import { describe, expect, it } from 'vitest';
import { attachmentName, createApiClient } from './api-client';

const tokens = { getToken: async () => 'token-1' };

describe('API client files', () => {
  it('sends the file itself as the body of an upload, with the query', async () => {
    const sent: Array<{ url: string; init: RequestInit }> = [];
    const api = createApiClient({
      baseUrl: 'https://crm.test',
      tokens,
      fetch: async (url, init) => {
        sent.push({ url: String(url), init: init! });
        return new Response(JSON.stringify({ id: 'x' }), { status: 201, headers: { 'content-type': 'application/json', etag: '"1"' } });
      },
    });
    const file = new Blob([new Uint8Array([0x46, 0x69, 0x72, 0x6d, 0x61, 0x3b, 0x80])]);
    const result = await api('uploadImport', { query: { fileName: 'Kunden ä.csv', delimiter: ';' }, file });
    expect(result).toMatchObject({ status: 201, etag: '"1"', data: { id: 'x' } });
    expect(sent[0]!.url).toBe('https://crm.test/api/imports?fileName=Kunden+%C3%A4.csv&delimiter=%3B');
    expect(sent[0]!.init.body).toBe(file);
    expect((sent[0]!.init.headers as Record<string, string>)['content-type']).toBe('application/octet-stream');
  });

  it('answers a file download as a Blob with the name from Content-Disposition, and problems as errors', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x4e, 0x61, 0x6d, 0x65]);
    let status = 200;
    const api = createApiClient({
      baseUrl: 'https://crm.test',
      tokens,
      fetch: async () =>
        status === 200
          ? new Response(bytes, {
              status,
              headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="accounts-2026-12-02.csv"' },
            })
          : new Response(JSON.stringify({ status, detail: 'format is not valid' }), { status, headers: { 'content-type': 'application/problem+json' } }),
    });
    const result = await api('exportAccounts', { query: { format: 'csv' } });
    expect(result.file?.name).toBe('accounts-2026-12-02.csv');
    expect(new Uint8Array(await result.file!.blob.arrayBuffer())).toEqual(bytes);
    status = 400;
    await expect(api('exportAccounts', { query: { format: 'csv' } })).rejects.toMatchObject({ kind: 'invalid', status: 400 });
  });

  it('reads quoted and bare file names', () => {
    expect(attachmentName('attachment; filename="a b.xlsx"')).toBe('a b.xlsx');
    expect(attachmentName('attachment; filename=report.csv')).toBe('report.csv');
    expect(attachmentName(null)).toBeNull();
  });
});

describe('API client sign-in', () => {
  it('asks once more with a fresh token when the API refuses the cached one, and only once', async () => {
    let issued = 0;
    let valid = 'token-2';
    const tokens = { getToken: async () => `token-${++issued}`, invalidate: () => undefined };
    const seen: string[] = [];
    const api = createApiClient({
      baseUrl: 'https://crm.test',
      tokens,
      fetch: async (_url, init) => {
        const auth = (init!.headers as Record<string, string>).authorization!;
        seen.push(auth);
        return auth === `Bearer ${valid}`
          ? new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } })
          : new Response(JSON.stringify({ status: 401, title: 'Unauthorized' }), { status: 401, headers: { 'content-type': 'application/problem+json' } });
      },
    });
    expect((await api('listAccounts', {})).status).toBe(200);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
    valid = 'none';
    await expect(api('listAccounts', {})).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(4);
  });
});

describe('API client language', () => {
  it("sends the page's language as Accept-Language, and none when it is not given", async () => {
    const sent: Array<Record<string, string>> = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(init!.headers as Record<string, string>);
      return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await createApiClient({ baseUrl: 'https://crm.test', tokens, fetch, language: 'de' })('listAccounts', {});
    await createApiClient({ baseUrl: 'https://crm.test', tokens, fetch })('listAccounts', {});
    expect(sent[0]!['accept-language']).toBe('de');
    expect(sent[1]!['accept-language']).toBeUndefined();
  });
});
