// The undo's 30 days, counted from the commit's clock: an import committed longer ago than that is refused with a 409
// problem+json that says so and until when it could have been undone; one just inside the limit is undone.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { commitImport, undoImport, uploadImport } from './service';

const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDatabase('imports: the undo limit of 30 days', (getDb) => {
  let api: ApiHarness;
  let actor: Actor;
  let manager = '';
  /** A list of its own (a file is one import), committed at the time the clock says. */
  const committedAt = async (name: string, at: Date) => {
    const list = `Vorname;Nachname;E-Mail\nVera;${name};vera.${name.toLowerCase()}@undo-frist.de\n`;
    const { value } = await uploadImport(getDb(), actor, { fileName: `${name}.csv`, readOptions: {}, bytes: new TextEncoder().encode(list) });
    const committed = await commitImport(getDb(), actor, value.id, { clock: () => at });
    expect(committed.value).toMatchObject({ status: 'committed', committedAt: at.toISOString() });
    return committed.value;
  };
  const undo = (id: string, lang = 'en') => api.call('POST', `/api/imports/${id}/undo`, { token: manager, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    actor = await seedActor(getDb(), { roles: ['CRM.Manager'] });
    manager = await api.token({ tenantId: actor.tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
  });

  it('refuses to undo an import committed more than 30 days ago, saying so as a 409 problem+json', async () => {
    const old = await committedAt('Alt', new Date(Date.now() - 31 * DAY_MS));
    expect(old.undoUntil).toBe(new Date(new Date(old.committedAt!).getTime() + 30 * DAY_MS).toISOString());
    const refused = await undo(old.id);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/^an import can be undone for 30 days after its commit; this one was committed on \d{4}-\d\d-\d\d/),
      undoUntil: old.undoUntil,
    });
    // Nothing was undone: the contact is still there and the import still committed.
    const contacts = await api.call('GET', '/api/contacts?q=Alt', { token: manager });
    expect(contacts.body.items).toHaveLength(1);
    expect((await api.call('GET', `/api/imports/${old.id}`, { token: manager })).body).toMatchObject({ status: 'committed', undoneAt: null });
  });

  it('undoes an import committed just inside the 30 days', async () => {
    const recent = await committedAt('Knapp', new Date(Date.now() - 30 * DAY_MS + 60 * 60 * 1000));
    const undone = await undo(recent.id);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'undone', undo: { reverted: 1, leftAlone: [] } });
    expect((await api.call('GET', '/api/contacts?q=Knapp', { token: manager })).body.items).toEqual([]);
  });

  it('counts to the millisecond with the undo clock: the last moment of the 30th day is in, the next is out', async () => {
    const at = new Date('2026-10-01T08:00:00.000Z');
    const edge = await committedAt('Rand', at);
    const deadline = new Date(at.getTime() + 30 * DAY_MS);
    await expect(undoImport(getDb(), actor, edge.id, () => new Date(deadline.getTime() + 1))).rejects.toMatchObject({
      kind: 'conflict',
      details: { undoUntil: deadline.toISOString() },
    });
    expect(await undoImport(getDb(), actor, edge.id, () => deadline)).toMatchObject({ status: 'undone' });
  });
});
