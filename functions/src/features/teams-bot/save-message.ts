// "Save to CRM" on a Teams message: composeExtension/fetchTask answers the dialog with what the message suggests,
// composeExtension/submitAction stores it as one interaction through the interactions feature, keyed by the message.
import { AccountListQuery, MessageActionValue, SaveToCrmData, TypeaheadSearch, type BotActivity, type TeamsMessagePayload } from '@crm/common';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { HttpProblem } from '../../core/http/problem';
import { validate } from '../../core/http/request-input';
import { nameBasedId } from '../../core/name-based-id';
import { searchAccounts } from '../accounts';
import { logInteraction } from '../interactions';
import { erasedAddresses, restrictedAmong, seesRestricted } from '../privacy';
import { createTask } from '../tasks';
import { ACCOUNT_DATASET, popup, saveDialog, type Choice, type DialogContent } from './cards';
import { firstLine, htmlToText } from './html-text';
import { accountsByIds, accountsPointedAt, contactsMatching, contactsOfAccounts, existingContactIds, type SuggestedContact } from './store';
import type { Texts } from './texts';

export interface InvokeContext {
  db: Db;
  actor: Actor;
  activity: BotActivity;
  texts: Texts;
  /** Where the Teams tabs are served (CRM_HOSTING_URL). */
  hostingUrl: string;
}

/** The invoke's value, validated with the field names as they sit in the activity (value.data.accountId). */
export const valueOf = <T extends z.ZodType>(activity: BotActivity, schema: T): z.output<T> =>
  validate(z.looseObject({ value: schema }), activity, 'body').value as z.output<T>;

function messageOf(value: MessageActionValue): TeamsMessagePayload {
  if (!value.messagePayload) {
    throw new HttpProblem(400, 'The activity is not valid: value.messagePayload is required (start "Save to CRM" from a message)', [
      { field: 'value.messagePayload', in: 'body', reason: 'is required' },
    ]);
  }
  return value.messagePayload;
}

/**
 * A Teams message id is unique within its conversation only (it is a timestamp), so the key is the conversation
 * (without the ";messageid=" a channel reply carries) and the message id.
 */
export const messageKey = (activity: BotActivity, message: TeamsMessagePayload): string => `${activity.conversation.id.split(';')[0]}/${message.id}`;

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
const emailsIn = (text: string): string[] => [...new Set((text.match(EMAIL) ?? []).map((e) => e.toLowerCase()))].slice(0, 20);

const authorOf = (message: TeamsMessagePayload): string | null => message.from?.user?.displayName ?? message.from?.application?.displayName ?? null;

interface Suggestions {
  accounts: Choice[];
  accountId: string | null;
  contacts: Choice[];
  contactIds: string[];
}

const contactChoices = (contacts: readonly SuggestedContact[], accountNames: Map<string, string>): Choice[] => {
  const unique = [...new Map(contacts.map((c) => [c.id, c])).values()];
  return unique.map((c) => ({ title: c.accountId && accountNames.size > 1 ? `${c.name} (${accountNames.get(c.accountId) ?? ''})` : c.name, value: c.id }));
};

/**
 * From the message alone (no Graph call, no chat roster): addresses in the text, the author's and the mentioned people's
 * names, account names and address domains in the text. Addresses of erased people are dropped first, so they suggest
 * nothing; restricted people are left out for all but CRM.Privacy and CRM.Admin.
 */
async function suggest(ctx: InvokeContext, message: TeamsMessagePayload, text: string, chosenAccountId?: string): Promise<Suggestions> {
  const { db, actor } = ctx;
  const hide = !seesRestricted(actor);
  const found = emailsIn(text);
  const erased = new Set(await erasedAddresses(db, actor.tenantId, found));
  const emails = found.filter((e) => !erased.has(e));
  const names = [authorOf(message), ...(message.mentions ?? []).map((m) => m.mentioned?.user?.displayName ?? null)].filter((n): n is string => Boolean(n));
  const [people, pointed] = await Promise.all([
    contactsMatching(db, actor.tenantId, { emails, names }, hide),
    accountsPointedAt(db, actor.tenantId, text, [...new Set(emails.map((e) => e.split('@')[1]!))]),
  ]);
  const fromPeople = people.map((p) => p.accountId).filter((id): id is string => id !== null);
  const accountIds = [...new Set([...(chosenAccountId ? [chosenAccountId] : []), ...fromPeople, ...pointed.map((a) => a.id)])].slice(0, 10);
  const accounts = await accountsByIds(db, actor.tenantId, accountIds);
  const names_ = new Map(accounts.map((a) => [a.id, a.name]));
  const colleagues = await contactsOfAccounts(db, actor.tenantId, accountIds.slice(0, 5), hide);
  return {
    accounts: accountIds.filter((id) => names_.has(id)).map((id) => ({ title: names_.get(id)!, value: id })),
    accountId: chosenAccountId ?? fromPeople[0] ?? pointed[0]?.id ?? null,
    contacts: contactChoices([...people, ...colleagues], names_),
    contactIds: people.map((p) => p.id),
  };
}

