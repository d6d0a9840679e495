// The invoke activities Teams sends a message extension's bot, shaped as Microsoft Learn shows them (README.md cites the
// pages): composeExtension/fetchTask and composeExtension/submitAction for an action command started on a message,
// composeExtension/query for a search command.
import { randomUUID } from 'node:crypto';
import { TEAMS_SERVICE_URL } from './channel';

export interface TeamsUser {
  /** Entra object id (from.aadObjectId). */
  oid: string;
  name: string;
}

export interface ConversationOptions {
  tenantId: string;
  user: TeamsUser;
  /** The bot's app id; Teams addresses the bot as 28:<app id>. */
  appId: string;
  /** A group chat by default; a channel conversation carries the team and channel in channelData. */
  conversation?: { kind: 'groupChat'; id?: string } | { kind: 'channel'; id?: string; teamId?: string; teamName?: string; channelName?: string };
  serviceUrl?: string;
  channelId?: string;
  /** The Teams client's language; en-US unless given. */
  locale?: string;
}

export interface MessageOptions {
  id?: string;
  /** HTML, as Teams sends body.content. */
  html: string;
  author?: { oid: string; name: string } | null;
  createdDateTime?: string;
  mentions?: Array<{ oid: string; name: string }>;
}

/** Invoke activity around a value, as the Bot Connector posts it to /api/messages. */
function invoke(name: string, options: ConversationOptions, value: unknown) {
  const conversation = options.conversation ?? { kind: 'groupChat' };
  const conversationId = conversation.id ?? (conversation.kind === 'channel' ? `19:${randomUUID()}@thread.tacv2` : `19:${randomUUID()}@thread.v2`);
  return {
    type: 'invoke',
    name,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl ?? TEAMS_SERVICE_URL,
    channelId: options.channelId ?? 'msteams',
    from: { id: `29:${randomUUID()}`, name: options.user.name, aadObjectId: options.user.oid },
    recipient: { id: `28:${options.appId}`, name: 'CRM' },
    conversation: {
      isGroup: true,
      conversationType: conversation.kind,
      tenantId: options.tenantId,
      id: conversationId,
    },
    channelData: {
      tenant: { id: options.tenantId },
      source: { name: conversation.kind === 'channel' ? 'compose' : 'message' },
      ...(conversation.kind === 'channel'
        ? {
            team: { id: conversation.teamId ?? `19:${randomUUID()}@thread.tacv2`, name: conversation.teamName ?? 'Vertrieb' },
            channel: { id: conversationId, name: conversation.channelName ?? 'General' },
          }
        : {}),
    },
    locale: options.locale ?? 'en-US',
    entities: [{ type: 'clientInfo', locale: options.locale ?? 'en-US', country: 'DE', platform: 'Web', timezone: 'Europe/Berlin' }],
    value,
  };
}

export type InvokeActivity = ReturnType<typeof invoke>;

/** value.messagePayload: the message the action was started on (Learn: "Create and send dialogs", message payload). */
export function messagePayload(message: MessageOptions, conversationId = `19:${randomUUID()}@thread.v2`) {
  const id = message.id ?? String(Date.now());
  return {
    id,
    replyToId: null,
    createdDateTime: message.createdDateTime ?? new Date().toISOString(),
    lastModifiedDateTime: null,
    deleted: false,
    subject: null,
    summary: null,
    importance: 'normal',
    locale: 'en-us',
    linkToMessage: `https://teams.microsoft.com/l/message/${encodeURIComponent(conversationId)}/${id}`,
    body: { contentType: 'html', content: message.html },
    from:
      message.author === null
        ? null
        : {
            device: null,
            conversation: null,
            user: { userIdentityType: 'aadUser', id: message.author?.oid ?? randomUUID(), displayName: message.author?.name ?? 'Anna Kunde' },
            application: null,
          },
    reactions: [],
    mentions: (message.mentions ?? []).map((m, i) => ({
      id: i,
      mentionText: m.name,
      mentioned: { device: null, conversation: null, user: { userIdentityType: 'aadUser', id: m.oid, displayName: m.name }, application: null },
    })),
    attachments: [],
  };
}

/** The conversation id an activity will carry, so a message's link can point into it. */
const conversationIdOf = (options: ConversationOptions) =>
  options.conversation?.id ?? `19:${randomUUID()}@thread.${options.conversation?.kind === 'channel' ? 'tacv2' : 'v2'}`;

/** composeExtension/fetchTask: the user picked "Save to CRM" on a message. */
export function fetchTaskActivity(options: ConversationOptions, message: MessageOptions, commandId = 'saveToCrm') {
  const conversationId = conversationIdOf(options);
  return invoke('composeExtension/fetchTask', { ...options, conversation: { ...(options.conversation ?? { kind: 'groupChat' }), id: conversationId } }, {
    commandId,
    commandContext: 'message',
    requestId: randomUUID(),
    messagePayload: messagePayload(message, conversationId),
    context: { theme: 'default' },
  });
}

/** composeExtension/submitAction: the dialog's Action.Submit with its inputs in value.data, the message again in messagePayload. */
export function submitActionActivity(options: ConversationOptions, message: MessageOptions, data: Record<string, unknown>, commandId = 'saveToCrm') {
  const conversationId = conversationIdOf(options);
  return invoke('composeExtension/submitAction', { ...options, conversation: { ...(options.conversation ?? { kind: 'groupChat' }), id: conversationId } }, {
    commandId,
    commandContext: 'message',
    requestId: randomUUID(),
    messagePayload: messagePayload(message, conversationId),
    context: { theme: 'default' },
    data,
  });
}

/** composeExtension/query: text typed into the search command's box (Learn: "Respond to search command"). */
export function queryActivity(options: ConversationOptions, text: string, commandId = 'searchCrm', queryOptions = { skip: 0, count: 25 }) {
  return invoke('composeExtension/query', options, {
    commandId,
    parameters: [{ name: 'searchQuery', value: text }],
    queryOptions,
  });
}
