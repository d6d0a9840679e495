// Who is calling the bot: the Teams user's tenant and Entra object id, vouched for by the Bot Connector's signature,
// mapped to the CRM user their last sign-in made.
import { AppRole, type BotActivity } from '@crm/common';
import type { Actor } from '../../core/actor';
import { forbidden } from '../../core/auth/principal';
import type { BotConfig } from '../../core/config';
import type { Queryable } from '../../core/db/db';
import { HttpProblem } from '../../core/http/problem';
import { createBotTokenValidator, type BotTokenOptions, type BotTokenValidator } from './bot-token';
import { userByEntraOid } from './store';

export interface BotService {
  validator: BotTokenValidator;
  /** Where the Teams tabs are served, for the cards' "open account" button. */
  hostingUrl: string;
  /** The tenants the API admits (ENTRA_ALLOWED_TENANTS); the bot admits no other. */
  allowedTenants: '*' | readonly string[];
}

export const createBotService = (config: BotConfig, allowedTenants: '*' | readonly string[], options?: BotTokenOptions): BotService => ({
  validator: createBotTokenValidator(config, options),
  hostingUrl: config.hostingUrl,
  allowedTenants,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const badField = (field: string, reason: string) => new HttpProblem(400, `The activity is not valid: ${field} ${reason}`, [{ field, in: 'body', reason }]);

/**
 * The CRM user behind a Teams invoke, or null for someone who never signed in to the CRM (no roles known yet). An invoke
 * carries no roles, so the ones stored at the last sign-in count.
 */
export async function callerOf(db: Queryable, bot: BotService, activity: BotActivity): Promise<Actor | null> {
  const tenantId = (activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '').toLowerCase();
  if (!GUID.test(tenantId)) throw badField('channelData.tenant.id', 'must be the Entra tenant id (a GUID)');
  if (bot.allowedTenants !== '*' && !bot.allowedTenants.includes(tenantId)) throw forbidden('your organisation (tenant) is not allowed to use this CRM');
  const oid = (activity.from.aadObjectId ?? '').toLowerCase();
  if (!GUID.test(oid)) throw badField('from.aadObjectId', 'must be the Entra object id of a Teams user (a GUID)');
  const user = await userByEntraOid(db, tenantId, oid);
  if (!user) return null;
  const roles = user.roles.filter((role) => AppRole.safeParse(role).success);
  return { tenantId, userId: user.id, displayName: user.displayName, roles };
}
