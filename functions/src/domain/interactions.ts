// Logging interactions: new records answer "created", repeats of the same email or meeting answer "existing".
import type { InteractionCreate } from '@crm/common';
import type { Db } from '../store/db';
import { logInteraction as storeLog } from '../store/interactions-store';
import { inTransaction } from '../store/pg-errors';
import type { Actor } from './actor';
import { auditChange, type Created } from './records';
import type { Interaction } from '@crm/common';

export async function logInteraction(db: Db, actor: Actor, input: InteractionCreate): Promise<Created<Interaction>> {
  return inTransaction(db, async (tx) => {
    const { interaction, created } = await storeLog(tx, actor.tenantId, actor.userId, input);
    await auditChange(tx, actor, created ? 'log' : 'log-again', 'interaction', interaction.id);
    return { value: interaction, created };
  });
}
