// "Save to CRM" end to end: the fake Bot Framework channel posts composeExtension/fetchTask and /submitAction with its
// tokens to /api/messages, and the saved message appears on the account's timeline through the ordinary API, with its
// Teams origin; a second save adds a logger; restricted and erased people are neither suggested nor linked; bad
// payloads are 4xx.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fetchTaskActivity, submitActionActivity, type ConversationOptions, type MessageOptions } from '../../../../test/fake-bot-channel/activities';
import { startFakeBotChannel, type FakeBotChannel } from '../../../../test/fake-bot-channel/channel';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { createBotService } from './index';

interface Person {
  oid: string;
  name: string;
  token: string;
}

describeEachDatabase('Save to CRM from a Teams message', (getDb) => {
  let channel: FakeBotChannel;
  let api: ApiHarness;
  const tenantId = randomUUID();
  let seller: Person;
  let colleague: Person;
  let officer: Person;
  let reader: Person;
  let boss: Person;
  let admin: string;
  let account: { id: string };
  let anna: { id: string };
  let bernd: { id: string };
  let carla: { id: string; etag: string };

  const call = callAs(() => api);
  const created = (path: string, body: unknown) => createAs(() => api)(admin, path, body);

  async function signIn(name: string, roles: Parameters<ApiHarness['token']>[0]['roles']): Promise<Person> {
    const oid = randomUUID();
    const token = await api.token({ tenantId, userId: oid, name, roles });
    expect((await call(token, 'GET', '/api/me')).status).toBe(200);
    return { oid, name, token };
  }

  beforeAll(async () => {
    channel = await startFakeBotChannel();
    api = await createApiHarness(getDb(), { bot: createBotService(channel.botConfig, '*') });
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    seller = await signIn('Sina Vertrieb', ['CRM.User']);
    colleague = await signIn('Kai Kollege', ['CRM.User']);
    officer = await signIn('Dana Datenschutz', ['CRM.Privacy']);
    reader = await signIn('Lea Lesend', ['CRM.Reader']);
    boss = await signIn('Ada Admin', ['CRM.Admin']);
    account = await created('/api/accounts', { name: 'Keller Maschinenbau GmbH', domains: ['keller-maschinen.example'] });
    anna = await created('/api/contacts', { firstName: 'Anna', lastName: 'Kunde', accountId: account.id, emails: ['anna@keller-maschinen.example'] });
    bernd = await created('/api/contacts', { firstName: 'Bernd', lastName: 'Gesperrt', accountId: account.id, emails: ['bernd@keller-maschinen.example'] });
    carla = await created('/api/contacts', { firstName: 'Carla', lastName: 'Gelöscht', accountId: account.id, emails: ['carla@keller-maschinen.example'] });
    expect((await call(officer.token, 'POST', `/api/contacts/${bernd.id}/restriction`, { reason: 'Art. 18(1)(a)' })).status).toBe(200);
  });
  afterAll(async () => {
    await channel.close();
  });

  const as = (person: Person, conversationId = `19:${randomUUID()}@thread.v2`, locale?: string): ConversationOptions => ({
    tenantId,
    appId: channel.appId,
    user: { oid: person.oid, name: person.name },
    conversation: { kind: 'groupChat', id: conversationId },
    locale,
  });
  const post = async (activity: unknown) => {
    const response = await api.call('POST', '/api/messages', { token: await channel.token(), body: activity });
    return response;
  };
  const message = (html: string, extra: Partial<MessageOptions> = {}): MessageOptions => ({
    id: String(Date.now() + Math.floor(Math.random() * 1000)),
    html,
    author: { oid: randomUUID(), name: 'Anna Kunde' },
    createdDateTime: '2026-12-01T09:30:00.000Z',
    ...extra,
  });
  const cardOf = (body: { task: { type: string; value: { card: { content: { body: Array<Record<string, unknown>> } } } } }) => body.task.value.card.content.body;
  const input = (body: Parameters<typeof cardOf>[0], id: string) => cardOf(body).find((element) => element.id === id) as Record<string, unknown> | undefined;
  const choiceValues = (element: Record<string, unknown> | undefined) => ((element?.choices ?? []) as Array<{ value: string }>).map((c) => c.value);
  const timeline = async (token = seller.token) => (await call(token, 'GET', `/api/accounts/${account.id}/timeline?type=note&type=call&type=complaint`)).body.items;

  it('answers fetchTask with the dialog: the account and the author suggested, the text as plain text, restricted people left out', async () => {
    const text = '<p>Hallo Sina,</p><p>die <b>Spindel</b> ist defekt &amp; muss getauscht werden. Bernd (bernd@keller-maschinen.example) weiß Bescheid.</p>';
    const response = await post(fetchTaskActivity(as(seller), message(text)));
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ type: 'continue', value: { title: 'Save to CRM', card: { contentType: 'application/vnd.microsoft.card.adaptive' } } });
    const preview = cardOf(response.body).find((element) => element.type === 'RichTextBlock') as { inlines: Array<{ type: string; text: string }> };
    expect(preview.inlines).toEqual([{ type: 'TextRun', text: 'Hallo Sina,\ndie Spindel ist defekt & muss getauscht werden. Bernd (bernd@keller-maschinen.example) weiß Bescheid.' }]);
    expect(input(response.body, 'accountId')).toMatchObject({ value: account.id, choices: [{ title: 'Keller Maschinenbau GmbH', value: account.id }] });
    expect(input(response.body, 'subject')).toMatchObject({ value: 'Hallo Sina,' });
    const contacts = input(response.body, 'contactIds');
    expect(contacts?.value).toBe(anna.id);
    expect(choiceValues(contacts)).toContain(anna.id);
    expect(choiceValues(contacts)).not.toContain(bernd.id);

    // An admin sees the restricted person, and their address suggests them.
    const asOfficer = await post(fetchTaskActivity(as(boss), message(text)));
    expect(choiceValues(input(asOfficer.body, 'contactIds'))).toContain(bernd.id);
    expect(String(input(asOfficer.body, 'contactIds')?.value).split(',').sort()).toEqual([anna.id, bernd.id].sort());
  });

  it('suggests nothing from the address of an erased person, and says in German what to do without a suggestion', async () => {
    const erased = await call(officer.token, 'POST', `/api/contacts/${carla.id}/erase`, { reason: 'Art. 17, Ticket 1' }, carla.etag);
    expect(erased.status, erased.text).toBe(200);
    const response = await post(fetchTaskActivity(as(seller, undefined, 'de-DE'), message('Bitte an carla@keller-maschinen.example schreiben', { author: null })));
    expect(response.body.task.value.title).toBe('Im CRM speichern');
    expect(choiceValues(input(response.body, 'accountId'))).toEqual([]);
    expect(cardOf(response.body).map((element) => element.text)).toContain('In dieser Nachricht wurde keine Firma erkannt: bitte suchen.');
    const submitted = await post(
      submitActionActivity(as(seller), message('Bitte an Carla schreiben'), { accountId: account.id, type: 'note', subject: 'Carla', contactIds: carla.id }),
    );
    expect(submitted.body.task.type).toBe('continue');
    expect(cardOf(submitted.body)[0]).toMatchObject({ text: 'A chosen contact is no longer in the CRM. Choose the others only.', color: 'attention' });
  });

  it('saves the message once to the account timeline with its origin; a second save by a colleague adds a logger', async () => {
    const conversationId = `19:${randomUUID()}@thread.v2`;
    const saved = message('<div>Reklamation: <i>Lieferung</i> kam beschädigt an.<br>Bitte Rückruf.</div>');
    const data = { accountId: account.id, type: 'complaint', subject: 'Lieferung beschädigt', contactIds: anna.id, action: 'save' };
    const first = await post(submitActionActivity(as(seller, conversationId), saved, data));
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ task: { type: 'message', value: 'Saved to Keller Maschinenbau GmbH.' } });

    const [item] = (await timeline()).filter((i: { subject: string }) => i.subject === 'Lieferung beschädigt');
    expect(item).toMatchObject({
      type: 'complaint',
      status: 'open',
      source: 'teams',
      occurredAt: '2026-12-01T09:30:00.000Z',
      summary: 'Reklamation: Lieferung kam beschädigt an.\nBitte Rückruf.',
      teamsMessageId: `${conversationId}/${saved.id}`,
      contactIds: [anna.id],
      teamsOrigin: { chatId: conversationId, author: 'Anna Kunde', messageUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(conversationId)}/${saved.id}` },
      loggedBy: [{ displayName: 'Sina Vertrieb' }],
    });

    const second = await post(submitActionActivity(as(colleague, conversationId), saved, { ...data, type: 'note', subject: 'Noch einmal' }));
    expect(second.body.task.value).toBe('This message was already saved to Keller Maschinenbau GmbH; you are now listed as having logged it too.');
    const items = (await timeline()).filter((i: { teamsMessageId: string | null }) => i.teamsMessageId === `${conversationId}/${saved.id}`);
    expect(items).toHaveLength(1);
    expect(items[0].loggedBy.map((l: { displayName: string }) => l.displayName)).toEqual(['Sina Vertrieb', 'Kai Kollege']);
    // One copy of the text, whoever saved it again.
    expect(items[0].summary).toBe('Reklamation: Lieferung kam beschädigt an.\nBitte Rückruf.');
    expect(items[0].subject).toBe('Lieferung beschädigt');
  });

  it('keeps one copy of the text when two colleagues save the same message for the first time at the same moment', async () => {
    const conversationId = `19:${randomUUID()}@thread.v2`;
    const saved = message('<p>Angebot bitte bis Freitag.</p>');
    const data = { accountId: account.id, type: 'note', subject: 'Angebot bis Freitag', contactIds: anna.id, action: 'save' };
    const answers = await Promise.all([
      post(submitActionActivity(as(seller, conversationId), saved, data)),
      post(submitActionActivity(as(colleague, conversationId), saved, data)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const items = (await timeline()).filter((i: { teamsMessageId: string | null }) => i.teamsMessageId === `${conversationId}/${saved.id}`);
    expect(items).toHaveLength(1);
    expect(items[0].summary).toBe('Angebot bitte bis Freitag.');
    expect(items[0].loggedBy.map((l: { displayName: string }) => l.displayName).sort()).toEqual(['Kai Kollege', 'Sina Vertrieb']);
  });

  it('keys a channel reply by its channel and message, and keeps the team and channel as the origin', async () => {
    const channelId = `19:${randomUUID()}@thread.tacv2`;
    const options: ConversationOptions = {
      ...as(seller),
      conversation: { kind: 'channel', id: `${channelId};messageid=1700000000000`, teamId: '19:team@thread.tacv2', channelName: 'Vertrieb Süd' },
    };
    const reply = message('Angebot Wartung geschickt');
    const response = await post(submitActionActivity(options, reply, { accountId: account.id, type: 'note', subject: 'Angebot Wartung' }));
    expect(response.status, response.text).toBe(200);
    const [item] = (await timeline()).filter((i: { subject: string }) => i.subject === 'Angebot Wartung');
    expect(item.teamsMessageId).toBe(`${channelId}/${reply.id}`);
    expect(item.teamsOrigin).toMatchObject({ channelId: `${channelId};messageid=1700000000000`, teamId: '19:team@thread.tacv2', name: 'Vertrieb Süd' });
  });

  it('does not link a restricted person for a user, shows the dialog again with why, and links them for an admin', async () => {
    const restricted = message('Bernd ruft zurück');
    const data = { accountId: account.id, type: 'call', subject: 'Rückruf Bernd', contactIds: `${anna.id},${bernd.id}` };
    const refused = await post(submitActionActivity(as(seller), restricted, data));
    expect(refused.body.task.type).toBe('continue');
    expect(cardOf(refused.body)[0]?.text).toMatch(/restricted \(GDPR Art\. 18\)/);
    expect(choiceValues(input(refused.body, 'contactIds'))).not.toContain(bernd.id);
    expect((await timeline(officer.token)).some((i: { subject: string }) => i.subject === 'Rückruf Bernd')).toBe(false);

    const byOfficer = await post(submitActionActivity(as(boss), restricted, data));
    expect(byOfficer.body.task.type).toBe('message');
    const [item] = (await timeline(officer.token)).filter((i: { subject: string }) => i.subject === 'Rückruf Bernd');
    expect(item.contactIds.sort()).toEqual([anna.id, bernd.id].sort());
    // A user still sees the call, without the restricted person.
    const [seen] = (await timeline()).filter((i: { subject: string }) => i.subject === 'Rückruf Bernd');
    expect(seen.contactIds).toEqual([anna.id]);
  });

  it('adds a follow-up once, however often the submit is retried', async () => {
    const followed = message('Bitte nächste Woche nachhaken');
    const data = { accountId: account.id, type: 'note', subject: 'Nachhaken', followUpDue: '2026-12-09', followUpTitle: 'Bei Anna nachhaken', contactIds: anna.id };
    const activity = submitActionActivity(as(seller), followed, data);
    const first = await post(activity);
    expect(first.body.task.value).toBe('Saved to Keller Maschinenbau GmbH. Follow-up on 2026-12-09 added.');
    await post(activity);
    const tasks = (await call(seller.token, 'GET', `/api/tasks?accountId=${account.id}`)).body.items.filter((t: { title: string }) => t.title === 'Bei Anna nachhaken');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ dueDate: '2026-12-09', contactId: anna.id, kind: 'follow_up' });
  });

  it('answers the account picker type-ahead with matching accounts', async () => {
    const search = { ...fetchTaskActivity(as(seller), message('x')), name: 'application/search', value: { queryText: 'kell', dataset: 'crm.accounts', queryOptions: { skip: 0, top: 10 } } };
    const response = await post(search);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: 'Keller Maschinenbau GmbH', value: account.id }] },
    });
  });

  it('tells someone the CRM does not know, or who may not write, what to do instead of saving', async () => {
    const stranger = { oid: randomUUID(), name: 'Neu Hier', token: '' };
    expect((await post(fetchTaskActivity(as(stranger), message('x')))).body).toEqual({
      task: { type: 'message', value: 'The CRM does not know you yet: open the CRM once in Teams or Outlook, then try again.' },
    });
    expect((await post(fetchTaskActivity(as(reader), message('x')))).body.task.value).toMatch(/may not change CRM data/);
    // The data protection officer reads, but does not write, in the CRM.
    expect((await post(fetchTaskActivity(as(officer), message('x')))).body.task.value).toMatch(/may not change CRM data/);
  });

  it('answers bad payloads with a 4xx that names the field', async () => {
    const noMessage = submitActionActivity(as(seller), message('x'), { accountId: account.id, type: 'note', subject: 'x' });
    delete (noMessage.value as { messagePayload?: unknown }).messagePayload;
    const missing = await post(noMessage);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'value.messagePayload' });

    const noAccount = await post(submitActionActivity(as(seller), message('x'), { type: 'note', subject: 'x' }));
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.errors).toContainEqual({ field: 'value.data.accountId', in: 'body', reason: 'is required' });

    const badType = await post(submitActionActivity(as(seller), message('x'), { accountId: account.id, type: 'chat', subject: 'x' }));
    expect(badType.body.errors[0]).toMatchObject({ field: 'value.data.type' });
    const badContact = await post(submitActionActivity(as(seller), message('x'), { accountId: account.id, type: 'note', subject: 'x', contactIds: 'nope' }));
    expect(badContact.body.errors[0]).toMatchObject({ field: 'value.data.contactIds[0]' });
    const badDate = await post(submitActionActivity(as(seller), message('x'), { accountId: account.id, type: 'note', subject: 'x', followUpDue: '9.12.2026' }));
    expect(badDate.body.errors[0]).toMatchObject({ field: 'value.data.followUpDue' });

    const otherCommand = await post(fetchTaskActivity(as(seller), message('x'), 'somethingElse'));
    expect(otherCommand.status).toBe(400);
    expect(otherCommand.body.errors[0]).toMatchObject({ field: 'value.commandId' });
    const badPayload = fetchTaskActivity(as(seller), message('x'));
    (badPayload.value as { messagePayload: { body: unknown } }).messagePayload.body = { content: 42 };
    expect((await post(badPayload)).body.errors[0]).toMatchObject({ field: 'value.messagePayload.body.content' });
    const unknownInvoke = await post({ ...fetchTaskActivity(as(seller), message('x')), name: 'adaptiveCard/action' });
    expect(unknownInvoke.status).toBe(400);
    expect(unknownInvoke.body.errors[0]).toMatchObject({ field: 'name', reason: expect.stringContaining('composeExtension/submitAction') });
  });
});
