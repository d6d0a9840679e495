// The CRM card search in the compose box end to end: the fake channel posts composeExtension/query, the answer lists
// accounts and open opportunities as cards with owner, open pipeline, open complaints, next follow-up and a button
// opening the account tab; restricted people's complaints and follow-ups are not counted for those who may not see them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryActivity, type ConversationOptions } from '../../../../test/fake-bot-channel/activities';
import { CRM_TEST_HOSTING_URL, startFakeBotChannel, type FakeBotChannel } from '../../../../test/fake-bot-channel/channel';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { createBotService } from './index';

interface Person {
  oid: string;
  name: string;
  token: string;
  id: string;
}

interface Attachment {
  contentType: string;
  content: { body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }>; actions: Array<Record<string, unknown>> };
  preview: { contentType: string; content: { title: string; text: string } };
}

describeEachDatabase('CRM card search from the Teams compose box', (getDb) => {
  let channel: FakeBotChannel;
  let api: ApiHarness;
  const tenantId = randomUUID();
  let seller: Person;
  let boss: Person;
  let account: { id: string };

  const call = callAs(() => api);

  async function signIn(name: string, roles: Parameters<ApiHarness['token']>[0]['roles']): Promise<Person> {
    const oid = randomUUID();
    const token = await api.token({ tenantId, userId: oid, name, roles });
    const me = await call(token, 'GET', '/api/me');
    return { oid, name, token, id: me.body.id };
  }

  beforeAll(async () => {
    channel = await startFakeBotChannel();
    api = await createApiHarness(getDb(), { bot: createBotService(channel.botConfig, '*') });
    seller = await signIn('Sina Vertrieb', ['CRM.User']);
    boss = await signIn('Ada Admin', ['CRM.Admin']);
    const officer = await signIn('Dana Datenschutz', ['CRM.Privacy']);
    const created = (path: string, body: unknown) => createAs(() => api)(boss.token, path, body);
    account = await created('/api/accounts', { name: 'Nordlicht Energie AG', ownerId: seller.id });
    await created('/api/accounts', { name: 'Südwind Technik GmbH' });
    const anna = await created('/api/contacts', { firstName: 'Anna', lastName: 'Nord', accountId: account.id });
    const bernd = await created('/api/contacts', { firstName: 'Bernd', lastName: 'Gesperrt', accountId: account.id });
    await created('/api/opportunities', { accountId: account.id, name: 'Wärmepumpen Halle 3', amount: 100_000 });
    await created('/api/opportunities', { accountId: account.id, name: 'Wartungsvertrag', amount: 60_000 });
    const won = await created('/api/opportunities', { accountId: account.id, name: 'Altes Projekt', amount: 999_000 });
    expect((await call(boss.token, 'PATCH', `/api/opportunities/${won.id}`, { status: 'won' }, won.etag)).status).toBe(200);
    const complaint = { type: 'complaint', occurredAt: '2026-11-20T10:00:00.000Z', accountIds: [account.id] };
    await created('/api/interactions', { ...complaint, subject: 'Rechnung falsch', contactIds: [anna.id] });
    await created('/api/interactions', { ...complaint, subject: 'Beschwerde Bernd', contactIds: [bernd.id] });
    await created('/api/tasks', { title: 'Bernd zurückrufen', dueDate: '2026-12-20', accountId: account.id, contactId: bernd.id });
    await created('/api/tasks', { title: 'Angebot nachfassen', dueDate: '2026-12-22', accountId: account.id });
    expect((await call(officer.token, 'POST', `/api/contacts/${bernd.id}/restriction`, { reason: 'Art. 18(1)(a)' })).status).toBe(200);
  });
  afterAll(async () => {
    await channel.close();
  });

  const as = (person: Pick<Person, 'oid' | 'name'>, locale?: string): ConversationOptions => ({
    tenantId,
    appId: channel.appId,
    user: { oid: person.oid, name: person.name },
    locale,
  });
  const search = async (activity: unknown) => api.call('POST', '/api/messages', { token: await channel.token(), body: activity });
  const facts = (attachment: Attachment) => Object.fromEntries(attachment.content.body.find((b) => b.type === 'FactSet')!.facts!.map((f) => [f.title, f.value]));

  it('finds an account by name and answers its card with owner, open pipeline, open complaints, next follow-up and the tab button', async () => {
    const response = await search(queryActivity(as(seller), 'nordlicht'));
    expect(response.status, response.text).toBe(200);
    expect(response.body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [card, ...rest] = response.body.composeExtension.attachments as Attachment[];
    expect(rest).toEqual([]);
    expect(card!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card!.content.body[0]).toMatchObject({ type: 'TextBlock', text: 'Nordlicht Energie AG' });
    // The won opportunity is not open pipeline; the complaint and follow-up about the restricted person do not count.
    expect(facts(card!)).toEqual({
      Owner: 'Sina Vertrieb',
      'Open pipeline': '€160,000',
      'Open complaints': '1',
      'Next follow-up': '22 Dec 2026: Angebot nachfassen',
    });
    const page = `${CRM_TEST_HOSTING_URL}/teams/account.html?accountId=${account.id}`;
    expect(card!.content.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Open account',
        data: { msteams: { type: 'invoke', value: { type: 'tab/tabInfoAction', tabInfo: { contentUrl: page, websiteUrl: page, name: 'Nordlicht Energie AG', entityId: `account-${account.id}` } } } },
      },
      { type: 'Action.OpenUrl', title: 'Open in the browser', url: page },
    ]);
    expect(card!.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: 'Nordlicht Energie AG', text: 'Open pipeline: €160,000 · Open complaints: 1' },
    });
  });

  it('counts what only an admin may see for an admin, and speaks German to a German client', async () => {
    const response = await search(queryActivity(as(boss, 'de-DE'), 'Nordlicht'));
    const [card] = response.body.composeExtension.attachments as Attachment[];
    expect(facts(card!)).toEqual({
      Verantwortlich: 'Sina Vertrieb',
      'Offene Pipeline': '160.000\u00a0€',
      'Offene Reklamationen': '2',
      'Nächste Wiedervorlage': '20.12.2026: Bernd zurückrufen',
    });
    expect(card!.content.actions.map((a) => a.title)).toEqual(['Firma öffnen', 'Im Browser öffnen']);
  });

  it("finds an open opportunity by name and shows it on its account's card; pages with skip and count", async () => {
    const response = await search(queryActivity(as(seller), 'wärmepumpen'));
    const [card] = response.body.composeExtension.attachments as Attachment[];
    expect(card!.content.body[1]).toMatchObject({ text: 'Opportunity: Wärmepumpen Halle 3 (lead, €100,000)' });
    expect(card!.preview.content.title).toBe('Wärmepumpen Halle 3 · Nordlicht Energie AG');
    expect((await search(queryActivity(as(seller), 'altes projekt'))).body.composeExtension.attachments).toEqual([]);

    const both = await search(queryActivity(as(seller), 'n', 'searchCrm', { skip: 0, count: 25 }));
    const titles = (both.body.composeExtension.attachments as Attachment[]).map((a) => a.preview.content.title);
    expect(titles).toEqual(expect.arrayContaining(['Nordlicht Energie AG', 'Südwind Technik GmbH']));
    const second = await search(queryActivity(as(seller), 'n', 'searchCrm', { skip: 1, count: 1 }));
    expect((second.body.composeExtension.attachments as Attachment[]).map((a) => a.preview.content.title)).toEqual([titles[1]]);
  });

  it("opens with the caller's own accounts before anything is typed", async () => {
    const initial = queryActivity(as(seller), '');
    (initial.value as { parameters: unknown }).parameters = [{ name: 'initialRun', value: 'true' }];
    const response = await search(initial);
    expect((response.body.composeExtension.attachments as Attachment[]).map((a) => a.preview.content.title)).toEqual(['Nordlicht Energie AG']);
  });

  it('keeps to the caller’s tenant, tells an unknown user what to do, and refuses another command', async () => {
    const elsewhere = { ...as({ oid: randomUUID(), name: 'Fremd' }), tenantId: randomUUID() };
    const stranger = await search(queryActivity(elsewhere, 'nordlicht'));
    expect(stranger.body).toEqual({
      composeExtension: { type: 'message', text: 'The CRM does not know you yet: open the CRM once in Teams or Outlook, then try again.' },
    });
    const other = await search(queryActivity(as(seller), 'nordlicht', 'saveToCrm'));
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'value.commandId' });
    const badPaging = await search(queryActivity(as(seller), 'n', 'searchCrm', { skip: -1, count: 1 }));
    expect(badPaging.body.errors[0]).toMatchObject({ field: 'value.queryOptions.skip' });
  });
});
