// POST /api/messages in the API app, driven by the fake Bot Framework channel: only the Bot Connector's tokens for this
// bot get in, the activity is checked against its token, a bad activity is a 400 naming the field, and a tenant the API
// does not admit is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fetchTaskActivity } from '../../../../test/fake-bot-channel/activities';
import { startFakeBotChannel, type FakeBotChannel } from '../../../../test/fake-bot-channel/channel';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { createBotService } from './index';

describeEachDatabase('Teams bot endpoint', (getDb) => {
  let channel: FakeBotChannel;
  let api: ApiHarness;
  const allowedTenant = randomUUID();

  beforeAll(async () => {
    channel = await startFakeBotChannel();
    api = await createApiHarness(getDb(), { bot: createBotService(channel.botConfig, [allowedTenant]) });
  });
  afterAll(async () => {
    await channel.close();
  });

  const activity = (tenantId = allowedTenant) =>
    fetchTaskActivity({ tenantId, appId: channel.appId, user: { oid: randomUUID(), name: 'Sina Vertrieb' } }, { html: '<p>Hallo</p>' });
  const post = (body: unknown, token: string | null) => api.call('POST', '/api/messages', { token, body });

  it('says the bot is not set up where BOT_APP_ID is not configured', async () => {
    const plain = await createApiHarness(getDb());
    const response = await plain.call('POST', '/api/messages', { token: await channel.token(), body: activity() });
    expect(response.status).toBe(404);
    expect(response.body.detail).toMatch(/BOT_APP_ID/);
  });

  it('refuses a request without a token, with a forged one, for another bot, expired, or from an unendorsed key, before reading the body', async () => {
    const noToken = await post(activity(), null);
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect((await post(activity(), await channel.token({ signer: 'unpublished' }))).status).toBe(401);
    const otherBot = await post(activity(), await channel.token({ audience: randomUUID() }));
    expect(otherBot).toMatchObject({ status: 401, body: { detail: expect.stringMatching(/aud/) } });
    expect((await post(activity(), await channel.token({ expiresIn: -400 }))).status).toBe(401);
    expect((await post(activity(), await channel.token({ signer: 'unendorsed' }))).body.detail).toMatch(/not endorsed for the channel msteams/);
    // No token and a broken body: the answer is still about the token, so nobody learns the schema without one.
    expect((await api.call('POST', '/api/messages', { rawBody: '{', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });

  it("refuses a token whose serviceUrl is not the activity's", async () => {
    const response = await post({ ...activity(), serviceUrl: 'https://smba.trafficmanager.net/amer/' }, await channel.token());
    expect(response).toMatchObject({ status: 401, body: { detail: expect.stringMatching(/serviceUrl/) } });
  });

  it('answers a bad activity with a 400 that names the field', async () => {
    const token = await channel.token();
    const broken = await api.call('POST', '/api/messages', { token, rawBody: '{"type":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    const { channelId: _, ...withoutChannel } = activity();
    const missing = await post(withoutChannel, token);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'channelId', in: 'body', reason: 'is required' });
    const badTenant = await post({ ...activity(), channelData: { tenant: { id: 'contoso' } } }, token);
    expect(badTenant.status).toBe(400);
    expect(badTenant.body.errors[0]).toMatchObject({ field: 'channelData.tenant.id' });
    const noUser = await post({ ...activity(), from: { id: '29:abc', name: 'x' } }, token);
    expect(noUser.body.errors[0]).toMatchObject({ field: 'from.aadObjectId' });
    const longConversation = await post({ ...activity(), conversation: { id: `19:${'x'.repeat(500)}@thread.v2` } }, token);
    expect(longConversation.body.errors[0]).toMatchObject({ field: 'conversation.id' });
  });

  it('acknowledges activities that are not invokes with an empty 200', async () => {
    const update = { ...activity(), type: 'conversationUpdate', name: undefined, value: undefined };
    const response = await post(update, await channel.token());
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });

  it('refuses a tenant the API does not admit with 403', async () => {
    const response = await post(activity(randomUUID()), await channel.token());
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/tenant/);
  });
});
