// The Bot Connector token rules of Learn ("Authentication with the Bot Connector API"), each one refused on its own,
// against the fake channel's metadata and keys; and the key cache: fetched once, again on rotation, not per forged kid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotChannel, TEAMS_SERVICE_URL, type FakeBotChannel } from '../../../../test/fake-bot-channel/channel';
import { AuthError } from '../../core/auth/principal';
import { checkActivityAgainstToken, createBotTokenValidator } from './bot-token';

let channel: FakeBotChannel;
beforeAll(async () => {
  channel = await startFakeBotChannel();
});
afterAll(async () => {
  await channel.close();
});

const bearer = (token: string) => `Bearer ${token}`;

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('Bot Connector token', () => {
  it('accepts a token of the channel for this bot, with its serviceUrl and the key endorsements', async () => {
    const validator = createBotTokenValidator(channel.botConfig);
    const verified = await validator.verify(bearer(await channel.token()));
    expect(verified.serviceUrl).toBe(TEAMS_SERVICE_URL);
    expect(verified.endorsements).toContain('msteams');
    expect(() => checkActivityAgainstToken(verified, { channelId: 'msteams', serviceUrl: TEAMS_SERVICE_URL })).not.toThrow();
  });

  it('refuses a missing header, a non-JWT, a forged signature, an HMAC token under a trusted kid and a token without kid', async () => {
    const validator = createBotTokenValidator(channel.botConfig);
    expect((await refusal(validator.verify(null))).status).toBe(401);
    expect((await refusal(validator.verify('Bearer not.a.jwt'))).message).toMatch(/not a JWT/);
    const forged = await refusal(validator.verify(bearer(await channel.token({ signer: 'unpublished' }))));
    expect(forged).toMatchObject({ status: 401, message: expect.stringMatching(/signature/) });
    const hmac = await refusal(validator.verify(bearer(await channel.token({ hmacSecret: new TextEncoder().encode('x'.repeat(32)) }))));
    expect(hmac.status).toBe(401);
    const [header, payload, signature] = (await channel.token()).split('.');
    const noKid = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header!, 'base64url').toString()), kid: undefined })).toString('base64url');
    expect((await refusal(validator.verify(bearer(`${noKid}.${payload}.${signature}`)))).message).toMatch(/kid/);
  });

  it("refuses another bot's audience, another issuer, and a token expired for more than the 5 minutes of skew", async () => {
    const validator = createBotTokenValidator(channel.botConfig);
    expect((await refusal(validator.verify(bearer(await channel.token({ audience: 'another-bot' }))))).message).toMatch(/aud/);
    expect((await refusal(validator.verify(bearer(await channel.token({ issuer: 'https://sts.windows.net/x/' }))))).message).toMatch(/iss/);
    expect((await refusal(validator.verify(bearer(await channel.token({ expiresIn: -301 }))))).message).toMatch(/expired/);
    await expect(validator.verify(bearer(await channel.token({ expiresIn: -240 })))).resolves.toMatchObject({ serviceUrl: TEAMS_SERVICE_URL });
  });

  it("refuses a key not endorsed for the activity's channel and a serviceUrl other than the activity's", async () => {
    const validator = createBotTokenValidator(channel.botConfig);
    const skypeOnly = await validator.verify(bearer(await channel.token({ signer: 'unendorsed' })));
    expect(() => checkActivityAgainstToken(skypeOnly, { channelId: 'msteams', serviceUrl: TEAMS_SERVICE_URL })).toThrow(/not endorsed for the channel msteams/);
    const elsewhere = await validator.verify(bearer(await channel.token({ serviceUrl: 'https://evil.example/' })));
    expect(() => checkActivityAgainstToken(elsewhere, { channelId: 'msteams', serviceUrl: TEAMS_SERVICE_URL })).toThrow(/serviceUrl/);
    // A trailing slash is the same service.
    const teams = await validator.verify(bearer(await channel.token()));
    expect(() => checkActivityAgainstToken(teams, { channelId: 'msteams', serviceUrl: TEAMS_SERVICE_URL.replace(/\/$/, '') })).not.toThrow();
  });

  it('fetches the keys once, again for a rotated key, at most once a minute for unknown kids, and after a day', async () => {
    let now = Date.now();
    const validator = createBotTokenValidator(channel.botConfig, { now: () => now });
    const before = { ...channel.fetches };
    await validator.verify(bearer(await channel.token()));
    await validator.verify(bearer(await channel.token()));
    expect(channel.fetches.keys - before.keys).toBe(1);

    now += 61_000;
    await channel.rotateKey();
    await validator.verify(bearer(await channel.token()));
    expect(channel.fetches.keys - before.keys).toBe(2);

    // A flood of tokens naming keys nobody published costs no fetch within the minute.
    const [header, payload, signature] = (await channel.token()).split('.');
    const unknownKid = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header!, 'base64url').toString()), kid: 'nobody' })).toString('base64url');
    for (let i = 0; i < 5; i++) await refusal(validator.verify(bearer(`${unknownKid}.${payload}.${signature}`)));
    expect(channel.fetches.keys - before.keys).toBe(2);

    now += 24 * 3600_000 + 1;
    await validator.verify(bearer(await channel.token({ expiresIn: 25 * 3600 })));
    expect(channel.fetches.keys - before.keys).toBe(3);
    expect(channel.fetches.metadata - before.metadata).toBe(3);
  });

  it('answers 503 when the metadata cannot be fetched and no key is known', async () => {
    const validator = createBotTokenValidator({ ...channel.botConfig, openIdMetadataUrl: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' });
    expect((await refusal(validator.verify(bearer(await channel.token())))).status).toBe(503);
  });
});
