// "Add as lead" for a sender not in the CRM: the form prefilled from the email, one lead however often Save is pressed
// after a failure, and the pane showing the sender's lead with its score and the reasons.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { interaction, lead } from '@crm/common/web/testing';
import { paneApi } from './test-fixtures';
import { message, ready, renderPane } from './pane-test-kit';

const lena = { email: 'lena.vogt@hoffmann-antriebstechnik.de', name: 'Lena Vogt' };
const unknownLena: Person = { email: lena.email, status: 'unknown', suggestedAccount: null };
// The form is a lazy chunk: its first import can take a while on a busy machine.

afterEach(cleanup);

describe('add as lead', () => {
  it('creates the lead from the prefilled form and logs the email with it, retries with the same ids, and then shows its status and score instead of the button', async () => {
    let attempts = 0;
    let stored: Person = unknownLena;
    const api = paneApi({
      context: () => ({ people: [stored], accounts: [] }),
      onLog: (body) => interaction({ ...(body as { subject: string }), id: (body as { id: string }).id }),
      more: {
        createLead: ({ body }) => {
          attempts += 1;
          if (attempts === 1) return new ApiError('server', 500, null);
          const made = lead({
            id: body.id!,
            email: body.email!,
            firstName: body.firstName!,
            lastName: body.lastName!,
            source: body.source!,
            budget: body.budget!,
            score: { ...lead().score, total: 25 },
          });
          made.score.criteria[2] = { key: 'budget', points: 25, weight: 25, reason: 'budget: approved', code: 'approved' };
          stored = { ...unknownLena, lead: made };
          return made;
        },
        // Read again once the email is logged with it, as the email counts for its engagement.
        getLead: () => {
          const linked = structuredClone((stored as { lead: ReturnType<typeof lead> }).lead);
          linked.score.criteria[4] = {
            ...linked.score.criteria[4]!,
            points: 7.5,
            reason: 'engagement: replied (1 logged interactions, 0 meetings held, 1 replies or calls)',
            code: 'replied',
            logged: { interactions: 1, meetings: 0, replies: 1 },
          };
          stored = { ...unknownLena, lead: linked };
          return linked;
        },
      },
    });
    renderPane([message('m1', lena)], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Add as lead' }));
    const form = await screen.findByRole('form', { name: 'Add as lead' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'First name' })));
    expect((within(form).getByRole('textbox', { name: 'Last name' }) as HTMLInputElement).value).toBe('Vogt');
    expect((within(form).getByRole('combobox', { name: 'Source' }) as HTMLSelectElement).value).toBe('email');
    fireEvent.change(within(form).getByRole('combobox', { name: 'Budget' }), { target: { value: 'approved' } });
    expect((within(form).getByRole('checkbox', { name: 'Log this email with the lead' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText(/Something went wrong on our side/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('done-notice')));
    expect(screen.getByTestId('done-notice').textContent).toBe('Lead Lena Vogt added.');

    const creates = api.calls.filter((c) => c.name === 'createLead').map((c) => c.args.body);
    expect(creates).toHaveLength(2);
    expect(creates[1]).toEqual(creates[0]);
    expect(creates[0]).toMatchObject({ source: 'email', email: lena.email, firstName: 'Lena', lastName: 'Vogt', budget: 'approved', company: null });
    // The email it was captured from is the lead's first interaction: logged with the lead's address, once.
    const logs = api.calls.filter((c) => c.name === 'logInteraction').map((c) => c.args.body);
    expect(logs).toEqual([
      expect.objectContaining({ type: 'email', direction: 'inbound', subject: 'Subject m1', internetMessageId: '<m1@kunde.de>', pendingEmails: [lena.email] }),
    ]);

    const card = document.querySelector(`[data-person="${lena.email}"]`) as HTMLElement;
    expect(within(card).getByText('Lead · New')).toBeTruthy();
    expect(within(card).getByText('Score 25 of 100')).toBeTruthy();
    expect(card.querySelector('[data-criterion="budget"]')?.textContent).toBe('Budget 25 of 25: Budget approved');
    // Read again after the email was logged with it: the card counts that email at once, not after the context reload.
    expect(card.querySelector('[data-criterion="engagement"]')?.textContent).toBe('Engagement 7.5 of 15: Replied: 1 logged interactions, 0 meetings held, 1 replies or calls');
    expect(api.calls.findIndex((c) => c.name === 'getLead')).toBeGreaterThan(api.calls.findIndex((c) => c.name === 'logInteraction'));
    expect(within(card).queryByRole('button', { name: 'Add as lead' })).toBeNull();
    // "Add as contact" stays: the lead can still become a contact directly.
    expect(within(card).getByRole('button', { name: 'Add as contact' })).toBeTruthy();
    // The pane asked for the context again, which now carries the lead.
    expect(api.calls.filter((c) => c.name === 'context').length).toBeGreaterThan(1);
  });

  it('shows a known lead in German with the reason of each criterion, and offers no second lead', async () => {
    const known = lead({
      email: lena.email,
      lastName: 'Vogt',
      status: 'disqualified',
      disqualifyReason: 'kein Budget',
      industry: 'Maschinenbau',
      employees: 30,
      score: {
        total: 28,
        criteria: [
          { key: 'fit', points: 20, weight: 20, reason: 'Maschinenbau is a target industry', code: 'target' },
          { key: 'size', points: 7.5, weight: 15, reason: '30 employees, near 50-500', code: 'near', range: { min: 50, max: 500 } },
          { key: 'budget', points: 0, weight: 25, reason: 'budget: none', code: 'none' },
          { key: 'timing', points: 0, weight: 25, reason: 'timing: unknown', code: 'unknown' },
          { key: 'engagement', points: 0, weight: 15, reason: 'engagement: none', code: 'none' },
        ],
      },
    });
    const api = paneApi({ context: () => ({ people: [{ ...unknownLena, lead: known }], accounts: [] }) });
    renderPane([message('m1', lena)], api.client, 'de-DE');
    await ready('m1');
    const card = document.querySelector(`[data-person="${lena.email}"]`) as HTMLElement;
    expect(within(card).getByText('Lead · Disqualifiziert')).toBeTruthy();
    expect(within(card).getByText('(kein Budget)')).toBeTruthy();
    expect([...card.querySelectorAll('[data-criterion]')].map((c) => c.textContent)).toEqual([
      'Branche 20 von 20: Maschinenbau ist eine Zielbranche',
      'Unternehmensgröße 7,5 von 15: 30 Beschäftigte, nahe 50–500',
      'Budget 0 von 25: Kein Budget',
      'Zeitrahmen 0 von 25: Zeitrahmen unbekannt',
      'Interaktion 0 von 15: Noch keine Antwort',
    ]);
    expect(within(card).queryByRole('button', { name: 'Als Lead anlegen' })).toBeNull();
  });

  it('returns the focus to "Add as lead" on cancel and offers it to no colleague and no erased address', async () => {
    const api = paneApi({
      context: () => ({
        people: [
          unknownLena,
          { email: 'kollege@seller.example', status: 'unknown', suggestedAccount: null, internal: true },
          { email: 'weg@kunde.de', status: 'unknown', suggestedAccount: null, erased: true },
        ],
        accounts: [],
      }),
    });
    renderPane(
      [
        message('m1', lena, {
          recipients: [
            { email: 'kollege@seller.example', name: 'Kollege' },
            { email: 'weg@kunde.de', name: 'Weg' },
          ],
        }),
      ],
      api.client,
    );
    await ready('m1');
    expect(screen.getAllByRole('button', { name: 'Add as lead' })).toHaveLength(1);
    const opener = screen.getByRole('button', { name: 'Add as lead' });
    fireEvent.click(opener);
    const form = await screen.findByRole('form', { name: 'Add as lead' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add as lead' })).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(api.calls.some((c) => c.name === 'createLead')).toBe(false);
  });

  it('logs nothing when "Log this email with the lead" is unticked', async () => {
    const api = paneApi({
      context: () => ({ people: [unknownLena], accounts: [] }),
      more: { createLead: ({ body }) => lead({ id: body.id!, email: body.email!, lastName: body.lastName! }) },
    });
    renderPane([message('m1', lena)], api.client, 'de-DE');
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Als Lead anlegen' }));
    const form = await screen.findByRole('form', { name: 'Als Lead anlegen' });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Diese E-Mail beim Lead erfassen' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(api.calls.some((c) => c.name === 'createLead')).toBe(true));
    await screen.findByTestId('done-notice');
    expect(api.calls.some((c) => c.name === 'logInteraction')).toBe(false);
  });
});
