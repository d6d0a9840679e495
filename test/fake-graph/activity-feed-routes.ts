// POST /users/{id}/teamwork/sendActivityNotification as Learn documents it
// (https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification): activityType, previewText and a
// topic are required; a topic with source "text" needs value and a Teams deep link as webUrl; templateParameters are
// name/value pairs. The app must be installed for the recipient, else 403. Success is 204 without a body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError, parseJsonBody, readBody } from './http-util';
import type { ActivityNotificationRecord, Mailbox } from './model';

const bad = (message: string) => new GraphError(400, 'BadRequest', message);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function validateActivityNotification(body: Record<string, unknown>): void {
  if (typeof body.activityType !== 'string' || body.activityType === '') throw bad('activityType is required.');
  if (!isObject(body.previewText) || typeof body.previewText.content !== 'string') throw bad('previewText is required.');
  const topic = body.topic;
  if (!isObject(topic) || (topic.source !== 'text' && topic.source !== 'entityUrl') || typeof topic.value !== 'string' || topic.value === '')
    throw bad('topic with source and value is required.');
  if (topic.source === 'text' && (typeof topic.webUrl !== 'string' || !topic.webUrl.startsWith('https://teams.microsoft.com/l/')))
    throw bad('topic.webUrl must be a Teams deep link when topic.source is text.');
  const parameters = body.templateParameters ?? [];
  if (!Array.isArray(parameters) || !parameters.every((p) => isObject(p) && typeof p.name === 'string' && typeof p.value === 'string'))
    throw bad('templateParameters must be name/value pairs.');
}

export async function sendActivityNotification(
  req: IncomingMessage,
  res: ServerResponse,
  mailbox: Mailbox,
  record: (entry: ActivityNotificationRecord) => void,
  now: number,
): Promise<void> {
  const body = parseJsonBody(await readBody(req));
  validateActivityNotification(body);
  if (!mailbox.teamsAppInstalled) throw new GraphError(403, 'Forbidden', 'The app is not installed for the recipient.');
  record({ userId: mailbox.id, body, at: now });
  res.writeHead(204, { 'request-id': randomUUID() });
  res.end();
}
