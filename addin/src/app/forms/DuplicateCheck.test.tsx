// The duplicate check of "Add as contact" matches the person, not the company: #12's j.hoffmann@ example.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '@crm/common';
import { accountContext, knownPerson, paneApi, testUuid } from '../test-fixtures';
import { message, ready, renderPane } from '../pane-test-kit';
import { splitName } from './AddContactForm';

const HOFFMANN = testUuid('a1');
const DOMAIN = 'hoffmann-antriebstechnik.de';
function contactOf(first: string, last: string, email: string): Contact {
  const person = knownPerson(email, `${first} ${last}`, HOFFMANN, 'Hoffmann Antriebstechnik GmbH');
  if (person.status !== 'known') throw new Error('knownPerson builds a known person');
  return { ...person.contact, firstName: first, lastName: last, displayName: `${first} ${last}` };
}

afterEach(cleanup);

describe('duplicate check when adding a contact', () => {
  it('warns about Julia Hoffmann (same last name and initial) and not about five colleagues whose addresses name the company', async () => {
    const julia = contactOf('Julia', 'Hoffmann', `julia.hoffmann@${DOMAIN}`);
    const moved = contactOf('Jens', 'Hofmann', 'j.hoffmann@alt-firma.de');
    const colleagues = ['Daniel Hartmann', 'Petra Köhler', 'Stefan Krüger', 'Eva Maier', 'Kerstin Wagner'].map((name) => {
      const [first, last] = name.split(' ') as [string, string];
      return contactOf(first, last, `${first.toLowerCase()}.${last.toLowerCase()}@${DOMAIN}`);
    });
    // The API's search matches names and addresses by substring, so "hoffmann" finds everyone at the domain.
    const all = [julia, moved, ...colleagues];
    const api = paneApi({
      context: () => ({
        people: [{ email: `j.hoffmann@${DOMAIN}`, status: 'unknown', suggestedAccount: { id: HOFFMANN, name: 'Hoffmann Antriebstechnik GmbH' } }],
        accounts: [accountContext(HOFFMANN, 'Hoffmann Antriebstechnik GmbH')],
      }),
      more: {
        listContacts: ({ query }) => ({
          items: all.filter((c) => `${c.displayName} ${c.emails.join(' ')}`.toLowerCase().includes(String(query?.q).toLowerCase())),
          nextCursor: null,
        }),
      },
    });
    renderPane([message('m1', { email: `j.hoffmann@${DOMAIN}`, name: `j.hoffmann@${DOMAIN}` })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Add as contact' }));
    expect(((await screen.findByLabelText(/First name/)) as HTMLInputElement).value).toBe('J');
    expect((screen.getByLabelText(/Last name/) as HTMLInputElement).value).toBe('Hoffmann');
    const list = await screen.findByTestId('similar-contacts');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Julia Hoffmann (Hoffmann Antriebstechnik GmbH): the same last name and first initial',
      'Jens Hofmann (Hoffmann Antriebstechnik GmbH): the same name before the @ (j.hoffmann@alt-firma.de)',
    ]);
  });

  it('takes the name from an address without a display name when it has two parts', () => {
    expect(splitName('', `j.hoffmann@${DOMAIN}`)).toEqual({ firstName: 'J', lastName: 'Hoffmann' });
    expect(splitName('', 'lena_vogt@x.de')).toEqual({ firstName: 'Lena', lastName: 'Vogt' });
    expect(splitName('', 'info@neukunde.de')).toEqual({ firstName: '', lastName: 'info' });
  });
});
