// My CRM's leads and cases, loaded after the tab's first paint: my open cases with due times, overdue and escalation
// marked, history, priority, status and resolution; my leads with the score's reasons, status, disqualification with a
// reason and a conversion that asks which account when similar ones exist; in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { interaction, lead, serviceCase } from '@crm/common/web/testing';
import { TabShell } from '../../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, me, myWork, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { MyWorkTab } from '../MyWorkTab';

const LATE = serviceCase({
  id: testUuid('ca1'),
  assigneeId: USER_ID,
  subject: 'Lager defekt',
  priority: 'urgent',
  accountId: ACCOUNT_ID,
  openedAt: '2026-11-20T08:00:00.000Z',
  firstResponseDue: '2026-11-20T10:00:00.000Z',
  resolutionDue: '2099-11-21T08:00:00.000Z',
  escalationLevel: 1,
  overdue: true,
  history: [
    { at: '2026-11-20T08:00:00.000Z', actorId: null, kind: 'opened', from: null, to: null },
    { at: '2026-11-20T09:00:00.000Z', actorId: null, kind: 'priority', from: 'normal', to: 'urgent' },
    { at: '2026-11-20T10:05:00.000Z', actorId: null, kind: 'escalated', from: '0', to: '1' },
  ],
});
const ANSWERED = serviceCase({
  id: testUuid('ca2'),
  subject: 'Rückfrage Wartung',
  type: 'service_request',
  firstResponseAt: '2026-11-20T11:00:00.000Z',
  resolutionDue: '2099-11-25T10:00:00.000Z',
});
const RESOLVED = serviceCase({ id: testUuid('ca3'), subject: 'Erledigt', status: 'resolved', resolution: 'getauscht' });
const KELLER = lead({
  id: testUuid('l1'),
  ownerId: USER_ID,
  firstName: 'Jonas',
  lastName: 'Keller',
  company: 'Keller Maschinen GmbH',
  industry: 'Maschinenbau',
  source: 'event',
  score: {
    total: 53,
    criteria: [
      { key: 'fit', points: 20, weight: 20, reason: 'Maschinenbau is a target industry', code: 'target' },
      { key: 'size', points: 0, weight: 15, reason: 'company size unknown', code: 'unknown', range: { min: 50, max: 500 } },
      { key: 'budget', points: 0, weight: 25, reason: 'budget: unknown', code: 'unknown' },
      { key: 'timing', points: 25, weight: 25, reason: 'timing: within 3 months', code: 'within_3_months' },
      {
        key: 'engagement',
        points: 7.5,
        weight: 15,
        reason: 'engagement: replied (2 logged interactions, 0 meetings held, 1 replies or calls)',
        code: 'replied',
        logged: { interactions: 2, meetings: 0, replies: 1 },
      },
    ],
  },
});
const COLLEAGUES = [
  { id: USER_ID, displayName: 'Anna Becker' },
  { id: testUuid('u2'), displayName: 'Bernd Vertrieb' },
];
const CONVERTED = lead({ id: testUuid('l2'), lastName: 'Schon Kunde', status: 'converted', accountId: ACCOUNT_ID });

