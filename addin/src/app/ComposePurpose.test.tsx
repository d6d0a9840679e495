// The kind of email chosen in the compose pane: warnings follow its consent purpose, and the choice is kept on the item
// for the send check.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { PreviewItem } from '../preview/preview-items';
import { accountContext, consentEntry, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const NORDLICHT = testUuid('a7');
afterEach(cleanup);

const draft = (key: string): PreviewItem => ({ ...message(key, julia), mode: 'compose', from: null, recipients: [{ email: 'tom@kunde.de', name: 'Tom' }] });
const picker = (name = 'Kind of email') => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const warnings = () => [...document.querySelectorAll('[data-warning-for]')].map((w) => w.textContent);

it('warns about the consent of the purpose chosen, not about marketing consent for a newsletter', async () => {
  const tom = knownPerson('tom@kunde.de', 'Tom Berger', NORDLICHT, 'Nordlicht', [consentEntry('granted', 'marketing', '2026-01-10T09:00:00Z', 'Messe')]);
  const api = paneApi({ context: () => ({ people: [tom], accounts: [accountContext(NORDLICHT, 'Nordlicht')] }) });
  renderPane([draft('d1')], api.client);
  await ready('d1');
  expect(picker().value).toBe('correspondence');
  expect(warnings()).toEqual([]);
  fireEvent.change(picker(), { target: { value: 'marketing' } });
  expect(warnings()).toEqual([]);
  fireEvent.change(picker(), { target: { value: 'newsletter' } });
  expect(warnings()).toEqual(['Tom Berger has not consented to newsletter by email.']);
});

it('keeps the choice on the draft, where the send check reads it, and shows it again when the draft comes back', async () => {
  const tom = knownPerson('tom@kunde.de', 'Tom Berger', NORDLICHT, 'Nordlicht');
  const api = paneApi({ context: () => ({ people: [tom], accounts: [accountContext(NORDLICHT, 'Nordlicht')] }) });
  const host = renderPane([draft('d1'), draft('d2')], api.client, 'de-DE');
  await ready('d1');
  fireEvent.change(picker('Art der E-Mail'), { target: { value: 'events' } });
  expect(await host.getComposePurpose()).toBe('events');
  // The warning follows the choice once the draft has taken it, which is asynchronous in Outlook.
  await waitFor(() => expect(warnings()).toEqual(['Tom Berger hat keine Einwilligung für Veranstaltungen per E-Mail erteilt.']));

  host.select('d2');
  await ready('d2');
  await waitFor(() => expect(picker('Art der E-Mail').value).toBe('correspondence'));
  host.select('d1');
  await ready('d1');
  await waitFor(() => expect(picker('Art der E-Mail').value).toBe('events'));
});
