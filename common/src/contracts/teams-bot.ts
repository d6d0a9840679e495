// The Bot Framework activities Teams sends the CRM's message extension (POST /api/messages), as Microsoft Learn documents
// them: the Activity schema (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object),
// the message action's messagePayload (https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module)
// and the search command's query (https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search).
// Teams adds fields over time, so the objects keep what they do not name instead of refusing it.
import { z } from 'zod';
import { IsoDate, Text, Uuid } from './primitives';

const Id = Text.min(1).max(1000);

/** The message extension's command ids, as the app manifest declares them and the invokes name them. */
export const BOT_COMMANDS = { saveToCrm: 'saveToCrm', searchCrm: 'searchCrm' } as const;

export const BotChannelAccount = z.looseObject({
  id: Id,
  name: Text.max(500).optional(),
  /** The Entra object id of a Teams user; absent for bots. */
  aadObjectId: z.string().max(100).optional(),
});

/** Teams' conversation ids are about 100 characters; 500 leaves room and keeps the saved message's key within its limit. */
const ConversationId = Text.min(1).max(500);

export const BotConversation = z.looseObject({
  id: ConversationId,
  conversationType: z.string().max(50).optional(),
  tenantId: z.string().max(100).optional(),
  name: Text.max(500).optional(),
});

export const TeamsChannelData = z.looseObject({
  tenant: z.looseObject({ id: z.string().max(100) }).optional(),
  channel: z.looseObject({ id: ConversationId, name: Text.max(500).optional() }).optional(),
  team: z.looseObject({ id: ConversationId, name: Text.max(500).optional() }).optional(),
  meeting: z.looseObject({ id: Id }).optional(),
});

/** What every activity carries, whatever its type: enough to check the token against and to know who is calling. */
export const BotActivity = z.looseObject({
  type: z.string().min(1).max(100),
  name: z.string().max(200).optional(),
  id: z.string().max(1000).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url().max(2000),
  from: BotChannelAccount,
  recipient: BotChannelAccount.optional(),
  conversation: BotConversation,
  channelData: TeamsChannelData.optional(),
  locale: z.string().max(50).optional(),
  value: z.unknown().optional(),
});
export type BotActivity = z.infer<typeof BotActivity>;

/** The message a message action was started on (value.messagePayload). */
export const TeamsMessagePayload = z.looseObject({
  /** A timestamp in milliseconds, as text. */
  id: Text.min(1).max(100),
  createdDateTime: z.iso.datetime({ offset: true }).optional(),
  linkToMessage: z.url().max(4000).optional(),
  subject: Text.max(1000).nullable().optional(),
  body: z.looseObject({ contentType: z.string().max(20).optional(), content: Text.max(200_000) }),
  from: z
    .looseObject({
      user: z.looseObject({ id: z.string().max(100).optional(), displayName: Text.max(500).nullable().optional() }).nullable().optional(),
      application: z.looseObject({ id: z.string().max(100).optional(), displayName: Text.max(500).nullable().optional() }).nullable().optional(),
    })
    .nullable()
    .optional(),
  mentions: z
    .array(
      z.looseObject({
        mentionText: Text.max(500).optional(),
        mentioned: z.looseObject({ user: z.looseObject({ id: z.string().max(100).optional(), displayName: Text.max(500).nullable().optional() }).nullable().optional() }).optional(),
      }),
    )
    .max(100)
    .optional(),
});
export type TeamsMessagePayload = z.infer<typeof TeamsMessagePayload>;

/** composeExtension/fetchTask and composeExtension/submitAction: the command, where it was started and, for submit, the dialog's data. */
export const MessageActionValue = z.looseObject({
  commandId: z.string().min(1).max(64),
  commandContext: z.string().max(20).optional(),
  messagePayload: TeamsMessagePayload.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type MessageActionValue = z.infer<typeof MessageActionValue>;

/** composeExtension/query: the search box's text as the command's parameters, and paging. */
export const MessageExtensionQuery = z.looseObject({
  commandId: z.string().min(1).max(64),
  parameters: z
    .array(z.looseObject({ name: z.string().max(64), value: z.union([Text.max(500), z.number(), z.boolean()]).optional() }))
    .max(10)
    .default([]),
  queryOptions: z.looseObject({ skip: z.number().int().min(0).max(1000).default(0), count: z.number().int().min(1).max(100).default(25) }).optional(),
});
export type MessageExtensionQuery = z.infer<typeof MessageExtensionQuery>;

/** The kinds of record "Save to CRM" offers; a message is logged as what it was about, not as a chat. */
export const SavedMessageType = z.enum(['note', 'call', 'complaint', 'service_request']);
export type SavedMessageType = z.infer<typeof SavedMessageType>;

const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The "Save to CRM" dialog's inputs as its Action.Submit sends them in value.data: Adaptive Card inputs are strings, and a
 * multi-select ChoiceSet joins its values with commas.
 */
export const SaveToCrmData = z.looseObject({
  accountId: Uuid,
  type: SavedMessageType,
  subject: Text.trim().min(1).max(1000),
  contactIds: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : (value ?? [])),
    z.array(Uuid).max(50),
  ),
  followUpDue: z.preprocess(blankAsAbsent, IsoDate.optional()),
  followUpTitle: z.preprocess(blankAsAbsent, Text.trim().max(300).optional()),
});
export type SaveToCrmData = z.infer<typeof SaveToCrmData>;

/** Adaptive Cards' dynamic type-ahead (Data.Query) asks with an application/search invoke. */
export const TypeaheadSearch = z.looseObject({
  queryText: Text.max(200).default(''),
  dataset: z.string().max(100),
  queryOptions: z.looseObject({ skip: z.number().int().min(0).max(1000).default(0), top: z.number().int().min(1).max(50).default(15) }).optional(),
});
export type TypeaheadSearch = z.infer<typeof TypeaheadSearch>;
