// "Log when sent" (issue 13): the email is logged at send time by its x-crm-log-key header, before it has an internet
// message id; every later copy (the sender's sent item, a colleague's inbox) finds that record and completes it. Anyone
// can write the header, so a received email's key counts only when a colleague sent it.
import { AccountCreate, InteractionCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { logInteraction, lookupInteractions } from './service';

const ANNA = 'anna.becker@becker-industrie.de';

describeEachDatabase('logging an email by its log key', (getDb) => {
  let anna: Actor;
  let ben: Actor;
  let accountId: string;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna Becker' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben Wolf' });
    for (const [actor, email] of [
      [anna, ANNA],
      [ben, 'ben.wolf@becker-industrie.de'],
    ] as const) {
      await getDb().query(`UPDATE users SET email = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, actor.userId, email]);
    }
    accountId = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Hoffmann Antriebstechnik' }))).value.id;
  });

  const log = (input: Partial<z.input<typeof InteractionCreate>>, as: Actor) =>
    logInteraction(
      getDb(),
      as,
      InteractionCreate.parse({
        type: 'email',
        direction: 'outbound',
        occurredAt: '2026-12-02T09:00:00Z',
        subject: 'Angebot Wartung',
        source: 'addin',
        ...input,
      }),
    );
  const messageId = () => `<${randomUUID()}@hoffmann.example>`;

  it('makes the same key logged twice one interaction with two loggers', async () => {
    const logKey = randomUUID();
    const sent = await log({ logKey, accountIds: [accountId] }, anna);
    const copy = await log({ logKey }, ben);
    expect([sent.created, copy.created]).toEqual([true, false]);
    expect(copy.value.id).toBe(sent.value.id);
    expect(copy.value.loggedBy.map((l) => l.displayName)).toEqual(['Anna Becker', 'Ben Wolf']);
    expect((await lookupInteractions(getDb(), anna, { logKey })).items.map((i) => i.id)).toEqual([sent.value.id]);
  });

  it('attaches the internet message id a later copy brings to the record logged at send time, never a second record', async () => {
    const logKey = randomUUID();
    const internetMessageId = messageId();
    const sent = await log({ logKey, accountIds: [accountId] }, anna);
    expect(sent.value.internetMessageId).toBeNull();
    const received = await log({ logKey, internetMessageId, direction: 'inbound', sender: ANNA }, ben);
    expect(received.created).toBe(false);
    expect(received.value).toMatchObject({ id: sent.value.id, logKey, internetMessageId, accountIds: [accountId] });
    // A copy logged without the header (an older add-in, the API) now finds the same record by its message id.
    const plain = await log({ internetMessageId }, anna);
    expect(plain.value.id).toBe(sent.value.id);
    expect((await lookupInteractions(getDb(), ben, { internetMessageId })).items.map((i) => i.id)).toEqual([sent.value.id]);
  });

  it('gives a record logged by its message id first the log key of the send-time log', async () => {
    const logKey = randomUUID();
    const internetMessageId = messageId();
    const received = await log({ internetMessageId }, ben);
    const sent = await log({ logKey }, anna);
    expect(sent.created).toBe(true);
    const both = await log({ logKey, internetMessageId }, ben);
    // The two records existed before the copy with both keys came; it joins the one its header names and moves no key.
    expect(both.value.id).toBe(sent.value.id);
    expect(both.value.internetMessageId).toBeNull();
    expect((await lookupInteractions(getDb(), ben, { internetMessageId })).items.map((i) => i.id)).toEqual([received.value.id]);
  });

  it('is idempotent when the send handler or the pane repeats the request', async () => {
    const logKey = randomUUID();
    const internetMessageId = messageId();
    const first = await log({ logKey, accountIds: [accountId] }, anna);
    const repeated = await log({ logKey, accountIds: [accountId] }, anna);
    expect(repeated.value.etag).toBe(first.value.etag);
    const completed = await log({ logKey, internetMessageId }, ben);
    expect(completed.value.etag).not.toBe(first.value.etag);
    const last = await log({ logKey, internetMessageId }, ben);
    expect(last.value).toMatchObject({ id: first.value.id, etag: completed.value.etag, internetMessageId });
    expect(last.value.loggedBy).toHaveLength(2);
    const concurrent = await Promise.all([anna, ben, anna].map((as) => log({ logKey }, as)));
    expect(new Set(concurrent.map((c) => c.value.id))).toEqual(new Set([first.value.id]));
  });

  it('refuses a log key copied into another email instead of merging the two, naming the field', async () => {
    const logKey = randomUUID();
    await log({ logKey, internetMessageId: messageId() }, anna);
    const error = await domainError(log({ logKey, internetMessageId: messageId() }, ben), 'conflict');
    expect(error.field).toBe('logKey');
  });

  it("ignores the key of an email from outside, so a forged header cannot attach it to a colleague's record", async () => {
    const logKey = randomUUID();
    const sent = await log({ logKey, accountIds: [accountId] }, anna);
    const forged = messageId();
    const outside = await log({ logKey, internetMessageId: forged, direction: 'inbound', sender: 'einkauf@hoffmann.example' }, ben);
    // Without a sender there is nobody to trust: an inbound email's key needs its colleague.
    const unnamed = await log({ logKey, internetMessageId: messageId(), direction: 'inbound' }, ben);
    expect([outside.created, unnamed.created]).toEqual([true, true]);
    expect(outside.value).toMatchObject({ logKey: null, internetMessageId: forged, accountIds: [] });
    expect(unnamed.value.logKey).toBeNull();
    const untouched = (await lookupInteractions(getDb(), anna, { logKey })).items;
    expect(untouched.map((i) => [i.id, i.internetMessageId, i.loggedBy.map((l) => l.displayName)])).toEqual([[sent.value.id, null, ['Anna Becker']]]);
    // The same header from a colleague's address joins the record as before.
    const colleague = await log({ logKey, internetMessageId: messageId(), direction: 'inbound', sender: ANNA.toUpperCase() }, ben);
    expect(colleague.value.id).toBe(sent.value.id);
  });

  it('keeps log keys apart per tenant', async () => {
    const other = await seedActor(getDb(), { name: 'Clara Vogt' });
    const logKey = randomUUID();
    const here = await log({ logKey }, anna);
    const there = await log({ logKey }, other);
    expect(there.created).toBe(true);
    expect(there.value.id).not.toBe(here.value.id);
  });

  it('refuses a log key on anything but an email', () => {
    const parsed = InteractionCreate.safeParse({ type: 'meeting', occurredAt: '2026-12-02T09:00:00Z', logKey: randomUUID() });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['logKey']);
  });
});