function dialog(ctx: InvokeContext, message: TeamsMessagePayload, text: string, s: Suggestions, extra: Partial<DialogContent> = {}) {
  return saveDialog({
    texts: ctx.texts,
    author: authorOf(message),
    messageText: text,
    subject: firstLine(text) || ctx.texts.dialogTitle,
    type: 'note',
    ...s,
    ...extra,
  });
}

export async function fetchSaveDialog(ctx: InvokeContext) {
  const message = messageOf(valueOf(ctx.activity, MessageActionValue));
  const text = htmlToText(message.body.content);
  return dialog(ctx, message, text, await suggest(ctx, message, text));
}

/** Where in Teams the message was: the channel and team, the meeting, or the chat; with its link and author. */
function originOf(activity: BotActivity, message: TeamsMessagePayload) {
  const data = activity.channelData;
  const author = authorOf(message);
  const place = data?.channel
    ? { channelId: data.channel.id, ...(data.team ? { teamId: data.team.id } : {}), ...(data.channel.name ? { name: data.channel.name } : {}) }
    : data?.meeting
      ? { meetingId: data.meeting.id, chatId: activity.conversation.id.split(';')[0]! }
      : { chatId: activity.conversation.id.split(';')[0]!, ...(activity.conversation.name ? { name: activity.conversation.name } : {}) };
  return { ...place, ...(message.linkToMessage?.startsWith('https://') ? { messageUrl: message.linkToMessage } : {}), ...(author ? { author } : {}) };
}

export async function submitSaveDialog(ctx: InvokeContext) {
  const { db, actor, texts, activity } = ctx;
  const value = valueOf(activity, MessageActionValue);
  const message = messageOf(value);
  const data = valueOf(activity, z.looseObject({ data: SaveToCrmData })).data;
  const text = htmlToText(message.body.content);

  const again = async (error: string) =>
    dialog(ctx, message, text, await suggest(ctx, message, text, data.accountId), {
      error,
      subject: data.subject,
      type: data.type,
      contactIds: data.contactIds,
      followUpDue: data.followUpDue,
      followUpTitle: data.followUpTitle,
    });

  const [account] = await accountsByIds(db, actor.tenantId, [data.accountId]);
  if (!account) return dialog(ctx, message, text, await suggest(ctx, message, text), { error: texts.accountGone, subject: data.subject, type: data.type });
  const existing = await existingContactIds(db, actor.tenantId, data.contactIds);
  if (data.contactIds.some((id) => !existing.has(id))) return again(texts.contactGone);
  if (!seesRestricted(actor) && (await restrictedAmong(db, actor.tenantId, data.contactIds)).size > 0) return again(texts.restricted);

  // The text is the message's own: a second save, even one racing the first, adds a logger and no second copy of it.
  const { value: interaction, created } = await logInteraction(
    db,
    actor,
    {
      type: data.type,
      occurredAt: message.createdDateTime ?? new Date().toISOString(),
      subject: data.subject,
      summary: text === '' ? undefined : text,
      source: 'teams',
      teamsMessageId: messageKey(activity, message),
      teamsOrigin: originOf(activity, message),
      accountIds: [account.id],
      contactIds: data.contactIds,
      opportunityIds: [],
    },
    { summaryIsContent: true },
  );

  let followUp = '';
  if (data.followUpDue) {
    // Named by the interaction, the saver and the day: a retried submit finds the follow-up it made.
    await createTask(db, actor, {
      id: nameBasedId(`teams-follow-up:${actor.tenantId}:${interaction.id}:${actor.userId}:${data.followUpDue}`),
      kind: 'follow_up',
      title: (data.followUpTitle ?? texts.followUpTitleDefault(data.subject)).slice(0, 300),
      dueDate: data.followUpDue,
      accountId: account.id,
      contactId: data.contactIds.length === 1 ? data.contactIds[0]! : null,
      interactionId: interaction.id,
    });
    followUp = texts.followUpAdded(data.followUpDue);
  }
  return popup(`${created ? texts.saved(account.name) : texts.savedAgain(account.name)}${followUp}`);
}

/** The account picker's type-ahead (Adaptive Cards Data.Query), answered as "Dynamic search" on Learn describes. */
export async function searchAccountChoices(ctx: InvokeContext) {
  const search = valueOf(ctx.activity, TypeaheadSearch);
  if (search.dataset !== ACCOUNT_DATASET) {
    throw new HttpProblem(400, `The activity is not valid: value.dataset must be ${ACCOUNT_DATASET}`, [
      { field: 'value.dataset', in: 'body', reason: `must be ${ACCOUNT_DATASET}` },
    ]);
  }
  const page = await searchAccounts(ctx.db, ctx.actor, AccountListQuery.parse({ q: search.queryText || undefined, limit: search.queryOptions?.top ?? 15 }));
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.search.searchResponse',
    value: { results: page.items.map((a) => ({ title: a.name, value: a.id })) },
  };
}
