// Colleagues on an email are not customers: tenant users and the tenant's own domains are marked internal, never offered as contacts.
import { AccountCreate, InteractionCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { logInteraction } from '../interactions';
import { defaultSettings, replaceSettings } from '../settings';
import { customerContext } from './service';

describeEachDatabase('internal people in the context', (getDb) => {
  let anna: Actor;
  const signIn = async (actor: Actor, email: string) =>
    getDb().query(`UPDATE users SET email = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, actor.userId, email]);
  const marks = async (actor: Actor, emails: string[]) =>
    (await customerContext(getDb(), actor, emails)).people.map((p) => [p.email, p.status, p.status === 'unknown' ? (p.internal ?? false) : null]);

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    const ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben' });
    await signIn(anna, 'anna.becker@becker-industrie.de');
    await signIn(ben, 'Ben.Roth@Becker-Industrie.de');
  });

  it("marks a colleague and any address of the tenant users' domains internal, without a suggested account", async () => {
    // Someone once filed the own company as an account; a colleague must still not be offered as its contact.
    await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Becker Industrie', domains: ['becker-industrie.de'] }));
    await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Keller Pumpen GmbH', domains: ['keller-pumpen.de'] }));
    expect(await marks(anna, ['ben.roth@becker-industrie.de', 'neu@becker-industrie.de', 'karl@keller-pumpen.de'])).toEqual([
      ['ben.roth@becker-industrie.de', 'unknown', true],
      ['neu@becker-industrie.de', 'unknown', true],
      ['karl@keller-pumpen.de', 'unknown', false],
    ]);
    const { people } = await customerContext(getDb(), anna, ['ben.roth@becker-industrie.de', 'karl@keller-pumpen.de']);
    expect(people.map((p) => p.status === 'unknown' && p.suggestedAccount?.name)).toEqual([undefined, 'Keller Pumpen GmbH']);
  });

  it('takes the configured internal domains instead of the derived ones, and tenant users always', async () => {
    const carla = await seedActor(getDb(), { name: 'Carla', roles: ['CRM.Admin'] });
    await signIn(carla, 'carla@gruppe.example');
    await replaceSettings(getDb(), carla, { ...defaultSettings, internalDomains: ['werk.example', 'holding.example'] }, 1);
    expect(await marks(carla, ['x@werk.example', 'y@holding.example', 'carla@gruppe.example', 'z@gruppe.example'])).toEqual([
      ['x@werk.example', 'unknown', true],
      ['y@holding.example', 'unknown', true],
      ['carla@gruppe.example', 'unknown', true],
      ['z@gruppe.example', 'unknown', false],
    ]);
  });

  it('finds the email logged at send time by its log key only when a colleague sent it, not by a header from outside', async () => {
    const logKey = randomUUID();
    const sent = await logInteraction(
      getDb(),
      anna,
      InteractionCreate.parse({ type: 'email', direction: 'outbound', occurredAt: '2026-12-02T09:00:00Z', subject: 'Angebot', source: 'addin', logKey }),
    );
    const logged = async (sender?: string) =>
      (
        await customerContext(getDb(), anna, ['karl@keller-pumpen.de'], {
          logKey,
          internetMessageId: `<${randomUUID()}@x.example>`,
          ...(sender ? { sender } : {}),
        })
      ).logged.map((i) => i.id);
    expect(await logged('ben.roth@becker-industrie.de')).toEqual([sent.value.id]);
    // A customer who writes the header into their own email must not make the pane say "Logged by Anna".
    expect(await logged('karl@keller-pumpen.de')).toEqual([]);
    expect(await logged()).toEqual([]);
  });

  it('marks nobody internal for another tenant', async () => {
    const stranger = await seedActor(getDb());
    expect(await marks(stranger, ['ben.roth@becker-industrie.de'])).toEqual([['ben.roth@becker-industrie.de', 'unknown', false]]);
  });
});
