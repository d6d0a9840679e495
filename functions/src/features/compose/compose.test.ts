// POST /api/compose/check: every consent state of the ledger, restriction, colleagues, tenant isolation, bad input and
// the read audit.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_COMPOSE_RECIPIENTS, type ComposeCheckResponse, type ComposePurpose, type RecipientVerdict } from '@crm/common';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { flushReadAudit } from '../../core/audit/read-audit';

type Ledger = Array<{ purpose: string; action: 'granted' | 'withdrawn' | 'objected'; capturedAt: string; channel?: string; source?: string }>;

describeEachDatabase('compose check', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let user: string;
  let domain: string;
  let ownDomain: string;

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    ownDomain = `crm-${tenantId.slice(0, 8)}.example`;
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'], email: `admin@${ownDomain}` });
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'], email: `anna.becker@${ownDomain}` });
    domain = `kunde-${tenantId.slice(0, 8)}.example`;
    // The users' addresses become known to the tenant when they first call.
    expect((await api.call('GET', '/api/me', { token: admin })).status).toBe(200);
    expect((await api.call('GET', '/api/me', { token: user })).status).toBe(200);
  });

  async function person(local: string, ledger: Ledger = [], token = admin) {
    const email = `${local}@${domain}`;
    const contact = await api.call('POST', '/api/contacts', { token, body: { lastName: local, emails: [email] } });
    expect(contact.status, contact.text).toBe(201);
    for (const entry of ledger) {
      const body = { contactId: contact.body.id, channel: entry.channel ?? 'email', legalBasis: 'consent', source: entry.source ?? 'Messe 2025', ...entry };
      const recorded = await api.call('POST', '/api/consents', { token, body });
      expect(recorded.status, recorded.text).toBe(201);
    }
    return { email, id: contact.body.id as string };
  }

  const check = async (recipients: string[], purpose?: ComposePurpose, token = user, knownVersion?: string) => {
    const body = { recipients, ...(purpose ? { purpose } : {}), ...(knownVersion ? { knownVersion } : {}) };
    const response = await api.call('POST', '/api/compose/check', { token, body });
    expect(response.status, response.text).toBe(200);
    return response.body as ComposeCheckResponse;
  };
  const verdictOf = async (email: string, purpose?: ComposePurpose) => (await check([email], purpose)).recipients[0]!;
  const pass = (email: string, known: boolean): RecipientVerdict => ({
    email,
    verdict: 'pass',
    reason: null,
    known,
    consentPurpose: null,
    since: null,
    source: null,
  });

  it('lets one-to-one correspondence through to everyone whose processing is not restricted, objections and withdrawals included', async () => {
    const objected = await person('widerspruch', [{ purpose: 'marketing', action: 'objected', capturedAt: '2025-03-01T09:00:00.000Z' }]);
    const withdrawn = await person('widerruf', [{ purpose: 'newsletter', action: 'withdrawn', capturedAt: '2025-03-02T09:00:00.000Z' }]);
    const never = await person('niegefragt');
    const unknown = `fremd@${domain}`;
    const answer = await check([objected.email, withdrawn.email, never.email, unknown]);
    expect(answer).toEqual({
      purpose: 'correspondence',
      blocked: false,
      version: expect.any(String),
      unchanged: false,
      recipients: [pass(objected.email, true), pass(withdrawn.email, true), pass(never.email, true), pass(unknown, false)],
    });
  });

  it('blocks marketing to a withdrawal for that purpose with its date and source, and passes a current grant', async () => {
    const granted = await person('erlaubt', [{ purpose: 'marketing', action: 'granted', capturedAt: '2025-01-10T08:00:00.000Z' }]);
    const withdrawn = await person('zurueck', [
      { purpose: 'marketing', action: 'granted', capturedAt: '2025-01-10T08:00:00.000Z' },
      { purpose: 'marketing', action: 'withdrawn', capturedAt: '2025-06-15T12:30:00.000Z', source: 'Antwort auf Mailing' },
    ]);
    const answer = await check([granted.email, withdrawn.email], 'marketing');
    expect(answer.blocked).toBe(true);
    expect(answer.recipients).toEqual([
      pass(granted.email, true),
      {
        email: withdrawn.email,
        verdict: 'block',
        reason: 'withdrawn',
        known: true,
        consentPurpose: 'marketing',
        since: '2025-06-15T12:30:00.000Z',
        source: 'Antwort auf Mailing',
      },
    ]);
  });

  it('passes a grant given again after a withdrawal: the latest entry for the purpose decides', async () => {
    const again = await person('wieder', [
      { purpose: 'newsletter', action: 'withdrawn', capturedAt: '2025-02-01T08:00:00.000Z' },
      { purpose: 'newsletter', action: 'granted', capturedAt: '2025-05-01T08:00:00.000Z' },
    ]);
    expect(await verdictOf(again.email, 'newsletter')).toEqual(pass(again.email, true));
  });

  it('blocks every direct-marketing purpose after an objection (Art. 21), even where a grant for that purpose stands', async () => {
    const objected = await person('einspruch', [
      { purpose: 'events', action: 'granted', capturedAt: '2025-01-01T08:00:00.000Z' },
      { purpose: 'marketing', action: 'objected', capturedAt: '2025-04-20T10:00:00.000Z', source: 'Anruf' },
    ]);
    for (const purpose of ['marketing', 'newsletter', 'events', 'surveys'] as const) {
      expect(await verdictOf(objected.email, purpose)).toEqual({
        email: objected.email,
        verdict: 'block',
        reason: 'objected',
        known: true,
        consentPurpose: 'marketing',
        since: '2025-04-20T10:00:00.000Z',
        source: 'Anruf',
      });
    }
  });

  it('blocks a purpose without consent for a contact and for an address the CRM does not know, but not a withdrawal for another purpose', async () => {
    const otherPurpose = await person('anderer', [
      { purpose: 'newsletter', action: 'withdrawn', capturedAt: '2025-02-01T08:00:00.000Z' },
      { purpose: 'events', action: 'granted', capturedAt: '2025-02-02T08:00:00.000Z' },
    ]);
    const phoneOnly = await person('telefon', [{ purpose: 'marketing', action: 'granted', channel: 'phone', capturedAt: '2025-02-01T08:00:00.000Z' }]);
    const unknown = `unbekannt@${domain}`;
    const noConsent = (email: string, known: boolean): RecipientVerdict => ({ ...pass(email, known), verdict: 'block', reason: 'no_consent' });
    expect(await verdictOf(otherPurpose.email, 'events')).toEqual(pass(otherPurpose.email, true));
    expect(await verdictOf(otherPurpose.email, 'marketing')).toEqual(noConsent(otherPurpose.email, true));
    expect(await verdictOf(phoneOnly.email, 'marketing')).toEqual(noConsent(phoneOnly.email, true));
    expect(await verdictOf(unknown, 'marketing')).toEqual(noConsent(unknown, false));
  });

  it('blocks a person whose processing is restricted (Art. 18) for every purpose, without telling their consents', async () => {
    const restricted = await person('gesperrt', [{ purpose: 'marketing', action: 'granted', capturedAt: '2025-01-01T08:00:00.000Z' }]);
    const set = await api.call('POST', `/api/contacts/${restricted.id}/restriction`, { token: admin, body: { reason: 'Art. 18(1)(d)' } });
    expect(set.status, set.text).toBe(200);
    const blocked = { ...pass(restricted.email, true), verdict: 'block', reason: 'restricted' };
    expect(await verdictOf(restricted.email)).toEqual(blocked);
    expect(await verdictOf(restricted.email, 'marketing')).toEqual(blocked);

    expect((await api.call('DELETE', `/api/contacts/${restricted.id}/restriction`, { token: admin, body: { reason: 'geklärt' } })).status).toBe(200);
    expect(await verdictOf(restricted.email, 'marketing')).toEqual(pass(restricted.email, true));
  });

  it('needs no marketing consent from colleagues: the sender and the own domain', async () => {
    const answer = await check([`anna.becker@${ownDomain}`, `MARKUS.WOLF@${ownDomain}`], 'newsletter');
    expect(answer).toEqual({
      purpose: 'newsletter',
      blocked: false,
      version: expect.any(String),
      unchanged: false,
      recipients: [pass(`anna.becker@${ownDomain}`, false), pass(`markus.wolf@${ownDomain}`, false)],
    });
  });

  it('answers once per address, case-insensitively, in the order given', async () => {
    const granted = await person('reihenfolge', [{ purpose: 'marketing', action: 'granted', capturedAt: '2025-01-01T08:00:00.000Z' }]);
    const unknown = `zuerst@${domain}`;
    const answer = await check([unknown, granted.email.toUpperCase(), ` ${granted.email} `, unknown], 'marketing');
    expect(answer.recipients.map((r) => [r.email, r.verdict])).toEqual([
      [unknown, 'block'],
      [granted.email, 'pass'],
    ]);
  });

  it('reads only the caller tenant: another tenant consent and restriction for the same address count for nothing', async () => {
    const local = `geteilt-${randomUUID().slice(0, 6)}`;
    const here = await person(local, [{ purpose: 'marketing', action: 'withdrawn', capturedAt: '2025-03-03T08:00:00.000Z' }]);
    const otherTenant = randomUUID();
    const otherAdmin = await api.token({ tenantId: otherTenant, userId: randomUUID(), roles: ['CRM.Admin'] });
    const otherUser = await api.token({ tenantId: otherTenant, userId: randomUUID(), roles: ['CRM.User'] });
    const there = await api.call('POST', '/api/contacts', { token: otherAdmin, body: { lastName: local, emails: [here.email] } });
    expect(there.status, there.text).toBe(201);
    const grant = { contactId: there.body.id, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'Webformular' };
    expect((await api.call('POST', '/api/consents', { token: otherAdmin, body: grant })).status).toBe(201);

    expect((await check([here.email], 'marketing', otherUser)).recipients[0]).toEqual(pass(here.email, true));
    expect((await check([here.email], 'marketing')).recipients[0]).toMatchObject({ verdict: 'block', reason: 'withdrawn' });

    const unknownHere = `nur-dort-${randomUUID().slice(0, 6)}@${domain}`;
    const onlyThere = await api.call('POST', '/api/contacts', { token: otherAdmin, body: { lastName: 'Dort', emails: [unknownHere] } });
    expect((await api.call('POST', `/api/contacts/${onlyThere.body.id}/restriction`, { token: otherAdmin, body: { reason: 'Art. 18' } })).status).toBe(200);
    expect((await check([unknownHere])).recipients[0]).toEqual(pass(unknownHere, false));
  });

  it('answers "unchanged" without the recipients to a caller holding the current version, and a new version once a consent changes', async () => {
    const julia = await person('version', [{ purpose: 'newsletter', action: 'granted', capturedAt: '2025-01-10T08:00:00.000Z' }]);
    const unknown = `version-neu@${domain}`;
    const first = await check([julia.email, unknown], 'newsletter');
    expect(first).toMatchObject({ blocked: true, unchanged: false });
    expect(first.recipients).toHaveLength(2);

    // The same question in another order, repeated: the same verdict, so only its name comes back.
    const again = await check([unknown, julia.email], 'newsletter', user, first.version);
    expect(again).toEqual({ purpose: 'newsletter', blocked: true, version: first.version, unchanged: true, recipients: [] });
    // The version names purpose and recipients too, not only the ledger.
    expect((await check([julia.email, unknown], 'events', user, first.version)).unchanged).toBe(false);

    const withdrawal = { contactId: julia.id, channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action: 'withdrawn', source: 'Telefon' };
    expect((await api.call('POST', '/api/consents', { token: admin, body: withdrawal })).status).toBe(201);
    const after = await check([julia.email, unknown], 'newsletter', user, first.version);
    expect(after.unchanged).toBe(false);
    expect(after.version).not.toBe(first.version);
    expect(after.recipients[0]).toMatchObject({ email: julia.email, verdict: 'block', reason: 'withdrawn', source: 'Telefon' });

    const restricted = await api.call('POST', `/api/contacts/${julia.id}/restriction`, { token: admin, body: { reason: 'Art. 18(1)(a)' } });
    expect(restricted.status, restricted.text).toBe(200);
    const restrictedAnswer = await check([julia.email, unknown], 'newsletter', user, after.version);
    expect(restrictedAnswer).toMatchObject({ unchanged: false });
    expect(restrictedAnswer.recipients[0]).toMatchObject({ reason: 'restricted' });
  });

  it('records in the read audit which addresses were checked and the contacts they matched, never the verdict', async () => {
    const objected = await person('audit-widerspruch', [{ purpose: 'marketing', action: 'objected', capturedAt: '2025-03-01T09:00:00.000Z' }]);
    const unknown = `audit-neu@${domain}`;
    const first = await check([objected.email, unknown.toUpperCase()], 'marketing');
    // Send asks again with the version: an unchanged answer read the same people, so it is recorded too.
    await check([objected.email, unknown], 'marketing', user, first.version);
    await flushReadAudit(getDb());
    const rows = await getDb().query<Record<string, unknown>>(
      `SELECT action, entity, entity_id, address FROM read_audit WHERE tenant_id = $1 AND action = 'compose' AND address = ANY($2::text[]) ORDER BY id`,
      [tenantId, [objected.email, unknown]],
    );
    const contactRow = { action: 'compose', entity: 'contact', entity_id: objected.id, address: objected.email };
    const addressRow = { action: 'compose', entity: 'address', entity_id: null, address: unknown };
    expect(rows).toEqual([contactRow, addressRow, contactRow, addressRow]);
    const everything = JSON.stringify(await getDb().query(`SELECT * FROM read_audit WHERE tenant_id = $1`, [tenantId]));
    expect(everything).not.toMatch(/objected|no_consent|block|marketing/);
  });

  describe('refuses what it cannot check, naming the field', () => {
    const refused = async (body: unknown, field: RegExp) => {
      const response = await api.call('POST', '/api/compose/check', { token: user, body });
      expect(response.status, response.text).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.text).toMatch(field);
    };
    it('no recipients, too many, not an address, an unknown purpose, an unknown field', async () => {
      await refused({ recipients: [] }, /recipients/);
      await refused({ recipients: Array.from({ length: MAX_COMPOSE_RECIPIENTS + 1 }, (_, i) => `r${i}@${domain}`) }, /recipients/);
      await refused({ recipients: ['kein-at-zeichen'] }, /recipients/);
      await refused({ recipients: [`a@${domain}`], purpose: 'werbung' }, /purpose/);
      await refused({ recipients: [`a@${domain}`], marketing: true }, /marketing/);
      await refused({ recipients: [`a@${domain}`], knownVersion: 'x'.repeat(65) }, /knownVersion/);
    });
  });

  it('checks the largest allowed message in one answer', async () => {
    const recipients = Array.from({ length: MAX_COMPOSE_RECIPIENTS }, (_, i) => `empfaenger${i}@${domain}`);
    const answer = await check(recipients, 'events');
    expect(answer.recipients).toHaveLength(MAX_COMPOSE_RECIPIENTS);
    expect(answer.recipients.every((r) => r.reason === 'no_consent')).toBe(true);
  });
});
