// Input crafted to reach the database in a form it refuses: each case is a 400 naming the field, or is stored exactly as sent.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { translatePgError } from '../../functions/src/core/db/pg-errors';
import { DomainError } from '../../functions/src/core/errors';
import { logUnexpected } from '../../functions/src/core/http/endpoint-handler';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness, type ApiResponse } from '../support/api-harness';

const NUL = 'must not contain the NUL character (U+0000)';
const SURROGATE = 'must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)';
const RESERVED = 'is a reserved name; choose another key';
const DATE_RANGE = 'must be between 1900-01-01 and 9999-12-31';

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describeEachDatabase('Hostile input', (getDb) => {
  let api: ApiHarness;
  let token: string;
  let admin: string;
  let accountId: string;
  let contactId: string;
  const unexpected: unknown[][] = [];

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    token = await api.token({ tenantId, userId: randomUUID() });
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    accountId = (await api.call('POST', '/api/accounts', { token, body: { name: 'Acme' } })).body.id;
    contactId = (await api.call('POST', '/api/contacts', { token, body: { lastName: 'Meyer', accountId } })).body.id;
    // A 500 logs "unhandled error"; none of these inputs may get that far.
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void unexpected.push(args));
  });

  afterEach(() => {
    expect(unexpected.splice(0)).toEqual([]);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  /** The field errors of a 400 problem document. */
  const fieldError = (response: ApiResponse) => {
    expect(response.status, response.text).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return response.body.errors as { field: string; in: string; reason: string }[];
  };

  const post = (path: string, body: unknown) => api.call('POST', path, { token, body });

  it('answers a crafted paging cursor with 400 naming cursor, on every list', async () => {
    const id = randomUUID();
    // Refused on every list: wrong count, wrong types, nulls, NUL in text, an id that is not one.
    const anywhere = [
      'WyJ4IiwieSJd', // ["x","y"], the example from the issue
      cursorOf(['x', 'y', 'z']),
      cursorOf([1, 2]),
      cursorOf([null, null]),
      cursorOf([null, null, null]),
      cursorOf([{}, []]),
      cursorOf(['a\u0000b', id]),
      cursorOf(['a', 'b', id, 'd']),
    ];
    // Text for a name, but not a date or a timestamp.
    const notTime = [
      cursorOf(['x', id]),
      cursorOf(['0000-01-01', id]),
      cursorOf(['0000-01-01T00:00:00.000000Z', id]),
      cursorOf(['2026-13-45T00:00:00.000000Z', id]),
    ];
    const lists: [string, string[]][] = [
      ['/api/accounts', anywhere],
      ['/api/contacts', [...anywhere, cursorOf(['x', id]), cursorOf(['x', 'a\ud800', id])]],
      ['/api/opportunities', anywhere],
      ['/api/tasks', [...anywhere, ...notTime]],
      [`/api/accounts/${accountId}/timeline`, [...anywhere, ...notTime, cursorOf(['2026-12-02', id])]],
    ];
    for (const [list, cursors] of lists) {
      for (const cursor of cursors) {
        const key = Buffer.from(cursor, 'base64url').toString();
        expect(fieldError(await api.call('GET', `${list}?cursor=${cursor}`, { token })), `${list} ${key}`).toEqual([
          { field: 'cursor', in: 'query', reason: 'is not a cursor this API returned' },
        ]);
      }
    }
  });

  it('still follows its own cursors to the end, also past a name whose cursor is long', async () => {
    const tenant = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    const names = ['\u0001'.repeat(200), 'Ærø 😀', 'zeta'];
    const account = (await api.call('POST', '/api/accounts', { token: tenant, body: { name: 'Timeline' } })).body.id;
    for (const [i, name] of names.entries()) {
      expect((await api.call('POST', '/api/accounts', { token: tenant, body: { name } })).status).toBe(201);
      expect((await api.call('POST', '/api/contacts', { token: tenant, body: { firstName: name.slice(0, 100), lastName: name.slice(0, 100) } })).status).toBe(
        201,
      );
      expect((await api.call('POST', '/api/opportunities', { token: tenant, body: { accountId: account, name } })).status).toBe(201);
      expect((await api.call('POST', '/api/tasks', { token: tenant, body: { title: name, dueDate: `2026-12-0${i + 1}` } })).status).toBe(201);
      const logged = await api.call('POST', '/api/interactions', {
        token: tenant,
        body: { type: 'note', occurredAt: `2026-11-0${i + 1}T10:00:00.123456Z`, subject: name, accountIds: [account] },
      });
      expect(logged.status).toBe(201);
    }
    for (const [list, expected] of [
      ['/api/accounts', names.length + 1],
      ['/api/contacts', names.length],
      ['/api/opportunities', names.length],
      ['/api/tasks', names.length],
      [`/api/accounts/${account}/timeline`, names.length],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ApiResponse = await api.call('GET', `${list}?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: tenant });
        expect(page.status, `${list} ${page.text}`).toBe(200);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length <= expected);
      expect(new Set(seen).size, list).toBe(expected);
    }
  });

  it('refuses NUL in every kind of text a create takes, naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/accounts', { name: 'a\u0000b' }, 'name'],
      ['/api/accounts', { name: 'Acme', address: { city: 'K\u0000ln' } }, 'address.city'],
      ['/api/accounts', { name: 'Acme', address: { country: '\u0000D' } }, 'address.country'],
      ['/api/contacts', { lastName: 'a\u0000b' }, 'lastName'],
      ['/api/contacts', { firstName: 'a\u0000b', lastName: 'Meyer' }, 'firstName'],
      ['/api/opportunities', { accountId, name: 'a\u0000b' }, 'name'],
      ['/api/opportunities', { accountId, name: 'Deal', stage: 'lead\u0000' }, 'stage'],
      ['/api/tasks', { title: 'a\u0000b', dueDate: '2026-12-02' }, 'title'],
      ['/api/interactions', { type: 'note', occurredAt: '2026-12-02T10:00:00Z', subject: 'a\u0000b' }, 'subject'],
      ['/api/interactions', { type: 'email', occurredAt: '2026-12-02T10:00:00Z', internetMessageId: '<a\u0000b@example.de>' }, 'internetMessageId'],
      ['/api/interactions', { type: 'chat', occurredAt: '2026-12-02T10:00:00Z', teamsOrigin: { name: 'a\u0000b' } }, 'teamsOrigin.name'],
      ['/api/consents', { contactId, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'a\u0000b' }, 'source'],
    ];
    for (const [path, body, field] of cases) {
      expect(fieldError(await post(path, body)), `${path} ${field}`).toEqual([{ field, in: 'body', reason: NUL }]);
    }
  });

  it('refuses NUL in customFields values and keys, and in an update', async () => {
    expect(fieldError(await post('/api/accounts', { name: 'Acme', customFields: { note: 'a\u0000b' } }))).toEqual([
      { field: 'customFields.note', in: 'body', reason: NUL },
    ]);
    expect(fieldError(await post('/api/contacts', { lastName: 'Meyer', customFields: { 'no\u0000te': 'x' } }))).toEqual([
      { field: 'customFields.no\u0000te', in: 'body', reason: `is not allowed as a key: ${NUL}` },
    ]);
    const patched = await api.call('PATCH', `/api/accounts/${accountId}`, { token, headers: { 'if-match': '"1"' }, body: { industry: 'a\u0000b' } });
    expect(fieldError(patched)).toEqual([{ field: 'industry', in: 'body', reason: NUL }]);
    const settings = await api.call('GET', '/api/settings', { token: admin });
    const stages = [{ key: 'lead', label: { de: 'Lead\u0000', en: 'Lead' }, probability: 10 }];
    const put = await api.call('PUT', '/api/settings', {
      token: admin,
      headers: { 'if-match': settings.body.etag },
      body: { stages, sleepingAfterDays: 90, defaultCurrency: 'EUR' },
    });
    expect(fieldError(put)).toEqual([{ field: 'stages[0].label.de', in: 'body', reason: NUL }]);
  });

  it('refuses NUL in query parameters, naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/accounts?q=a%00b', 'q'],
      ['/api/accounts?industry=a%00b', 'industry'],
      ['/api/contacts?q=a%00b', 'q'],
      ['/api/opportunities?q=a%00b', 'q'],
      ['/api/opportunities?stage=a%00b', 'stage'],
      ['/api/interactions?internetMessageId=%3Ca%40example.de%3E%00', 'internetMessageId'],
      ['/api/interactions?conversationId=AAQk%00', 'conversationId'],
      ['/api/context?email=anna%40example.de&internetMessageId=%3Ca%40example.de%3E%00', 'internetMessageId'],
    ]) {
      expect(fieldError(await api.call('GET', path!, { token })), path).toEqual([{ field, in: 'query', reason: NUL }]);
    }
  });

  it('refuses query bytes that are not UTF-8 instead of searching for U+FFFD', async () => {
    for (const path of ['/api/accounts?q=%ED%A0%80', '/api/interactions?internetMessageId=%3Ca%FF%40example.de%3E']) {
      const field = path.slice(path.indexOf('?') + 1, path.indexOf('='));
      expect(fieldError(await api.call('GET', path, { token })), path).toEqual([{ field, in: 'query', reason: 'is not UTF-8 once percent-decoded' }]);
    }
    expect((await api.call('GET', '/api/accounts?q=50%', { token })).status).toBe(200);
  });

  it('refuses unpaired surrogates instead of storing U+FFFD, and stores a surrogate pair as sent', async () => {
    for (const name of ['a\ud800b', 'a\udc00b', 'end\ud83d']) {
      // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into the lone surrogate.
      expect(JSON.stringify(name)).toMatch(/\\ud[89a-f]/);
      expect(fieldError(await post('/api/accounts', { name })), JSON.stringify(name)).toEqual([{ field: 'name', in: 'body', reason: SURROGATE }]);
    }
    expect(fieldError(await post('/api/accounts', { name: 'Acme', customFields: { note: 'a\ud800' } }))).toEqual([
      { field: 'customFields.note', in: 'body', reason: SURROGATE },
    ]);
    // The same character as raw UTF-8 bytes (CESU-8 style) is not UTF-8 at all.
    const raw = new Uint8Array([...Buffer.from('{"name":"a'), 0xed, 0xa0, 0x80, ...Buffer.from('b"}')]);
    const refused = await api.call('POST', '/api/accounts', { token, rawBody: raw, headers: { 'content-type': 'application/json' } });
    expect(fieldError(refused)[0]).toMatchObject({ field: 'body', in: 'body' });

    const created = await post('/api/accounts', { name: 'Grüße 😀 \ud83d\ude00', customFields: { emoji: '🦄' } });
    expect(created.status).toBe(201);
    const read = await api.call('GET', `/api/accounts/${created.body.id}`, { token });
    expect(read.body).toMatchObject({ name: 'Grüße 😀 😀', customFields: { emoji: '🦄' } });
  });

  it('refuses dates PostgreSQL cannot store or the API could not write back, and stores the bounds as sent', async () => {
    const cases: [string, string, unknown, string, string][] = [
      ['POST', '/api/tasks', { title: 'Call', dueDate: '0000-01-01' }, 'dueDate', DATE_RANGE],
      ['POST', '/api/tasks', { title: 'Call', dueDate: '1899-12-31' }, 'dueDate', DATE_RANGE],
      ['POST', '/api/opportunities', { accountId, name: 'Deal', expectedCloseDate: '0000-01-01' }, 'expectedCloseDate', DATE_RANGE],
      ['POST', '/api/interactions', { type: 'note', subject: 'Datum', occurredAt: '0000-01-01T00:00:00Z' }, 'occurredAt', `${DATE_RANGE} (in UTC)`],
      ['POST', '/api/interactions', { type: 'note', subject: 'Datum', occurredAt: '9999-12-31T23:59:59-14:00' }, 'occurredAt', `${DATE_RANGE} (in UTC)`],
      [
        'POST',
        '/api/consents',
        { contactId, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'form', capturedAt: '0000-01-01T00:00:00Z' },
        'capturedAt',
        `${DATE_RANGE} (in UTC)`,
      ],
    ];
    for (const [method, path, body, field, reason] of cases) {
      expect(fieldError(await api.call(method, path, { token, body })), `${path} ${field}`).toEqual([{ field, in: 'body', reason }]);
    }
    expect(fieldError(await api.call('GET', '/api/tasks?dueBefore=0000-01-01', { token }))).toEqual([{ field: 'dueBefore', in: 'query', reason: DATE_RANGE }]);

    for (const dueDate of ['1900-01-01', '9999-12-31']) {
      const task = await post('/api/tasks', { title: 'Bound', dueDate });
      expect(task.status).toBe(201);
      expect(task.body.dueDate).toBe(dueDate);
    }
    for (const occurredAt of ['1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const note = await post('/api/interactions', { type: 'note', occurredAt, subject: 'Grenzdatum' });
      expect(note.status).toBe(201);
      expect(note.body.occurredAt).toBe(occurredAt);
    }
  });

  it('refuses customFields keys that reach the prototype instead of dropping them, and stores nothing', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      // Written as text: an object literal's __proto__ would set the prototype, not add a key.
      const rawBody = `{"name":"Reserved ${key}","customFields":{"${key}":"x","colour":"blue"}}`;
      const response = await api.call('POST', '/api/accounts', { token, rawBody, headers: { 'content-type': 'application/json' } });
      expect(fieldError(response), key).toEqual([{ field: `customFields.${key}`, in: 'body', reason: RESERVED }]);
    }
    const patched = await api.call('PATCH', `/api/contacts/${contactId}`, {
      token,
      headers: { 'if-match': '"1"', 'content-type': 'application/json' },
      rawBody: '{"customFields":{"__proto__":{"admin":true}}}',
    });
    expect(fieldError(patched)).toEqual([{ field: 'customFields.__proto__', in: 'body', reason: RESERVED }]);
    expect((await api.call('GET', '/api/accounts?q=Reserved', { token })).body.items).toEqual([]);
  });

  it('refuses an amount the numeric(14, 2) column cannot hold, and stores the largest one it can', async () => {
    expect(fieldError(await post('/api/opportunities', { accountId, name: 'Deal', amount: 1e12 }))[0]).toMatchObject({ field: 'amount', in: 'body' });
    const largest = await post('/api/opportunities', { accountId, name: 'Deal', amount: 999_999_999_999.99 });
    expect(largest.status).toBe(201);
    expect(largest.body.amount).toBe(999_999_999_999.99);
  });

  it('turns text the database refuses into a 400 even where no contract checked it', async () => {
    for (const [sql, params] of [
      ['SELECT $1::text AS value', ['a\u0000b']],
      ['SELECT $1::jsonb AS value', ['{"note":"a\\u0000b"}']],
    ] as const) {
      const error = await getDb()
        .query(sql, [...params])
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(['22021', '22P05']).toContain((error as { code?: string }).code);
      const translated = translatePgError(error);
      expect(translated).toBeInstanceOf(DomainError);
      expect((translated as DomainError).kind).toBe('invalid');
    }
  });

  it('logs a database error without its SQL parameters or any text that quotes them', async () => {
    const email = 'anna.schulz@example.de';
    const error = await getDb()
      .query('SELECT $1::uuid AS id', [email])
      .then(
        () => null,
        (e: unknown) => e,
      );
    // PostgreSQL's message quotes the parameter, so leaving the message out is what keeps it out of the log.
    expect(String((error as Error).message)).toContain(email);
    logUnexpected('test-invocation')('unhandled error', error);
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]![1]).toMatchObject({ code: '22P02' });
    expect(JSON.stringify(unexpected.splice(0))).not.toContain('anna');
  });
});
