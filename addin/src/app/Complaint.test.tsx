// "Create complaint from the email" (#12): an open complaint on the account, linked to the known people, dated when the
// email came; a blank subject is refused at the field before the API is asked; the banner shows it once created.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Interaction } from '@crm/common';
import { accountContext, interaction, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
afterEach(cleanup);

function setup() {
  const bodies: Array<Record<string, unknown>> = [];
  let created: Interaction | null = null;
  const api = paneApi({
    context: () => {
      const person = knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH');
      const complaints = created
        ? [{ id: created.id, type: 'complaint' as const, direction: 'inbound' as const, occurredAt: created.occurredAt, subject: created.subject, status: 'open' as const, source: 'addin' as const }]
        : [];
      return { people: [person], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH', { openComplaints: complaints })] };
    },
    onLog: (body) => {
      bodies.push(body as Record<string, unknown>);
      const b = body as { id: string; subject: string; occurredAt: string };
      created = interaction({ id: b.id, type: 'complaint', subject: b.subject, occurredAt: b.occurredAt, status: 'open', direction: 'inbound' });
      return created;
    },
  });
  return { api, bodies };
}

it('creates an open complaint on the account from the email, refusing a blank subject at the field', async () => {
  const { api, bodies } = setup();
  renderPane([message('m1', julia, { subject: 'Lieferung beschädigt' })], api.client);
  await ready('m1');
  fireEvent.click(screen.getByRole('button', { name: 'Complaint' }));
  const form = await screen.findByRole('form', { name: 'Create complaint' });
  const subject = within(form).getByLabelText(/Subject/) as HTMLInputElement;
  expect(document.activeElement).toBe(subject);
  expect(subject.value).toBe('Lieferung beschädigt');
  fireEvent.change(subject, { target: { value: '   ' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Create complaint' }));
  expect(within(form).getByText('Enter a subject.')).toBeTruthy();
  expect(bodies).toEqual([]);

  fireEvent.change(subject, { target: { value: ' Lieferung beschädigt, Lager 3 ' } });
  fireEvent.change(within(form).getByLabelText(/What went wrong/), { target: { value: 'Zwei Paletten nass.' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Create complaint' }));
  expect(await screen.findByText('Complaint "Lieferung beschädigt, Lager 3" created.')).toBeTruthy();
  expect(bodies).toEqual([
    expect.objectContaining({
      type: 'complaint',
      status: 'open',
      direction: 'inbound',
      subject: 'Lieferung beschädigt, Lager 3',
      summary: 'Zwei Paletten nass.',
      source: 'addin',
      occurredAt: '2026-11-20T10:00:00.000Z',
      accountIds: [HOFFMANN],
      contactIds: [expect.any(String)],
    }),
  ]);
  // The context is asked again, so the new complaint heads the pane as its banner.
  await waitFor(() => expect(screen.getByTestId('complaint-banner').textContent).toContain('Lieferung beschädigt, Lager 3'));
});

it('speaks German', async () => {
  const { api } = setup();
  renderPane([message('m1', julia)], api.client, 'de-DE');
  await ready('m1');
  fireEvent.click(screen.getByRole('button', { name: 'Reklamation' }));
  const form = await screen.findByRole('form', { name: 'Reklamation anlegen' });
  fireEvent.change(within(form).getByLabelText(/Betreff/), { target: { value: '' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Reklamation anlegen' }));
  expect(within(form).getByText('Geben Sie einen Betreff ein.')).toBeTruthy();
  expect(within(form).getByLabelText(/Was ist schiefgegangen/)).toBeTruthy();
});
