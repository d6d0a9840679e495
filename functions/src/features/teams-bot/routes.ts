// POST /api/messages: the Bot Connector's requests to the Teams bot. Not a catalogue endpoint: its caller is the Bot
// Connector with its own token (bot-token.ts), and an invoke's answer is the HTTP response itself
// (https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit).
import { randomUUID } from 'node:crypto';
import { BOT_COMMANDS, BotActivity, mayAccess, type Access } from '@crm/common';
import type { Kernel } from '../../core/http/endpoint-handler';
import { logUnexpected } from '../../core/http/endpoint-handler';
import type { RawRoute } from '../../core/http/api-app';
import { HttpProblem, problemFromError, problemResponse } from '../../core/http/problem';
import { readJsonBody, validate } from '../../core/http/request-input';
import { translatePgError } from '../../core/db/pg-errors';
import { checkActivityAgainstToken } from './bot-token';
import { popup } from './cards';
import { fetchSaveDialog, searchAccountChoices, submitSaveDialog, type InvokeContext } from './save-message';
import { searchCards, searchNotice } from './search-cards';
import { callerOf, type BotService } from './service';
import { languageOf, textsFor } from './texts';

interface InvokeHandler {
  access: Exclude<Access, 'public'>;
  /** The manifest command the invoke must name; none for invokes without a command. */
  commandId?: string;
  run(ctx: InvokeContext): Promise<unknown>;
  /** How to tell the user something instead of an answer (unknown user, no role). */
  notice(text: string): unknown;
}

const HANDLERS: Record<string, InvokeHandler> = {
  'composeExtension/fetchTask': { access: 'write', commandId: BOT_COMMANDS.saveToCrm, run: fetchSaveDialog, notice: popup },
  'composeExtension/submitAction': { access: 'write', commandId: BOT_COMMANDS.saveToCrm, run: submitSaveDialog, notice: popup },
  'composeExtension/query': { access: 'read', commandId: BOT_COMMANDS.searchCrm, run: searchCards, notice: searchNotice },
  'application/search': {
    access: 'read',
    run: searchAccountChoices,
    notice: () => ({ statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } }),
  },
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

function commandOf(activity: BotActivity): string | undefined {
  const value = activity.value as { commandId?: unknown } | undefined;
  return typeof value?.commandId === 'string' ? value.commandId : undefined;
}

export function botMessagesRoute(kernel: Pick<Kernel, 'db'>, bot: BotService | undefined): RawRoute {
  return {
    method: 'POST',
    path: '/api/messages',
    async handle(request) {
      if (!bot) return problemResponse(404, 'The Teams bot is not set up on this CRM; set BOT_APP_ID to the bot registration\'s app id (see README, "Teams bot").');
      try {
        // The token first: nobody learns what the bot accepts without one.
        const token = await bot.validator.verify(request.headers.get('authorization'));
        const activity = validate(BotActivity, await readJsonBody(request), 'body');
        checkActivityAgainstToken(token, activity);
        // Conversation updates, installs and messages need no answer: the bot has nothing to say in a chat.
        if (activity.type !== 'invoke') return new Response(null, { status: 200 });
        const handler = HANDLERS[activity.name ?? ''];
        // A client error, not a 5xx: the sender asked for something this bot never offers, and retrying cannot help.
        if (!handler) {
          throw new HttpProblem(400, `The CRM's bot does not handle the invoke ${activity.name ?? '(no name)'}.`, [
            { field: 'name', in: 'body', reason: `must be one of ${Object.keys(HANDLERS).join(', ')}` },
          ]);
        }
        if (handler.commandId && commandOf(activity) !== handler.commandId) {
          throw new HttpProblem(400, `The activity is not valid: value.commandId must be ${handler.commandId}`, [
            { field: 'value.commandId', in: 'body', reason: `must be ${handler.commandId}` },
          ]);
        }
        const db = await kernel.db();
        const actor = await callerOf(db, bot, activity);
        const texts = textsFor(languageOf(activity.locale));
        if (!actor) return json(handler.notice(texts.notKnown));
        if (!mayAccess(actor.roles, handler.access)) return json(handler.notice(texts.noRole));
        return json(await handler.run({ db, actor, activity, texts, hostingUrl: bot.hostingUrl }));
      } catch (error) {
        const instance = randomUUID();
        return problemFromError(translatePgError(error), instance, logUnexpected(instance));
      }
    },
  };
}
