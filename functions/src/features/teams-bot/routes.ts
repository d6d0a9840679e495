// POST /api/messages: the Bot Connector's requests to the Teams bot. Not a catalogue endpoint: its caller is the Bot
// Connector with its own token (bot-token.ts), and an invoke's answer is the HTTP response itself.
import { randomUUID } from 'node:crypto';
import { BotActivity } from '@crm/common';
import type { Kernel } from '../../core/http/endpoint-handler';
import { logUnexpected } from '../../core/http/endpoint-handler';
import type { RawRoute } from '../../core/http/api-app';
import { HttpProblem, problemFromError, problemResponse } from '../../core/http/problem';
import { readJsonBody, validate } from '../../core/http/request-input';
import { translatePgError } from '../../core/db/pg-errors';
import { checkActivityAgainstToken } from './bot-token';
import { callerOf, type BotService } from './service';

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
        const db = await kernel.db();
        await callerOf(db, bot, activity);
        throw new HttpProblem(501, `The CRM's bot does not handle the invoke ${activity.name ?? '(no name)'}.`);
      } catch (error) {
        const instance = randomUUID();
        return problemFromError(translatePgError(error), instance, logUnexpected(instance));
      }
    },
  };
}
