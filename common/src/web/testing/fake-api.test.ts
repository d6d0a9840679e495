// The front-ends' fake API keeps to the catalogue: requests the API refuses are refused, answers it could never give fail.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeApi, FakeContractError } from './fake-api';
import { interaction } from './records';
import { testUuid } from './test-ids';

const ID = testUuid('k1');

describe('fake API held to the endpoint catalogue', () => {
  it("answers with the data, the endpoint's success status and the record's ETag, and records the call", async () => {
    const api = fakeApi({ logInteraction: (args) => interaction({ subject: String(args.body.subject), etag: '"7"' }) });
    const result = await api.client('logInteraction', { body: { type: 'note', subject: 'Besuch', occurredAt: '2026-11-20T10:00:00.000Z', source: 'teams' } });
    expect(result).toMatchObject({ status: 201, etag: '"7"', data: { subject: 'Besuch' } });
    expect(api.calls).toEqual([{ name: 'logInteraction', args: expect.objectContaining({ body: expect.objectContaining({ subject: 'Besuch' }) }) }]);
  });

  it('fails an answer the response schema rejects, naming the field', async () => {
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = fakeApi({ getInteraction: () => ({ ...interaction({ subject: 'Lagerschaden' }), id: 'k1' }) });
    const error = await api.client('getInteraction', { params: { id: ID } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeContractError);
    expect((error as Error).message).toMatch(/getInteraction.*\bid\b/);
    expect(silence).toHaveBeenCalledWith((error as Error).message);
    silence.mockRestore();
  });

  it('refuses a request the API would refuse: an id that is no UUID (400), an update without If-Match (428)', async () => {
    const api = fakeApi({
      getInteraction: () => interaction({ id: ID, subject: 'Lagerschaden' }),
      updateInteraction: () => interaction({ id: ID, subject: 'x' }),
    });
    const invalid = await api.client('getInteraction', { params: { id: 'k1' } }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({ kind: 'invalid', status: 400 });
    expect((invalid as ApiError).fieldReason('id')).toBeTruthy();
    const unguarded = await api.client('updateInteraction', { params: { id: ID }, body: { status: 'resolved' } } as never).catch((e: unknown) => e);
    expect(unguarded).toMatchObject({ kind: 'changed', status: 428 });
  });

  it('reads the query as the server does, from URL parameters', async () => {
    const api = fakeApi({ listAccounts: () => ({ items: [], nextCursor: null }) });
    await expect(api.client('listAccounts', { query: { q: 'hoff', limit: 20 } })).resolves.toMatchObject({ status: 200 });
    await expect(api.client('listAccounts', { query: { limit: 500 } })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('lets an endpoint that answers JSON or a file by format answer a file, and no endpoint that answers only JSON', async () => {
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const pdf = new File(['%PDF-1.7'], 'personal-data.pdf', { type: 'application/pdf' });
    const api = fakeApi({ contactPersonalData: () => pdf, getInteraction: () => pdf as never });
    const result = await api.client('contactPersonalData', { params: { id: ID }, query: { format: 'pdf' } });
    expect(result.file).toEqual({ blob: pdf, name: 'personal-data.pdf' });
    await expect(api.client('getInteraction', { params: { id: ID } })).rejects.toBeInstanceOf(FakeContractError);
    silence.mockRestore();
  });

  it('fails loudly on an endpoint it was given no answer for, and throws the errors it is told to', async () => {
    const api = fakeApi({ me: () => new ApiError('forbidden', 403, null) });
    await expect(api.client('myWork', {})).rejects.toMatchObject({ kind: 'server', status: 500 });
    await expect(api.client('me', {})).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('fake API files', () => {
  it('answers a file for an endpoint that answers no JSON, and passes an upload through to the answer', async () => {
    const api = fakeApi({
      exportAccounts: (args) => new File(['Name;Ort'], `accounts.${String(args.query?.format)}`, { type: 'text/csv' }),
      uploadImport: () => new ApiError('invalid', 400, null),
    });
    const result = await api.client('exportAccounts', { query: { format: 'csv' } });
    expect(result.file?.name).toBe('accounts.csv');
    expect(await result.file?.blob.text()).toBe('Name;Ort');
    const file = new Blob(['Firma;Ort']);
    await expect(api.client('uploadImport', { query: { fileName: 'liste.csv' }, file })).rejects.toMatchObject({ status: 400 });
    expect(api.calls[1]!.args.file).toBe(file);
  });
});

describe('fixture ids', () => {
  it('are UUIDs, the same for the same label and distinct for distinct ones', () => {
    expect(testUuid('a1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(testUuid('a1')).toBe(testUuid('a1'));
    expect(testUuid('a1')).not.toBe(testUuid('a2'));
    expect(() => testUuid('too-long')).toThrow(/six ASCII characters/);
  });
});
