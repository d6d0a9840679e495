// Service cases through the API: due times from the service levels, history, first response, resolution, and an
// escalation once per case and level.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { crashingIn } from '../../../../test/support/crashing-db';
import { describeEachDatabase } from '../../../../test/support/databases';
import { escalateDue } from './service';

const HOUR = 3_600_000;

describeEachDatabase('cases', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let agent: string;
  let agentId: string;
  let ownerId: string;

  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)(token, path, body);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    ownerId = ((await call(admin, 'GET', '/api/me')).body as { id: string }).id;
    agent = await api.token({ tenantId, userId: randomUUID(), name: 'Sven Service', roles: ['CRM.User'] });
    agentId = ((await call(agent, 'GET', '/api/me')).body as { id: string }).id;
  });

  /** A complaint that came in `hoursAgo` on an account the admin owns. */
  async function complaint(hoursAgo: number, subject = 'Lieferung beschädigt') {
    const account = await created('/api/accounts', { name: `Kunde ${randomUUID().slice(0, 6)}`, ownerId });
    const occurredAt = new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const interaction = await created('/api/interactions', { type: 'complaint', direction: 'inbound', subject, occurredAt, accountIds: [account.id] });
    return { account, interaction, occurredAt };
  }

  it('opens one case per complaint with due times from the service levels, and moves them with the priority', async () => {
    const c = await complaint(1);
    const opened = await created('/api/cases', { interactionId: c.interaction.id, priority: 'high' }, agent);
    const openedAt = Date.parse(c.occurredAt);
    expect(opened).toMatchObject({
      status: 'open',
      priority: 'high',
      assigneeId: agentId,
      accountId: c.account.id,
      subject: 'Lieferung beschädigt',
      firstResponseDue: new Date(openedAt + 8 * HOUR).toISOString(),
      resolutionDue: new Date(openedAt + 48 * HOUR).toISOString(),
      overdue: false,
      history: [{ kind: 'opened', to: 'high', actorId: agentId }],
    });
    const again = await call(agent, 'POST', '/api/cases', { interactionId: c.interaction.id, priority: 'low' });
    expect(again).toMatchObject({ status: 200, body: { id: opened.id, priority: 'high' } });

    const urgent = await call(agent, 'PATCH', `/api/cases/${opened.id}`, { priority: 'urgent', status: 'in_progress' }, opened.etag);
    expect(urgent.body).toMatchObject({
      priority: 'urgent',
      firstResponseDue: new Date(openedAt + 2 * HOUR).toISOString(),
      resolutionDue: new Date(openedAt + 24 * HOUR).toISOString(),
    });
    expect(urgent.body.history.map((e: { kind: string; from: string; to: string }) => [e.kind, e.from, e.to])).toEqual([
      ['opened', null, 'high'],
      ['status', 'open', 'in_progress'],
      ['priority', 'high', 'urgent'],
    ]);
    // The 412 names who changed the case since, as every other record's does, so the tab can say so (#12).
    expect(await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'waiting' }, opened.etag)).toMatchObject({
      status: 412,
      body: { lastChange: { by: { id: agentId }, action: 'update', fields: expect.arrayContaining(['priority', 'status']) } },
    });

    const note = await created('/api/interactions', { type: 'note', subject: 'keine Beschwerde', occurredAt: c.occurredAt, accountIds: [c.account.id] });
    const refused = await call(agent, 'POST', '/api/cases', { interactionId: note.id });
    expect(refused.body.errors[0]).toMatchObject({ field: 'interactionId', reason: 'is no complaint or service request' });
  });

  it('takes the first outbound email or call on the account as the first response, and resolves the complaint with the case', async () => {
    const c = await complaint(3);
    const opened = await created('/api/cases', { interactionId: c.interaction.id }, agent);
    expect(opened.firstResponseAt).toBeNull();
    const reply = new Date(Date.now() - HOUR).toISOString();
    await created('/api/interactions', {
      type: 'email',
      direction: 'inbound',
      subject: 'Nachfrage',
      occurredAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      accountIds: [c.account.id],
    });
    await created('/api/interactions', { type: 'call', direction: 'outbound', subject: 'Rückruf', occurredAt: reply, accountIds: [c.account.id] });
    const read = await call(agent, 'GET', `/api/cases/${opened.id}`);
    expect(read.body.firstResponseAt).toBe(reply);

    const noResolution = await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'resolved' }, read.headers.get('etag')!);
    expect(noResolution.body.errors[0]).toMatchObject({ field: 'resolution' });
    const resolved = await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'resolved', resolution: 'Ersatz geliefert' }, read.headers.get('etag')!);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Ersatz geliefert', overdue: false });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await call(agent, 'GET', `/api/interactions/${c.interaction.id}`)).body).toMatchObject({ status: 'resolved', resolution: 'Ersatz geliefert' });
    expect((await call(agent, 'GET', `/api/accounts/${c.account.id}/overview`)).body.openComplaints).toEqual([]);
  });

  it("takes a reply in the complaint's email conversation as the first response, as the insights' response time does", async () => {
    const account = await created('/api/accounts', { name: `Kunde ${randomUUID().slice(0, 6)}`, ownerId });
    const conversationId = `conv-${randomUUID()}`;
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const complaint = await created('/api/interactions', {
      type: 'complaint',
      direction: 'inbound',
      subject: 'Falsche Teile',
      occurredAt: at(5),
      conversationId,
      accountIds: [account.id],
    });
    const opened = await created('/api/cases', { interactionId: complaint.id }, agent);
    // Logged to no account (the sender's colleague is no contact yet), but in the same conversation.
    const reply = at(2);
    await created('/api/interactions', { type: 'email', direction: 'outbound', subject: 'AW: Falsche Teile', occurredAt: reply, conversationId });
    expect((await call(agent, 'GET', `/api/cases/${opened.id}`)).body.firstResponseAt).toBe(reply);
  });

  it('resolves the open case when its complaint is resolved, as the Teams account tab does, and leaves a resolved case alone', async () => {
    const c = await complaint(2, 'Ventil klemmt');
    const opened = await created('/api/cases', { interactionId: c.interaction.id, priority: 'high' }, agent);
    const resolved = await call(agent, 'PATCH', `/api/interactions/${c.interaction.id}`, { status: 'resolved', resolution: 'Ventil getauscht' }, c.interaction.etag);
    expect(resolved.status).toBe(200);
    const read = await call(agent, 'GET', `/api/cases/${opened.id}`);
    expect(read.body).toMatchObject({ status: 'resolved', resolution: 'Ventil getauscht', overdue: false });
    expect(read.body.resolvedAt).not.toBeNull();
    expect(read.headers.get('etag')).toBe('"2"');
    expect(read.body.history.map((e: { kind: string; from: string; to: string; actorId: string }) => [e.kind, e.from, e.to, e.actorId])).toEqual([
      ['opened', null, 'high', agentId],
      ['status', 'open', 'resolved', agentId],
    ]);
    expect((await call(agent, 'GET', `/api/cases?accountId=${c.account.id}`)).body.items.map((x: { status: string }) => x.status)).toEqual(['resolved']);

    // Reopening the complaint and resolving it again does not touch the case that is already resolved.
    const reopened = await call(agent, 'PATCH', `/api/interactions/${c.interaction.id}`, { status: 'open' }, resolved.headers.get('etag')!);
    await call(agent, 'PATCH', `/api/interactions/${c.interaction.id}`, { status: 'resolved', resolution: 'Nochmal' }, reopened.headers.get('etag')!);
    const after = await call(agent, 'GET', `/api/cases/${opened.id}`);
    expect(after.body).toMatchObject({ status: 'resolved', resolution: 'Ventil getauscht', etag: '"2"' });

    // A complaint without a case resolves as before.
    const alone = await created('/api/interactions', { type: 'complaint', subject: 'Ohne Fall', occurredAt: c.occurredAt, accountIds: [c.account.id] });
    expect((await call(agent, 'PATCH', `/api/interactions/${alone.id}`, { status: 'resolved', resolution: 'Erledigt' }, alone.etag)).status).toBe(200);
  });

  it('leaves case and complaint as they were when resolving one of them fails before the other is written', async () => {
    const c = await complaint(2, 'Pumpe undicht');
    const opened = await created('/api/cases', { interactionId: c.interaction.id, priority: 'normal' }, agent);

    // The case's resolution written, its complaint's not: nothing of it may stay.
    const caseFirst = await createApiHarness(crashingIn(getDb(), /^UPDATE interactions /));
    const caseToken = await caseFirst.token({ tenantId, userId: agentId, name: 'Sven Service' });
    const failedCase = await callAs(() => caseFirst)(caseToken, 'PATCH', `/api/cases/${opened.id}`, { status: 'resolved', resolution: 'Dichtung neu' }, opened.etag);
    expect(failedCase.status).toBe(500);
    expect((await call(agent, 'GET', `/api/cases/${opened.id}`)).body).toMatchObject({ status: 'open', resolution: null, etag: opened.etag });
    expect((await call(agent, 'GET', `/api/interactions/${c.interaction.id}`)).body).toMatchObject({ status: 'open', etag: c.interaction.etag });

    // The other way round: the complaint's resolution written, its case's not.
    const complaintFirst = await createApiHarness(crashingIn(getDb(), /^UPDATE cases /));
    const complaintToken = await complaintFirst.token({ tenantId, userId: agentId, name: 'Sven Service' });
    const failedComplaint = await callAs(() => complaintFirst)(
      complaintToken,
      'PATCH',
      `/api/interactions/${c.interaction.id}`,
      { status: 'resolved', resolution: 'Dichtung neu' },
      c.interaction.etag,
    );
    expect(failedComplaint.status).toBe(500);
    expect((await call(agent, 'GET', `/api/interactions/${c.interaction.id}`)).body).toMatchObject({ status: 'open', etag: c.interaction.etag });
    expect((await call(agent, 'GET', `/api/cases/${opened.id}`)).body).toMatchObject({ status: 'open', etag: opened.etag });

    // Once nothing fails, one request resolves both.
    expect((await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'resolved', resolution: 'Dichtung neu' }, opened.etag)).status).toBe(200);
    expect((await call(agent, 'GET', `/api/interactions/${c.interaction.id}`)).body).toMatchObject({ status: 'resolved', resolution: 'Dichtung neu' });
  });

  it('escalates a case once per due time passed, to the account owner, and lists overdue cases', async () => {
    const late = await complaint(30, 'Rechnung falsch');
    const opened = await created('/api/cases', { interactionId: late.interaction.id, priority: 'normal' }, agent);
    expect(opened).toMatchObject({ overdue: true });
    const overdue = await call(agent, 'GET', '/api/cases?overdue=true&assigneeId=me');
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(opened.id);

    const now = new Date();
    const first = await escalateDue(getDb(), now);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await escalateDue(getDb(), now)).escalated).toBe(0);
    const tasks = await call(admin, 'GET', `/api/tasks?accountId=${late.account.id}`);
    expect(tasks.body.items.map((t: { title: string; assigneeId: string }) => [t.title.replace(/since .* UTC/, 'since …'), t.assigneeId])).toEqual([
      ['First response overdue since …: Rechnung falsch', ownerId],
    ]);
    const later = new Date(now.getTime() + 100 * HOUR);
    await escalateDue(getDb(), later);
    await escalateDue(getDb(), later);
    const both = await call(admin, 'GET', `/api/tasks?accountId=${late.account.id}`);
    expect(both.body.items.map((t: { title: string }) => t.title.split(' overdue')[0]).sort()).toEqual(['First response', 'Resolution']);
    const history = (await call(agent, 'GET', `/api/cases/${opened.id}`)).body.history as Array<{ kind: string; to: string }>;
    expect(history.filter((e) => e.kind === 'escalated').map((e) => e.to)).toEqual(['1', '2']);
    // Each escalation's follow-up is queued once for the Teams activity feed of the one it went to.
    const queued = await getDb().query<{ activity_type: string; user_id: string; title: string }>(
      `SELECT n.activity_type, n.user_id, t.title FROM activity_notifications n JOIN tasks t ON t.tenant_id = n.tenant_id AND t.id = n.task_id
       WHERE n.tenant_id = $1 AND t.account_id = $2 ORDER BY t.title`,
      [tenantId, late.account.id],
    );
    expect(queued.map((n) => [n.activity_type, n.user_id, n.title.split(' overdue')[0]])).toEqual([
      ['caseEscalated', ownerId, 'First response'],
      ['caseEscalated', ownerId, 'Resolution'],
    ]);
  });

  it("puts the open case of a complaint on the pane's context and the account tab: priority, due times, overdue and escalation, gone once resolved", async () => {
    const c = await complaint(30, 'Pumpe undicht');
    const email = `kunde-${randomUUID().slice(0, 6)}@pumpen.example`;
    await created('/api/contacts', { lastName: 'Kunde', emails: [email], accountId: c.account.id });
    const other = await created('/api/interactions', { type: 'complaint', subject: 'Ohne Fall', occurredAt: c.occurredAt, accountIds: [c.account.id] });
    const opened = await created('/api/cases', { interactionId: c.interaction.id, priority: 'high' }, agent);
    await escalateDue(getDb());
    const complaints = async () =>
      ((await call(agent, 'GET', `/api/context?email=${encodeURIComponent(email)}`)).body.accounts[0].openComplaints as Array<{ id: string; case?: unknown }>).sort(
        (a, b) => (a.id === c.interaction.id ? -1 : b.id === c.interaction.id ? 1 : 0),
      );
    const [withCase, without] = await complaints();
    expect(withCase).toMatchObject({
      id: c.interaction.id,
      case: {
        id: opened.id,
        priority: 'high',
        status: 'open',
        firstResponseDue: opened.firstResponseDue,
        resolutionDue: opened.resolutionDue,
        firstResponseAt: null,
        overdue: true,
        escalationLevel: 1,
      },
    });
    expect(without).toMatchObject({ id: other.id });
    expect(without!.case).toBeUndefined();
    // The account tab lists the complaint with the same case.
    const tab = (await call(agent, 'GET', `/api/accounts/${c.account.id}/overview`)).body.openComplaints as Array<{ id: string; case?: unknown }>;
    expect(tab.find((x) => x.id === c.interaction.id)!.case).toEqual(withCase!.case);
    expect(tab.find((x) => x.id === other.id)!.case).toBeUndefined();
    const read = await call(agent, 'GET', `/api/cases/${opened.id}`);
    await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'resolved', resolution: 'Dichtung getauscht' }, read.headers.get('etag')!);
    expect((await complaints()).map((x) => x.id)).toEqual([other.id]);
  });

  it('hides a case about a restricted person from other roles', async () => {
    const account = await created('/api/accounts', { name: `Kunde ${randomUUID().slice(0, 6)}` });
    const person = await created('/api/contacts', { lastName: 'Eingeschränkt', accountId: account.id });
    const occurredAt = new Date(Date.now() - HOUR).toISOString();
    const interaction = await created('/api/interactions', { type: 'complaint', subject: 'Beschwerde', occurredAt, contactIds: [person.id] });
    const opened = await created('/api/cases', { interactionId: interaction.id }, agent);
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(officer, 'POST', `/api/contacts/${person.id}/restriction`, { reason: 'Art. 18' })).status).toBe(200);
    expect((await call(agent, 'GET', `/api/cases/${opened.id}`)).status).toBe(404);
    expect((await call(agent, 'GET', `/api/cases?accountId=${account.id}`)).body.items).toEqual([]);
    expect((await call(agent, 'PATCH', `/api/cases/${opened.id}`, { status: 'waiting' }, opened.etag)).status).toBe(404);
    expect((await call(admin, 'GET', `/api/cases/${opened.id}`)).status).toBe(200);
  });

  it('does not escalate a case only about a restricted person until the restriction is lifted (Art. 18)', async () => {
    const account = await created('/api/accounts', { name: `Kunde ${randomUUID().slice(0, 6)}`, ownerId });
    const person = await created('/api/contacts', { lastName: 'Gesperrt', accountId: account.id });
    const occurredAt = new Date(Date.now() - 30 * HOUR).toISOString();
    const interaction = await created('/api/interactions', {
      type: 'complaint',
      direction: 'inbound',
      subject: 'Beschwerde über Lieferung',
      occurredAt,
      contactIds: [person.id],
      accountIds: [account.id],
    });
    const opened = await created('/api/cases', { interactionId: interaction.id }, agent);
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(officer, 'POST', `/api/contacts/${person.id}/restriction`, { reason: 'Art. 18' })).status).toBe(200);
    const later = new Date(Date.now() + 100 * HOUR);
    await escalateDue(getDb(), later);
    const escalations = async () => {
      const tasks = await call(admin, 'GET', `/api/tasks?accountId=${account.id}`);
      const history = (await call(admin, 'GET', `/api/cases/${opened.id}`)).body.history as Array<{ kind: string }>;
      return { tasks: tasks.body.items.length, escalated: history.filter((e) => e.kind === 'escalated').length };
    };
    expect(await escalations()).toEqual({ tasks: 0, escalated: 0 });

    expect((await call(officer, 'DELETE', `/api/contacts/${person.id}/restriction`, { reason: 'geklärt' })).status).toBe(200);
    await escalateDue(getDb(), later);
    expect(await escalations()).toEqual({ tasks: 1, escalated: 1 });
  });

  it('keeps tenants apart', async () => {
    const c = await complaint(1);
    const opened = await created('/api/cases', { interactionId: c.interaction.id }, agent);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'GET', `/api/cases/${opened.id}`)).status).toBe(404);
    expect((await call(stranger, 'GET', '/api/cases')).body.items).toEqual([]);
    expect((await call(stranger, 'POST', '/api/cases', { interactionId: c.interaction.id })).status).toBe(400);
  });
});