function renderMine(more: FakeAnswers = {}, locale = 'en-US') {
  const api = fakeApi({
    myWork: () => myWork({ tasks: [], openTaskCount: 0 }),
    getMySync: () => ({ configured: false, connected: false, items: [] }),
    me: () => me(),
    listLeads: () => ({ items: [KELLER, CONVERTED], nextCursor: null }),
    listCases: () => ({ items: [LATE, ANSWERED, RESOLVED], nextCursor: null }),
    listColleagues: () => ({ items: COLLEAGUES }),
    ...more,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <MyWorkTab />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="service"]')).not.toBeNull());
const caseItems = () => within(screen.getByTestId('my-cases')).getAllByRole('listitem').filter((li) => li.hasAttribute('data-case-id'));
const leadItems = () => within(screen.getByTestId('my-leads')).getAllByRole('listitem').filter((li) => li.hasAttribute('data-lead-id'));

afterEach(cleanup);

describe('My CRM: leads and service cases', () => {
  it('lists my open cases with due times, the overdue one marked and its escalation, and my open leads with the reasons of their score', async () => {
    const api = renderMine();
    await ready();
    expect(api.calls.find((c) => c.name === 'listLeads')!.args.query).toMatchObject({ ownerId: 'me' });
    expect(api.calls.find((c) => c.name === 'listCases')!.args.query).toMatchObject({ assigneeId: 'me' });
    const [late, answered, ...rest] = caseItems();
    expect(rest).toEqual([]);
    expect(late!.getAttribute('data-overdue')).toBe('true');
    expect(within(late!).getByText('Overdue')).toBeTruthy();
    expect(within(late!).getByText('Urgent', { selector: '.fui-Badge' })).toBeTruthy();
    expect(within(late!).getByTestId('first-response').textContent).toMatch(/^First response due 20 Nov 2026, \d\d:\d\d$/);
    expect(within(late!).getByTestId('escalation').textContent).toBe('Escalated: first response overdue');
    expect(within(late!).getByRole('link').getAttribute('href')).toBe(`account.html?accountId=${ACCOUNT_ID}`);
    const history = within(late!).getByTestId('case-history');
    expect([...history.querySelectorAll('li')].map((li) => li.getAttribute('data-kind'))).toEqual(['opened', 'priority', 'escalated']);
    expect(history.textContent).toContain('Priority Normal → Urgent');
    expect(history.textContent).toContain('Escalated (level 1)');
    expect(answered!.getAttribute('data-overdue')).toBe('false');
    expect(within(answered!).getByTestId('first-response').textContent).toMatch(/^First response 20 Nov 2026/);
    expect(within(answered!).queryByTestId('escalation')).toBeNull();

    const leads = leadItems();
    expect(leads.map((l) => l.getAttribute('data-lead-id'))).toEqual([KELLER.id]);
    const score = within(leads[0]!).getByTestId('lead-score');
    expect(score.textContent).toContain('Score 53 of 100');
    expect(within(score).getByText(/Industry fit 20 of 20: Maschinenbau is a target industry/)).toBeTruthy();
    expect(leads[0]!.textContent).toContain('from Event');
  });

  it('changes a case priority and resolves it with the resolution, each with the version it read', async () => {
    const updated: unknown[] = [];
    const api = renderMine({
      updateCase: ({ params, body, ifMatch }) => {
        updated.push({ params, body, ifMatch });
        return { ...LATE, ...body, resolution: body.resolution ?? null, etag: '"2"' };
      },
    });
    await ready();
    fireEvent.change(within(caseItems()[0]!).getByLabelText('Priority of Lager defekt'), { target: { value: 'high' } });
    fireEvent.click(within(caseItems()[0]!).getByRole('button', { name: 'Save: Priority of Lager defekt' }));
    await waitFor(() => expect(updated).toHaveLength(1));
    expect(updated[0]).toEqual({ params: { id: LATE.id }, body: { priority: 'high' }, ifMatch: '"1"' });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listCases')).toHaveLength(2));

    fireEvent.click(within(caseItems()[1]!).getByRole('button', { name: 'Resolve Rückfrage Wartung' }));
    const form = screen.getByRole('form', { name: 'Resolve Rückfrage Wartung' });
    const resolution = within(form).getByLabelText('Resolution');
    expect(document.activeElement).toBe(resolution);
    fireEvent.change(resolution, { target: { value: 'Wartungstermin vereinbart' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.getByTestId('case-resolved').textContent).toBe('Case resolved: Rückfrage Wartung.'));
    expect(updated[1]).toEqual({ params: { id: ANSWERED.id }, body: { status: 'resolved', resolution: 'Wartungstermin vereinbart' }, ifMatch: '"1"' });
  });

  it('disqualifies a lead only with a reason and sets another status at once', async () => {
    const bodies: unknown[] = [];
    renderMine({ updateLead: ({ body }) => (bodies.push(body), { ...KELLER, ...body, disqualifyReason: body.disqualifyReason ?? null, etag: '"2"' }) });
    await ready();
    fireEvent.change(within(leadItems()[0]!).getByLabelText('Status of Jonas Keller'), { target: { value: 'contacted' } });
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Save: Status of Jonas Keller' }));
    await waitFor(() => expect(bodies).toEqual([{ status: 'contacted' }]));
    fireEvent.change(within(leadItems()[0]!).getByLabelText('Status of Jonas Keller'), { target: { value: 'disqualified' } });
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Save: Status of Jonas Keller' }));
    const form = screen.getByRole('form', { name: 'Disqualify Jonas Keller' });
    expect(within(form).getByLabelText('Reason')).toHaveProperty('required', true);
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Kein Budget bis 2028' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Disqualify' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ status: 'disqualified', disqualifyReason: 'Kein Budget bis 2028' });
  });

  it('converts a lead: similar accounts are a question, the chosen one is linked, and the new customer is linked from the notice', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const similar = { id: testUuid('a9'), name: 'Keller Maschinen AG' };
    renderMine({
      convertLead: ({ body }) => {
        bodies.push(body);
        if (!body.accountId && !body.createAccount) {
          return new ApiError('conflict', 409, {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            detail: 'accounts with a similar name exist',
            reason: 'similar_accounts',
            candidates: [{ ...similar, reason: 'legal form differs' }],
          });
        }
        return {
          lead: { ...KELLER, status: 'converted', accountId: similar.id },
          accountId: similar.id,
          accountCreated: false,
          contactId: null,
          contactCreated: true,
          opportunityId: null,
        };
      },
    });
    await ready();
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Convert Jonas Keller into a customer' }));
    const form = () => screen.getByRole('form', { name: 'Convert Jonas Keller into a customer' });
    fireEvent.change(within(form()).getByLabelText('Opportunity name (optional)'), { target: { value: 'Ersatzteile 2027' } });
    fireEvent.change(within(form()).getByLabelText('Amount in EUR (optional)'), { target: { value: '12000' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Convert' }));
    const choices = await within(form()).findByTestId('similar-accounts');
    expect(within(form()).queryByRole('alert')).toBeNull();
    expect(within(choices).getAllByRole('radio').map((r) => r.parentElement!.textContent!.trim())).toEqual(['Keller Maschinen AG', 'None of these: create a new account']);
    fireEvent.click(within(choices).getByLabelText('Keller Maschinen AG'));
    fireEvent.click(within(form()).getByRole('button', { name: 'Convert' }));
    await waitFor(() => expect(screen.getByTestId('lead-converted').textContent).toBe('Jonas Keller is now a customer. Open the account'));
    expect(bodies).toEqual([
      { opportunity: { name: 'Ersatzteile 2027', amount: 12000 } },
      { accountId: similar.id, opportunity: { name: 'Ersatzteile 2027', amount: 12000 } },
    ]);
    expect(within(screen.getByTestId('lead-converted')).getByRole('link').getAttribute('href')).toBe(`account.html?accountId=${similar.id}`);
  });

  it('hands a case and a lead to a colleague (not to who holds it) and says to whom', async () => {
    const caseBodies: unknown[] = [];
    const leadBodies: unknown[] = [];
    const api = renderMine({
      updateCase: ({ body }) => (caseBodies.push(body), { ...LATE, assigneeId: body.assigneeId ?? null, etag: '"2"' }),
      updateLead: ({ body }) => (leadBodies.push(body), { ...KELLER, ownerId: body.ownerId ?? null, etag: '"2"' }),
    });
    await ready();
    const select = within(caseItems()[0]!).getByLabelText('Hand Lager defekt over to');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Hand over to…', 'Bernd Vertrieb']);
    fireEvent.change(select, { target: { value: testUuid('u2') } });
    fireEvent.click(within(caseItems()[0]!).getByRole('button', { name: 'Hand Lager defekt over to the colleague chosen' }));
    await waitFor(() =>
      expect(screen.getByTestId('handed-over').textContent).toBe('Lager defekt handed over to Bernd Vertrieb, who finds it in My CRM and is notified in Teams.'),
    );
    expect(caseBodies).toEqual([{ assigneeId: testUuid('u2') }]);
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listCases')).toHaveLength(2));
    fireEvent.change(within(leadItems()[0]!).getByLabelText('Hand Jonas Keller over to'), { target: { value: testUuid('u2') } });
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Hand Jonas Keller over to the colleague chosen' }));
    await waitFor(() => expect(screen.getByTestId('handed-over').textContent).toMatch(/^Jonas Keller handed over to Bernd Vertrieb/));
    expect(leadBodies).toEqual([{ ownerId: testUuid('u2') }]);
  });

  it('applies a choice only when asked: an arrow key passing options sends nothing, Escape drops it, Enter applies it', async () => {
    const caseBodies: unknown[] = [];
    const api = renderMine({ updateCase: ({ body }) => (caseBodies.push(body), { ...LATE, ...body, etag: '"2"' }) });
    await ready();
    const item = caseItems()[0]!;
    const handOver = within(item).getByLabelText('Hand Lager defekt over to') as HTMLSelectElement;
    // What a closed select does on ArrowDown in Chromium on Windows and Linux: its value changes, a change event fires.
    fireEvent.change(handOver, { target: { value: testUuid('u2') } });
    expect(within(item).getByRole('button', { name: 'Hand Lager defekt over to the colleague chosen' })).toBeTruthy();
    fireEvent.keyDown(handOver, { key: 'Escape' });
    expect(handOver.value).toBe('');
    expect(within(item).queryByRole('button', { name: 'Hand Lager defekt over to the colleague chosen' })).toBeNull();

    const priority = within(item).getByLabelText('Priority of Lager defekt') as HTMLSelectElement;
    fireEvent.change(priority, { target: { value: 'high' } });
    fireEvent.change(priority, { target: { value: 'normal' } });
    expect(api.calls.some((c) => c.name === 'updateCase')).toBe(false);
    // Back on the priority in force, there is nothing to apply.
    fireEvent.change(priority, { target: { value: 'urgent' } });
    expect(within(item).queryByRole('button', { name: 'Save: Priority of Lager defekt' })).toBeNull();
    fireEvent.change(priority, { target: { value: 'normal' } });
    priority.focus();
    fireEvent.keyDown(priority, { key: 'Enter' });
    await waitFor(() => expect(caseBodies).toEqual([{ priority: 'normal' }]));
    expect(document.activeElement).toBe(within(caseItems()[0]!).getByLabelText('Priority of Lager defekt'));
  });

  // A colleague's change after the list was read: the API's 412 names who, when and which fields (#12).
  const stale = (fields: string[]) =>
    new ApiError('changed', 412, {
      type: 'about:blank',
      title: 'Precondition Failed',
      status: 412,
      lastChange: { by: { id: testUuid('u3'), name: 'Markus Wolf' }, at: '2026-12-02T09:30:00Z', action: 'update', fields },
    });

  it("names a colleague's change when resolving a case fails on it, and resolves on their version when told to overwrite", async () => {
    const theirs = { ...ANSWERED, priority: 'high' as const, assigneeId: testUuid('u2'), etag: '"2"' };
    const updated: Array<{ body: unknown; ifMatch: unknown }> = [];
    const api = renderMine({
      updateCase: ({ body, ifMatch }) => {
        updated.push({ body, ifMatch });
        return ifMatch === '"2"' ? { ...theirs, ...body, resolution: body.resolution ?? null, etag: '"3"' } : stale(['priority', 'assigneeId']);
      },
      getCase: () => theirs,
    });
    await ready();
    fireEvent.click(within(caseItems()[1]!).getByRole('button', { name: 'Resolve Rückfrage Wartung' }));
    const form = screen.getByRole('form', { name: 'Resolve Rückfrage Wartung' });
    fireEvent.change(within(form).getByLabelText('Resolution'), { target: { value: 'Wartungstermin vereinbart' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Resolve' }));
    const notice = await within(caseItems()[1]!).findByTestId('changed-notice');
    expect(notice.textContent).toMatch(/^Markus Wolf changed this record on 2 Dec 2026, \d\d:\d\d, after you opened it\./);
    expect(notice.textContent).toContain('Changed: Priority, Assignee.');
    expect(notice.textContent).toContain('Now: priority High · status Open · assigned to Bernd Vertrieb');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(api.calls.find((c) => c.name === 'getCase')!.args.params).toEqual({ id: ANSWERED.id });
    fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite with my changes' }));
    await waitFor(() => expect(screen.getByTestId('case-resolved').textContent).toBe('Case resolved: Rückfrage Wartung.'));
    expect(updated).toEqual([
      { body: { status: 'resolved', resolution: 'Wartungstermin vereinbart' }, ifMatch: '"1"' },
      { body: { status: 'resolved', resolution: 'Wartungstermin vereinbart' }, ifMatch: '"2"' },
    ]);
  });

  it("names a colleague's change of a lead in German and, on reload, shows their version and drops mine", async () => {
    const theirs = { ...KELLER, status: 'qualified' as const, ownerId: testUuid('u2'), etag: '"2"' };
    const bodies: unknown[] = [];
    const api = renderMine(
      {
        updateLead: ({ body }) => (bodies.push(body), stale(['status', 'ownerId'])),
        getLead: () => theirs,
      },
      'de-DE',
    );
    await ready();
    fireEvent.change(within(leadItems()[0]!).getByLabelText('Status von Jonas Keller'), { target: { value: 'contacted' } });
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Speichern: Status von Jonas Keller' }));
    const notice = await within(leadItems()[0]!).findByTestId('changed-notice');
    expect(notice.textContent).toMatch(/^Markus Wolf hat diesen Datensatz am 02\.12\.2026, \d\d:\d\d geändert/);
    expect(notice.textContent).toContain('Geändert: Status, Verantwortlich.');
    expect(notice.textContent).toContain('Jetzt: Status Qualifiziert · verantwortlich: Bernd Vertrieb');
    expect(notice.textContent).not.toContain('Jemand anderes');
    fireEvent.click(within(notice).getByRole('button', { name: 'Neu laden (meine Änderungen verwerfen)' }));
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listLeads')).toHaveLength(2));
    expect(within(leadItems()[0]!).queryByTestId('changed-notice')).toBeNull();
    expect(bodies).toEqual([{ status: 'contacted' }]);
  });

  it("names a colleague's change when converting a lead fails on it, and converts on their version when told to", async () => {
    const theirs = { ...KELLER, ownerId: testUuid('u2'), etag: '"2"' };
    const asked: unknown[] = [];
    renderMine({
      convertLead: ({ body, ifMatch }) => {
        asked.push({ body, ifMatch });
        if (ifMatch !== '"2"') return stale(['ownerId']);
        return { lead: { ...theirs, status: 'converted', accountId: ACCOUNT_ID }, accountId: ACCOUNT_ID, accountCreated: true, contactId: null, contactCreated: true, opportunityId: null };
      },
      getLead: () => theirs,
    });
    await ready();
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Convert Jonas Keller into a customer' }));
    const form = screen.getByRole('form', { name: 'Convert Jonas Keller into a customer' });
    fireEvent.click(within(form).getByRole('button', { name: 'Convert' }));
    const notice = await within(form).findByTestId('changed-notice');
    expect(notice.textContent).toContain('Markus Wolf changed this record on');
    expect(notice.textContent).toContain('Changed: Owner.');
    expect(notice.textContent).toContain('Now: status New · owned by Bernd Vertrieb');
    fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite with my changes' }));
    await waitFor(() => expect(screen.getByTestId('lead-converted').textContent).toBe('Jonas Keller is now a customer. Open the account'));
    expect(asked).toEqual([
      { body: {}, ifMatch: '"1"' },
      { body: {}, ifMatch: '"2"' },
    ]);
  });

  it('hands the focus back to Resolve or the status on cancel, and to the notice of what was done, never to the body (#12 defect 18)', async () => {
    renderMine({
      updateCase: ({ body }) => ({ ...ANSWERED, ...body, resolution: body.resolution ?? null, etag: '"2"' }),
      updateLead: ({ body }) => ({ ...KELLER, ...body, disqualifyReason: body.disqualifyReason ?? null, etag: '"2"' }),
    });
    await ready();
    const resolve = () => within(caseItems()[1]!).getByRole('button', { name: 'Resolve Rückfrage Wartung' });
    fireEvent.click(resolve());
    fireEvent.click(within(screen.getByRole('form', { name: 'Resolve Rückfrage Wartung' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(resolve()));
    fireEvent.click(resolve());
    const form = screen.getByRole('form', { name: 'Resolve Rückfrage Wartung' });
    fireEvent.change(within(form).getByLabelText('Resolution'), { target: { value: 'Termin vereinbart' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('case-resolved')));

    const status = () => within(leadItems()[0]!).getByLabelText('Status of Jonas Keller');
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Disqualify Jonas Keller' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Disqualify Jonas Keller' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(status()));
    fireEvent.click(within(leadItems()[0]!).getByRole('button', { name: 'Disqualify Jonas Keller' }));
    const disqualify = screen.getByRole('form', { name: 'Disqualify Jonas Keller' });
    fireEvent.change(within(disqualify).getByLabelText('Reason'), { target: { value: 'Kein Budget' } });
    fireEvent.click(within(disqualify).getByRole('button', { name: 'Disqualify' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Disqualify Jonas Keller' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(status()));
  });

  it('speaks German and says so when nothing is open', async () => {
    renderMine({ listLeads: () => ({ items: [], nextCursor: null }), listCases: () => ({ items: [LATE], nextCursor: null }) }, 'de-DE');
    await ready();
    expect(screen.getByRole('heading', { name: 'Meine Servicefälle' })).toBeTruthy();
    expect(screen.getByText('Sie haben keine offenen Leads.')).toBeTruthy();
    const late = caseItems()[0]!;
    expect(within(late).getByText('Überfällig')).toBeTruthy();
    expect(within(late).getByTestId('first-response').textContent).toMatch(/^Erste Antwort fällig 20\.11\.2026/);
    expect(within(late).getByTestId('escalation').textContent).toBe('Eskaliert: erste Antwort überfällig');
    expect(within(late).getByRole('button', { name: 'Lager defekt lösen' })).toBeTruthy();
    expect(within(late).getByLabelText('Lager defekt übergeben an')).toBeTruthy();
  });

  it("lists a lead's interactions so far when opened, and says what its engagement was counted from, in English and German", async () => {
    const logged = [
      interaction({ type: 'email', direction: 'outbound', subject: 'Angebot Wartung', occurredAt: '2026-11-21T09:00:00.000Z' }),
      interaction({ type: 'email', direction: 'inbound', subject: 'Anfrage Wartung', occurredAt: '2026-11-20T09:00:00.000Z' }),
    ];
    const api = renderMine({ leadInteractions: ({ params }) => ({ items: params.id === KELLER.id ? logged : [], nextCursor: null }) });
    await ready();
    const item = leadItems()[0]!;
    expect(within(within(item).getByTestId('lead-score')).getByText(/Engagement 7\.5 of 15: Replied: 2 logged interactions, 0 meetings held, 1 replies or calls/)).toBeTruthy();
    const history = within(item).getByTestId('lead-history');
    expect(history.querySelector('summary')!.textContent).toBe('Interactions so far (2)');
    // Read when opened, not with the list.
    expect(api.calls.some((c) => c.name === 'leadInteractions')).toBe(false);
    (history as HTMLDetailsElement).open = true;
    fireEvent(history, new Event('toggle'));
    const list = await within(history).findByRole('list', { name: 'Interactions so far with Jonas Keller' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([expect.stringContaining('Angebot Wartung'), expect.stringContaining('Anfrage Wartung')]);
    cleanup();

    renderMine({}, 'de-DE');
    await ready();
    const german = leadItems()[0]!;
    expect(within(german).getByTestId('lead-score').textContent).toContain('Hat geantwortet: 2 erfasste Interaktionen, davon 0 Termine und 1 Antworten oder Anrufe');
    expect(within(german).getByTestId('lead-history').querySelector('summary')!.textContent).toBe('Bisherige Interaktionen (2)');
  });
});
