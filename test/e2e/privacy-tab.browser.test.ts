// The Teams "Privacy" tab in real Chromium, standalone against the local host (signed in as the demo admin): register a
// request, extend it and close it with its answer; a rectification by address linked to its contact and its correction; open a
// person, export JSON and PDF, restrict and see it, lift, erase with the confirmation; a restricted person in the Outlook pane;
// retention preview and run; audit search.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

const SELLER = DEMO_USERS.find((u) => u.roles.includes('CRM.User'))!;

describeInBrowser('Privacy tab in Chromium', () => {
  const suite = seededHostInBrowser('crm-privacy-', { context: { acceptDownloads: true }, defaultTimeoutMs: 15_000 });
  let host: LocalHostProcess;
  let page: Page;
  let admin: LocalApi;

  /** A person of this test alone, so no test depends on another's data. */
  const newPerson = async (lastName: string) => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const { body } = await admin<{ id: string; displayName: string }>('POST', '/api/contacts', {
      body: { firstName: `Lena${suffix}`, lastName, emails: [`lena.${suffix}@kunde-${suffix}.example`] },
    });
    return body;
  };
  const openTab = async () => {
    await page.goto(`${host.url}/teams/privacy.html?lang=en`);
    await page.waitForSelector('[data-ready-key="privacy"]');
  };
  const openPerson = async (person: { id: string; displayName: string }) => {
    await page.getByRole('tab', { name: 'Person' }).click();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill(person.displayName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Open ${person.displayName}` }).click();
    await page.waitForSelector(`[data-ready-key="person:${person.id}"]`, { state: 'attached' });
  };

  beforeAll(async () => {
    ({ host } = suite);
    admin = localApi(host.url);
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('registers a request for a contact, extends it once and closes it with the answer', { timeout: 90_000 }, async () => {
    const person = await newPerson('Anfrage');
    await openTab();
    await page.getByRole('button', { name: 'Register a request' }).click();
    await page.getByRole('searchbox', { name: 'Find the contact' }).fill(person.displayName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Open ${person.displayName}` }).click();
    const register = page.getByRole('form', { name: 'Register a data subject request' });
    await register.getByRole('combobox', { name: 'Type of request' }).selectOption('access');
    await register.getByRole('textbox', { name: /First note/ }).fill('By letter, identity checked against the customer file');
    await register.getByRole('button', { name: 'Register a request' }).click();
    const detail = page.getByTestId('request-detail');
    await detail.waitFor();
    expect(await page.getByTestId('done-notice').textContent()).toContain('The request is registered, due');
    const { body: listed } = await admin<{ items: Array<{ id: string; dueOn: string; originalDueOn: string }> }>(
      'GET',
      `/api/privacy/requests?contactId=${person.id}`,
    );
    expect(listed.items).toHaveLength(1);
    const id = listed.items[0]!.id;

    await detail.getByRole('button', { name: 'Extend the deadline…' }).click();
    const extend = page.getByRole('form', { name: 'Extend the deadline once (Art. 12(3))' });
    // The reason field has the focus: typed straight away, the form sent from the keyboard.
    await page.keyboard.type('Data from three systems to gather');
    await extend.getByRole('button', { name: 'Extend' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done-notice').textContent()).toContain('The deadline is now');
    expect(await detail.getByRole('button', { name: 'Extend the deadline…' }).count()).toBe(0);
    await screenshot(page, 'privacy-request-extended');

    await detail.getByRole('button', { name: 'Answer sent to the person' }).click();
    const answer = page.getByRole('form', { name: 'Answer sent to the person' });
    await answer.getByRole('textbox', { name: /What the answer said/ }).fill('Access given as a PDF by post');
    await answer.getByRole('button', { name: 'Record the answer' }).click();
    await expect.poll(() => page.getByTestId('done-notice').textContent()).toBe('The answer is recorded.');
    await detail.getByRole('button', { name: 'Change the status' }).click();
    const status = page.getByRole('form', { name: 'Change the status' });
    await status.getByRole('combobox').selectOption('completed');
    await status.getByRole('button', { name: 'Save the status' }).click();
    await page.locator('[data-testid="request-detail"] [data-status="completed"]').waitFor({ state: 'attached' });

    const { body: stored } = await admin<{
      status: string;
      dueOn: string;
      originalDueOn: string;
      extension: { reason: string } | null;
      answer: { text: string } | null;
      actions: Array<{ kind: string; actorName: string | null }>;
    }>('GET', `/api/privacy/requests/${id}`);
    expect(stored.status).toBe('completed');
    expect(stored.extension?.reason).toBe('Data from three systems to gather');
    expect(stored.dueOn > stored.originalDueOn).toBe(true);
    expect(stored.answer?.text).toBe('Access given as a PDF by post');
    expect(stored.actions.map((a) => a.kind)).toEqual(['registered', 'extended', 'answered', 'status']);
    expect(await page.getByTestId('request-history').getByRole('listitem').count()).toBe(4);

    await detail.getByRole('button', { name: 'Back to the list' }).click();
    const item = page.locator(`[data-request-id="${id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Completed');
    expect(await item.getAttribute('data-overdue')).toBe('false');
  });

  it('registers a rectification by its address, links the contact and then the correction made to it', { timeout: 90_000 }, async () => {
    const person = await newPerson('Berichtigung');
    const { body: contact } = await admin<{ etag: string; emails: string[] }>('GET', `/api/contacts/${person.id}`);
    // The correction itself is an ordinary edit (account tab or pane); the request links it afterwards.
    await admin('PATCH', `/api/contacts/${person.id}`, { body: { jobTitle: 'Leiterin Einkauf' }, ifMatch: contact.etag });
    await openTab();
    await page.getByRole('button', { name: 'Register a request' }).click();
    const register = page.getByRole('form', { name: 'Register a data subject request' });
    await register.getByRole('textbox', { name: /email address/ }).fill(contact.emails[0]!);
    await register.getByRole('combobox', { name: 'Type of request' }).selectOption('rectification');
    await register.getByRole('button', { name: 'Register a request' }).click();
    const detail = page.getByTestId('request-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('Link the request to the contact first');

    await detail.getByRole('button', { name: 'Link to a contact…' }).click();
    await page.getByRole('searchbox', { name: 'Find the contact' }).fill(person.displayName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Open ${person.displayName}` }).click();
    await page.getByRole('form', { name: 'Link the request to the contact found for the address' }).getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => page.getByTestId('done-notice').textContent()).toContain('The request is linked to the contact');

    await detail.getByRole('button', { name: 'Link changes…' }).click();
    const link = page.getByRole('form', { name: 'Link the edits this rectification led to' });
    const correction = link.getByRole('checkbox', { name: /Changed: jobTitle/ });
    // Ticked from the keyboard, as a keyboard user would.
    await correction.focus();
    await page.keyboard.press('Space');
    await link.getByRole('button', { name: 'Link the chosen changes' }).click();
    await expect.poll(() => page.getByTestId('done-notice').textContent()).toBe('Changes linked: 1.');
    expect(await page.getByTestId('request-changes').getByRole('listitem').textContent()).toContain('Changed: jobTitle');
    await screenshot(page, 'privacy-rectification-linked');

    const { body: listed } = await admin<{ items: Array<{ id: string }> }>('GET', `/api/privacy/requests?contactId=${person.id}`);
    const { body: stored } = await admin<{ contactId: string; email: string | null; changes: Array<{ entityId: string; changedFields: string[] }>; actions: Array<{ kind: string }> }>(
      'GET',
      `/api/privacy/requests/${listed.items[0]!.id}`,
    );
    expect(stored.contactId).toBe(person.id);
    expect(stored.email).toBeNull();
    expect(stored.changes).toEqual([expect.objectContaining({ entityId: person.id, changedFields: ['jobTitle'] })]);
    expect(stored.actions.map((a) => a.kind)).toEqual(['registered', 'contact_linked', 'changes_linked']);
  });

  it('opens a person, exports JSON and PDF, restricts and lifts, and erases after the confirmation', { timeout: 90_000 }, async () => {
    const person = await newPerson('Datenschutz');
    await openTab();
    await openPerson(person);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`personal-data-${person.id}.json`);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { contact: { id: string }; restriction: { restricted: boolean } };
    expect(exported.contact.id).toBe(person.id);
    expect(exported.restriction.restricted).toBe(false);

    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe(`personal-data-${person.id}-en.pdf`);
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', (await pdf.path())!, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain(person.displayName);
    expect(pdfText).toContain(`lena.${person.displayName.slice(4, 12)}@`);

    await page.getByRole('button', { name: 'Restrict processing' }).click();
    const restrict = page.getByRole('form', { name: 'Restrict processing' });
    await restrict.getByRole('textbox').fill('Art. 18 request, accuracy contested');
    await restrict.getByRole('button', { name: 'Restrict processing' }).click();
    await page.waitForSelector('[data-restricted="true"]', { state: 'attached' });
    await expect.poll(() => page.getByTestId('person').getByText('Processing restricted').isVisible()).toBe(true);
    await screenshot(page, 'privacy-person-restricted');
    // Restricted: gone for a CRM.User, as the API answers them.
    await expect(localApi(host.url, SELLER)('GET', `/api/contacts/${person.id}`)).rejects.toThrow(/answered 404/);

    await page.getByRole('button', { name: 'Lift restriction' }).click();
    const lift = page.getByRole('form', { name: 'Lift restriction' });
    await lift.getByRole('textbox').fill('Accuracy confirmed');
    await lift.getByRole('button', { name: 'Lift restriction' }).click();
    await page.waitForSelector('[data-restricted="false"]', { state: 'attached' });
    expect(await page.getByTestId('person-restriction').textContent()).toContain('Restriction lifted on');

    // The confirmation is a modal: Escape leaves without erasing, the focus back on the button that opened it.
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Erase ${person.displayName}?` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Erase…');

    await page.getByRole('button', { name: 'Erase…' }).click();
    await dialog.getByRole('textbox').fill('Art. 17 request of the person');
    await screenshot(page, 'privacy-person-erase-dialog');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    const erased = page.getByTestId('person-erased');
    await erased.waitFor();
    expect(await erased.getByRole('heading', { level: 2 }).textContent()).toContain(`${person.displayName} was erased on`);
    expect(await erased.textContent()).toContain('1 addresses are blocked from being created again.');
    await expect(admin('GET', `/api/contacts/${person.id}`)).rejects.toThrow(/answered 404/);
  });

  it('shows the purposes and what an erasure kept in German, as the API words them', { timeout: 90_000 }, async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const domain = `aufbewahrung-${suffix}.example`;
    const { body: account } = await admin<{ id: string }>('POST', '/api/accounts', { body: { name: `Aufbewahrung ${suffix} GmbH`, domains: [domain] } });
    const { body: person } = await admin<{ id: string; displayName: string }>('POST', '/api/contacts', {
      body: { firstName: `Lena${suffix}`, lastName: 'Handelsbrief', emails: [`lena@${domain}`], accountId: account.id },
    });
    // A business email of this year with a company: a commercial letter the erasure has to keep.
    await admin('POST', '/api/interactions', {
      body: {
        type: 'email',
        direction: 'inbound',
        occurredAt: new Date().toISOString(),
        subject: 'Bestellung',
        internetMessageId: `<bestellung-${suffix}@${domain}>`,
        contactIds: [person.id],
        accountIds: [account.id],
      },
    });
    await page.goto(`${host.url}/teams/privacy.html?lang=de`);
    await page.waitForSelector('[data-ready-key="privacy"]');
    await page.getByRole('tab', { name: 'Person' }).click();
    await page.getByRole('searchbox', { name: 'Person suchen' }).fill(person.displayName);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('button', { name: `${person.displayName} öffnen` }).click();
    await page.waitForSelector(`[data-ready-key="person:${person.id}"]`, { state: 'attached' });
    expect(await page.getByTestId('person-processing').textContent()).toBe(
      'Kundenbeziehung: Vertrag oder berechtigtes Interesse (Art. 6 Abs. 1 lit. b und f DSGVO): Pflege der Geschäftsbeziehung mit dem Unternehmen, für das die Person arbeitet',
    );

    await page.getByRole('button', { name: 'Löschen…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `${person.displayName} löschen?` });
    await dialog.getByRole('textbox').fill('Antrag nach Art. 17');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    const kept = page.getByTestId('person-kept');
    await kept.waitFor();
    expect(await kept.textContent()).toContain(
      '(HGB §257 Abs. 1 Nr. 2 und 3, Abs. 4; AO §147 Abs. 1 Nr. 2 und 3, Abs. 3: empfangene und abgesandte Handels- und Geschäftsbriefe, 6 Jahre)',
    );
    await screenshot(page, 'privacy-person-erased-de');
  });

  it('marks a restricted person in the Outlook pane: the officer sees them flagged, a CRM.User only the address', { timeout: 90_000 }, async () => {
    const { email } = DEMO_FEATURED.knownContact;
    const { body: found } = await admin<{ items: Array<{ id: string }> }>('GET', `/api/contacts?q=${encodeURIComponent(email)}`);
    const id = found.items[0]!.id;
    const card = () => page.getByTestId('task-pane').locator(`[data-person="${email}"]`);
    const openPane = async (query: string) => {
      await page.goto(`${host.url}/addin/?item=known-sender&${query}`);
      await page.waitForSelector('[data-ready-key="known-sender"]', { state: 'attached' });
    };
    await admin('POST', `/api/contacts/${id}/restriction`, { body: { reason: 'Richtigkeit bestritten (Art. 18(1)(a))' } });
    try {
      await openPane('lang=en');
      expect(await card().getAttribute('data-restricted')).toBe('true');
      expect(await card().textContent()).toContain('Processing restricted (GDPR Art. 18)');
      await openPane(`lang=de&user=${SELLER.email.split('@')[0]}`);
      expect(await card().getAttribute('data-status')).toBe('restricted');
      const shown = (await card().textContent()) ?? '';
      expect(shown).toContain('Verarbeitung eingeschränkt');
      expect(shown).not.toContain(DEMO_FEATURED.knownContact.name);
      await screenshot(page, 'privacy-pane-restricted-user');
    } finally {
      await admin('DELETE', `/api/contacts/${id}/restriction`, { body: { reason: 'Richtigkeit geprüft' } });
    }
  });

  it('previews retention with counts per policy, runs that preview and lists it', async () => {
    await openTab();
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.waitForSelector('[data-ready-key="retention"]');
    expect(await page.locator('[data-testid="retention-policies"] [data-policy]').count()).toBe(5);
    const card = page.getByTestId('retention-preview');
    await card.getByRole('button', { name: 'Preview' }).click();
    const planned = card.locator('[data-run-id]');
    await planned.waitFor();
    const runId = await planned.getAttribute('data-run-id');
    expect(await card.getByTestId('retention-counts').getByRole('listitem').count()).toBeGreaterThan(0);
    await page.locator(`[data-testid="retention-runs"] [data-run-id="${runId}"][data-status="planned"]`).waitFor();
    const run = card.getByRole('button', { name: 'Run now' });
    if (await run.isEnabled()) {
      await run.click();
      await card.getByTestId('retention-ran').waitFor();
      await page.locator(`[data-testid="retention-runs"] [data-run-id="${runId}"][data-status="completed"]`).waitFor();
    } else {
      // Nothing of the demo tenant is old enough: the preview says so, and a run of nothing is not offered.
      expect(await card.getByText('Nothing is due.').isVisible()).toBe(true);
    }
    await screenshot(page, 'privacy-retention');
  });

  it('finds who read a person in the audit log', async () => {
    const person = await newPerson('Protokoll');
    await localApi(host.url, SELLER)('GET', `/api/contacts/${person.id}`);
    await openTab();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.waitForSelector('[data-ready-key="audit"]');
    await page.getByRole('searchbox', { name: 'Entries about a person' }).fill(person.displayName);
    await page.getByRole('button', { name: 'Search', exact: true }).first().click();
    await page.getByRole('button', { name: `Open ${person.displayName}` }).click();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('read');
    // Reads are written in batches (every second): search until the seller's view has arrived.
    const entry = page.getByTestId('audit-results').locator('[data-kind="read"]').filter({ hasText: SELLER.displayName }).filter({ hasText: 'viewed' });
    await expect
      .poll(
        async () => {
          await page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Search' }).click();
          await page.getByTestId('audit-results').waitFor();
          return entry.count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'privacy-audit');
  });
});
