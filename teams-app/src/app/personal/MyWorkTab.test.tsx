// "My CRM": overdue follow-ups first and marked, the quarterly forecast, sleeping customers, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { lead, serviceCase } from '@crm/common/web/testing';
import { TabShell } from '../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, me, myWork, SLEEPING_ACCOUNT_ID, task, type FakeAnswer, type FakeAnswers } from '../test-fixtures';
import { MyWorkTab } from './MyWorkTab';

function renderMine(answer: FakeAnswer<'myWork'>, locale = 'en-US', more: FakeAnswers = {}) {
  const api = fakeApi({
    myWork: answer,
    getMySync: () => ({ configured: false, connected: false, items: [] }),
    me: () => me(),
    listLeads: () => ({ items: [], nextCursor: null }),
    listCases: () => ({ items: [], nextCursor: null }),
    listColleagues: () => ({ items: [] }),
    ...more,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <MyWorkTab />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="me"]')).not.toBeNull());
/** The 412 of a follow-up whose due date Markus Wolf changed first. */
const movedByMarkus = (id: string) =>
  new ApiError('changed', 412, {
    type: 't',
    title: 'Precondition Failed',
    status: 412,
    lastChange: { by: { id, name: 'Markus Wolf' }, at: '2026-12-02T09:30:00Z', action: 'update', fields: ['dueDate'] },
  });

/** The snooze's answer for a task (the rule's key fields as a fixture). */
const snoozedOf = (snoozed: Task, body: { until: string; reason: string }) => ({
  taskId: snoozed.id,
  rule: 'contactRhythm' as const,
  recordId: ACCOUNT_ID,
  period: '2026-08-01',
  assigneeId: null,
  accountId: ACCOUNT_ID,
  reason: { de: 'x', en: 'x' },
  snoozedUntil: body.until,
  snoozeReason: body.reason,
  snoozedBy: null,
});

afterEach(cleanup);

describe('personal tab', () => {
  it('lists my follow-ups with the overdue one first and marked, the forecast and my sleeping customers', async () => {
    renderMine(() => myWork());
    await ready();
    const tasks = within(screen.getByTestId('my-tasks')).getAllByRole('listitem');
    expect(tasks.map((t) => t.getAttribute('data-overdue'))).toEqual(['true', 'false']);
    expect(tasks[0]!.textContent).toMatch(/^OverdueAngebot nachfassenoverdue since 26 Nov 2026Hoffmann Antriebstechnik GmbHDoneReschedule$/);
    expect(within(tasks[0]!).getByRole('link', { name: 'Hoffmann Antriebstechnik GmbH' }).getAttribute('href')).toBe(`account.html?accountId=${ACCOUNT_ID}`);
    const forecast = screen.getByTestId('forecast').textContent!;
    expect(forecast).toContain('This quarter (2026-Q4)€370,0002 deals, €500,000 in total');
    expect(forecast).toContain('Next quarter (2027-Q1)€5,000');
    const sleeping = screen.getByTestId('sleeping');
    expect(within(sleeping).getByRole('heading').textContent).toBe('Sleeping customers (no interaction for more than 90 days)');
    expect(within(sleeping).getByRole('link', { name: 'Weser Sensorik GmbH' }).getAttribute('href')).toBe(`account.html?accountId=${SLEEPING_ACCOUNT_ID}`);
    expect(sleeping.textContent).toContain('181 days without contact');
  });

  it('speaks German and says so when there is nothing to do', async () => {
    renderMine(() => myWork({ tasks: [], openTaskCount: 0, sleeping: [] }), 'de-DE');
    await ready();
    expect(screen.queryByTestId('more-tasks')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Mein CRM' })).toBeTruthy();
    expect(screen.getByText('Keine offenen Wiedervorlagen. Gut gemacht.')).toBeTruthy();
    expect(screen.getByText('Keiner Ihrer Kunden schläft.')).toBeTruthy();
  });

  it('says which email a follow-up came from, also when its sender is not in the CRM yet (#12 defect 15)', async () => {
    const origin = { internetMessageId: '<a1@kunde.de>', subject: 'Anfrage Ersatzteile', from: 'lena.vogt@hoffmann-antriebstechnik.de' };
    const orphan = {
      ...task({ title: 'Antworten auf: Anfrage Ersatzteile', dueDate: '2026-12-03', accountId: null, origin }),
      accountName: null,
      overdue: false,
    };
    renderMine(() => myWork({ tasks: [orphan], openTaskCount: 1 }), 'de-DE');
    await ready();
    expect(within(screen.getByTestId('my-tasks')).getByTestId('task-origin').textContent).toBe(
      'Aus der E-Mail „Anfrage Ersatzteile“ von lena.vogt@hoffmann-antriebstechnik.de',
    );
  });

  it("completes and reschedules a follow-up in place, with the version it read; a colleague's change first is named and can be overwritten", async () => {
    let version = 1;
    let current = task({ title: 'Angebot nachfassen', dueDate: '2026-11-26' });
    const updateTask: FakeAnswer<'updateTask'> = ({ params, body, ifMatch }) => {
      if (ifMatch !== `"${version}"`) return movedByMarkus(current.id);
      current = { ...current, id: params!.id, ...body, etag: `"${++version}"` } as typeof current;
      return current;
    };
    const api = renderMine(() => myWork(), 'en-US', { updateTask, getTask: ({ params }) => ({ ...current, id: params!.id }) });
    await ready();
    const first = () => within(screen.getByTestId('my-tasks')).getAllByRole('listitem')[0]!;
    const id = first().getAttribute('data-task-id')!;
    fireEvent.click(within(first()).getByRole('button', { name: 'Reschedule: Angebot nachfassen' }));
    const due = within(first()).getByLabelText(/New due date/);
    expect(document.activeElement).toBe(due);
    fireEvent.change(due, { target: { value: '2099-12-10' } });
    fireEvent.click(within(first()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'myWork')).toHaveLength(2));
    expect(api.calls.find((c) => c.name === 'updateTask')!.args).toMatchObject({ params: { id }, body: { dueDate: '2099-12-10' }, ifMatch: '"1"' });
    // The reloaded list holds version 1 again (the fixture's), which the API no longer has: a colleague's change.
    fireEvent.click(within(first()).getByRole('button', { name: 'Done: Angebot nachfassen' }));
    const notice = await within(first()).findByTestId('changed-notice');
    expect(notice.textContent).toContain('Markus Wolf changed this record on');
    expect(notice.textContent).toContain('Changed: Due date.');
    expect(notice.textContent).toContain('Now: due 10 Dec 2099');
    expect(notice.textContent).not.toContain('Someone else');
    fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite with my changes' }));
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'myWork')).toHaveLength(3));
    expect(api.calls.filter((c) => c.name === 'updateTask').map((c) => c.args)).toMatchObject([
      { body: { dueDate: '2099-12-10' }, ifMatch: '"1"' },
      { body: { status: 'done' }, ifMatch: '"1"' },
      { body: { status: 'done' }, ifMatch: '"2"' },
    ]);
  });

  it("snoozes a rule's follow-up with a reason on the version it read, says so, and offers no snooze for the others (#15)", async () => {
    const ruled = { ...task({ title: 'Kontakt halten', dueDate: '2026-11-26', rule: { name: 'contactRhythm' } }), accountName: null, overdue: true };
    const own = { ...task({ title: 'Messe vorbereiten', dueDate: '2026-12-03', rule: null }), accountName: null, overdue: false };
    const snoozeFollowUp: FakeAnswer<'snoozeFollowUp'> = ({ params, body }) => {
      const snoozed = { ...ruled, id: params!.id, dueDate: body!.until, etag: '"2"' };
      return { ...snoozedOf(snoozed, body!), task: snoozed };
    };
    const api = renderMine(() => myWork({ tasks: [ruled, own], openTaskCount: 2 }), 'en-US', { snoozeFollowUp });
    await ready();
    const item = (title: string) =>
      within(screen.getByTestId('my-tasks'))
        .getAllByRole('listitem')
        .find((li) => li.textContent!.includes(title))!;
    expect(within(item('Messe vorbereiten')).queryByRole('button', { name: /^Snooze/ })).toBeNull();
    fireEvent.click(within(item('Kontakt halten')).getByRole('button', { name: 'Snooze: Kontakt halten' }));
    // The form loads on demand.
    const form = await within(item('Kontakt halten')).findByRole('form', { name: 'Snooze: Kontakt halten' });
    const until = within(form).getByLabelText(/Snooze until/);
    expect(document.activeElement).toBe(until);
    // A blank reason is refused at its field, and nothing is sent.
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Snooze' }));
    expect(form.textContent).toContain('Enter a reason.');
    expect(document.activeElement).toBe(within(form).getByLabelText(/Reason/));
    expect(api.calls.filter((c) => c.name === 'snoozeFollowUp')).toHaveLength(0);
    fireEvent.change(until, { target: { value: '2099-12-10' } });
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: 'Kunde im Urlaub' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Snooze' }));
    const done = await screen.findByTestId('snoozed-notice');
    expect(done.textContent).toBe('Follow-up "Kontakt halten" snoozed until 10 Dec 2099. Reason: Kunde im Urlaub');
    expect(document.activeElement).toBe(done);
    expect(api.calls.find((c) => c.name === 'snoozeFollowUp')!.args).toMatchObject({
      params: { id: ruled.id },
      body: { until: '2099-12-10', reason: 'Kunde im Urlaub' },
      ifMatch: ruled.etag,
    });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'myWork')).toHaveLength(2));
  });

  it("shows the API's reason at the field it names, and a colleague's change first as for a move (#15)", async () => {
    let current = task({ title: 'Kontakt halten', dueDate: '2026-11-26', rule: { name: 'contactRhythm' } });
    const ruled = { ...current, accountName: null, overdue: true };
    // A colleague moved it meanwhile: the API holds version 2.
    let version = 2;
    const snoozeFollowUp: FakeAnswer<'snoozeFollowUp'> = ({ params, body, ifMatch }) => {
      if (body!.until < '2027-01-01')
        return new ApiError('invalid', 400, {
          type: 't',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'until', in: 'body', reason: 'must be after today' }],
        });
      if (ifMatch !== `"${version}"`) return movedByMarkus(current.id);
      current = { ...current, id: params!.id, dueDate: body!.until, etag: `"${++version}"` };
      return { ...snoozedOf(current, body!), task: current };
    };
    const api = renderMine(() => myWork({ tasks: [ruled], openTaskCount: 1 }), 'de-DE', {
      snoozeFollowUp,
      getTask: () => ({ ...current, dueDate: '2026-12-20', etag: '"2"' }),
    });
    await ready();
    const item = () => within(screen.getByTestId('my-tasks')).getAllByRole('listitem')[0]!;
    fireEvent.click(within(item()).getByRole('button', { name: 'Zurückstellen: Kontakt halten' }));
    const form = await within(item()).findByRole('form', { name: 'Zurückstellen: Kontakt halten' });
    fireEvent.change(within(form).getByLabelText(/Zurückstellen bis/), { target: { value: '2026-12-24' } });
    fireEvent.change(within(form).getByLabelText(/Grund/), { target: { value: 'Urlaub' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Zurückstellen' }));
    await waitFor(() => expect(form.textContent).toContain('must be after today'));
    fireEvent.change(within(form).getByLabelText(/Zurückstellen bis/), { target: { value: '2099-12-10' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Zurückstellen' }));
    const notice = await within(item()).findByTestId('changed-notice');
    expect(notice.textContent).toContain('Markus Wolf');
    fireEvent.click(within(notice).getByRole('button', { name: 'Mit meinen Änderungen überschreiben' }));
    expect((await screen.findByTestId('snoozed-notice')).textContent).toBe('Wiedervorlage „Kontakt halten“ bis zum 10.12.2099 zurückgestellt. Grund: Urlaub');
    expect(api.calls.filter((c) => c.name === 'snoozeFollowUp').map((c) => c.args)).toMatchObject([
      { body: { until: '2026-12-24' }, ifMatch: '"1"' },
      { body: { until: '2099-12-10', reason: 'Urlaub' }, ifMatch: '"1"' },
      { body: { until: '2099-12-10', reason: 'Urlaub' }, ifMatch: '"2"' },
    ]);
  });

  it('hands the focus to what a Done or a move did and back to Reschedule on cancel, never to the body (#12 defect 18)', async () => {
    let current = task({ title: 'Angebot nachfassen', dueDate: '2026-11-26' });
    renderMine(() => myWork(), 'de-DE', {
      updateTask: ({ params, body }) => (current = { ...current, id: params!.id, ...body, etag: '"2"' } as typeof current),
    });
    await ready();
    const first = () => within(screen.getByTestId('my-tasks')).getAllByRole('listitem')[0]!;
    fireEvent.click(within(first()).getByRole('button', { name: 'Verschieben: Angebot nachfassen' }));
    fireEvent.click(within(first()).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(document.activeElement).toBe(within(first()).getByRole('button', { name: 'Verschieben: Angebot nachfassen' })));
    fireEvent.click(within(first()).getByRole('button', { name: 'Verschieben: Angebot nachfassen' }));
    fireEvent.change(within(first()).getByLabelText(/Neues Fälligkeitsdatum/), { target: { value: '2099-12-10' } });
    fireEvent.click(within(first()).getByRole('button', { name: 'Speichern' }));
    const moved = await screen.findByTestId('done-notice');
    expect(moved.textContent).toBe('Wiedervorlage „Angebot nachfassen“ auf den 10.12.2099 verschoben.');
    expect(document.activeElement).toBe(moved);
    fireEvent.click(within(first()).getByRole('button', { name: 'Erledigt: Angebot nachfassen' }));
    await waitFor(() => expect(screen.getByTestId('done-notice').textContent).toBe('Wiedervorlage erledigt: Angebot nachfassen.'));
    expect(document.activeElement).toBe(screen.getByTestId('done-notice'));
  });

  it('shows a Reader the follow-ups, leads and cases with every action disabled, naming the roles that could (#12 defect 14)', async () => {
    renderMine(() => myWork(), 'en-US', {
      me: () => me(['CRM.Reader']),
      listLeads: () => ({ items: [lead({ lastName: 'Keller', company: 'Keller GmbH' })], nextCursor: null }),
      listCases: () => ({ items: [serviceCase({ subject: 'Lager defekt', resolutionDue: '2099-01-01T00:00:00.000Z' })], nextCursor: null }),
    });
    await ready();
    await waitFor(() => expect(document.querySelector('[data-ready-key="service"]')).not.toBeNull());
    const notices = await waitFor(() => {
      const found = screen.getAllByTestId('role-notice');
      expect(found).toHaveLength(2);
      return found;
    });
    for (const notice of notices) {
      expect(notice.textContent).toContain('(CRM.Reader)');
      expect(notice.textContent).toContain('CRM.Admin, CRM.Manager, CRM.User');
    }
    const tasks = screen.getByTestId('my-tasks');
    for (const button of within(tasks).getAllByRole('button', { name: /^(Done|Reschedule): / })) {
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(button.getAttribute('aria-describedby')).toBe(within(tasks).getByTestId('role-notice').id);
    }
    for (const name of ['Resolve Lager defekt', 'Disqualify Keller', 'Convert Keller into a customer'])
      expect(screen.getByRole('button', { name }).getAttribute('aria-disabled')).toBe('true');
    for (const label of ['Priority of Lager defekt', 'Status of Lager defekt', 'Hand Lager defekt over to', 'Status of Keller', 'Hand Keller over to'])
      expect(screen.getByLabelText(label)).toHaveProperty('disabled', true);
    fireEvent.click(within(tasks).getAllByRole('button', { name: /^Reschedule: / })[0]!);
    expect(within(tasks).queryByRole('form')).toBeNull();
  });

  it('says so when it shows only the first of very many follow-ups', async () => {
    renderMine(() => myWork({ openTaskCount: 250 }));
    await ready();
    expect(screen.getByTestId('more-tasks').textContent).toBe('The 2 due first of your 250 open follow-ups.');
  });

  it('explains a failed sign-in instead of showing a blank tab', async () => {
    renderMine(() => new ApiError('unauthenticated', 401, null));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/sign-in has expired/));
  });
});
