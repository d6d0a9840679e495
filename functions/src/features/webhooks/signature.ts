// Standard Webhooks signatures (https://www.standardwebhooks.com, the spec Svix, Zapier, Twilio and others publish):
// HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the endpoint's secret, so any receiver can check a
// delivery with the spec's libraries or a few lines of its own, and reject replays by the signed timestamp.
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** 32 random bytes, written the way the spec's libraries read a secret. */
export const newWebhookSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`;

export function signatureHeaders(secret: string, eventId: string, timestamp: Date, body: string): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${eventId}.${seconds}.${body}`).digest('base64');
  return { 'webhook-id': eventId, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}
