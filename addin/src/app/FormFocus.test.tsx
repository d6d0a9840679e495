// Keyboard focus in the pane's forms: into the form when it opens, back to its button on cancel, onto the notice after saving.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
const stamp = { etag: '"1"', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' };

afterEach(cleanup);

describe('pane form focus', () => {
  it('moves the focus into a form, back to its button on cancel, and onto the notice after saving, never to the body', async () => {
    const api = paneApi({
      context: () => ({ people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] }),
      more: {
        createTask: ({ body }) => ({
          id: body.id ?? testUuid('t1'),
          ...stamp,
          kind: 'follow_up' as const,
          title: body.title,
          description: null,
          dueDate: body.dueDate,
          assigneeId: null,
          status: 'open' as const,
          accountId: body.accountId ?? null,
          contactId: body.contactId ?? null,
          opportunityId: null,
          interactionId: null,
          completedAt: null,
          createdBy: null,
        }),
      },
    });
    renderPane([message('m1', julia)], api.client);
    await ready('m1');
    const opener = screen.getByRole('button', { name: 'Follow-up' });
    fireEvent.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Title/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);

    fireEvent.click(screen.getByRole('button', { name: 'Opportunity' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Name/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Opportunity' }));

    fireEvent.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Title/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('done-notice')));
    expect(document.activeElement?.textContent).toMatch(/Follow-up created/);
  });
});
