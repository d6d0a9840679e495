// The pane as users see it: context of known and unknown people, compose warnings, logging state, errors.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import type { PreviewItem } from '../preview/preview-items';
import { accountContext, consentEntry, interaction, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane as renderPaneWith } from './pane-test-kit';

const HOFFMANN = testUuid('a1');

// Its tests hand over the whole fake, whose calls some of them read back.
const renderPane = (items: PreviewItem[], api: ReturnType<typeof paneApi>, language?: string) => renderPaneWith(items, api.client, language);

afterEach(cleanup);

describe('task pane', () => {
  it('shows a known sender with role, company and consent, and the account card', async () => {
    const api = paneApi({
      context: () => ({
        people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH', [consentEntry('granted', 'marketing', '2025-01-01T00:00:00Z', 'Messe')])],
        accounts: [
          accountContext(HOFFMANN, 'Hoffmann GmbH', {
            openComplaints: [
              {
                id: testUuid('i1'),
                type: 'complaint',
                direction: 'inbound',
                occurredAt: '2026-11-18T00:00:00Z',
                subject: 'Lagerschaden',
                status: 'open',
                source: 'addin',
              },
            ],
          }),
        ],
      }),
    });
    renderPane([message('m1', julia)], api);
    await ready('m1');
    expect(screen.getByText('Julia Hoffmann')).toBeTruthy();
    expect(screen.getByText('Decision maker')).toBeTruthy();
    expect(screen.getByText('Email consent given')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Hoffmann GmbH' })).toBeTruthy();
    expect(screen.getByText('Lagerschaden')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'context')?.args).toMatchObject({ query: { email: ['julia@kunde.de'] } });
  });

  it("links the account card to the account's Teams tab, opening in a new window, in English and German", async () => {
    const api = paneApi({
      context: () => ({ people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] }),
    });
    renderPane([message('m1', julia)], api);
    await ready('m1');
    const link = screen.getByRole('link', { name: 'Open Hoffmann GmbH in Teams (new window)' });
    // The preview has no Teams beside it: the standalone account tab; in Outlook the host gives the Teams deep link.
    expect(link.getAttribute('href')).toBe(`${location.origin}/teams/account.html?accountId=${HOFFMANN}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('Open in Teams');
    cleanup();
    renderPane([message('m1', julia)], api, 'de-DE');
    await ready('m1');
    expect(screen.getByRole('link', { name: 'Hoffmann GmbH in Teams öffnen (neues Fenster)' }).textContent).toBe('In Teams öffnen');
  });

  it('puts an open complaint first, as a banner above the people and the account card with its opportunities', async () => {
    const api = paneApi({
      context: () => ({
        people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
        accounts: [
          accountContext(HOFFMANN, 'Hoffmann GmbH', {
            openComplaints: [
              {
                id: testUuid('i1'),
                type: 'complaint',
                direction: 'inbound',
                occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
                subject: 'Lagerschaden',
                status: 'open',
                source: 'addin',
              },
            ],
          }),
        ],
      }),
    });
    renderPane([message('m1', julia)], api, 'de-DE');
    await ready('m1');
    const banner = screen.getByTestId('complaint-banner');
    expect(banner.textContent).toBe('Offene ReklamationenLagerschaden · seit 3 Tagen offen');
    const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(banner, screen.getByRole('heading', { name: 'Beteiligte' }))).toBe(true);
    // The account card, with its opportunities, comes after it.
    expect(before(banner, screen.getByRole('heading', { name: 'Hoffmann GmbH' }))).toBe(true);
  });

  it('says a complaint from today was opened today and heads the people on the email naturally in German', async () => {
    const complaintFrom = (occurredAt: string) =>
      paneApi({
        context: () => ({
          people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
          accounts: [
            accountContext(HOFFMANN, 'Hoffmann GmbH', {
              openComplaints: [
                { id: testUuid('i1'), type: 'complaint', direction: 'inbound', occurredAt, subject: 'Lagerschaden', status: 'open', source: 'addin' },
              ],
            }),
          ],
        }),
      });
    renderPane([message('m1', julia)], complaintFrom(new Date().toISOString()));
    await ready('m1');
    expect(screen.getByText('opened today')).toBeTruthy();
    cleanup();
    renderPane([message('m1', julia)], complaintFrom(new Date().toISOString()), 'de-DE');
    await ready('m1');
    expect(screen.getByText('seit heute offen')).toBeTruthy();
    expect(screen.getByText('Beteiligte')).toBeTruthy();
    expect(screen.queryByText('Personen auf diesem Element')).toBeNull();
  });

  it('never asks about the user themself and asks again when another item is selected', async () => {
    const api = paneApi({ context: (emails) => ({ people: emails.map((email) => ({ email, status: 'unknown', suggestedAccount: null })), accounts: [] }) });
    const host = renderPane([message('m1', julia), message('m2', { email: 'Other@Example.com', name: 'Other' })], api);
    await ready('m1');
    act(() => host.select('m2'));
    await ready('m2');
    const lookups = api.calls.filter((c) => c.name === 'context').map((c) => (c.args as { query: { email: string[] } }).query.email);
    expect(lookups).toEqual([['julia@kunde.de'], ['other@example.com']]);
  });

  it('offers to add an unknown sender and names the company suggested by the domain', async () => {
    const api = paneApi({
      context: () => ({ people: [{ email: 'lena@kunde.de', status: 'unknown', suggestedAccount: { id: HOFFMANN, name: 'Hoffmann GmbH' } }], accounts: [] }),
    });
    renderPane([message('m1', { email: 'lena@kunde.de', name: 'Lena Vogt' })], api, 'de-DE');
    await ready('m1');
    expect(screen.getByText('Firma laut E-Mail-Domain: Hoffmann GmbH')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Als Kontakt anlegen' })).toBeTruthy();
  });

  it('offers no "Add as contact" for an erased address and shows a restricted person without their data', async () => {
    const api = paneApi({
      context: () => ({
        people: [
          { email: 'lena@kunde.de', status: 'unknown', suggestedAccount: null, erased: true },
          { email: 'rita@kunde.de', status: 'restricted', restricted: true },
        ],
        accounts: [],
      }),
    });
    renderPane([message('m1', { email: 'lena@kunde.de', name: 'Lena Vogt' }, { recipients: [{ email: 'rita@kunde.de', name: 'Rita R' }] })], api);
    await ready('m1');
    expect(screen.getByText('Erased at their request (GDPR Art. 17); cannot be added again')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add as contact' })).toBeNull();
    expect(document.querySelector('[data-person="rita@kunde.de"]')?.getAttribute('data-status')).toBe('restricted');
    expect(screen.getByText('Processing restricted (GDPR Art. 18)')).toBeTruthy();
  });

  it('warns while composing about withdrawn consent and, for marketing, about missing consent', async () => {
    const withdrawn = knownPerson('tom@kunde.de', 'Tom Berger', HOFFMANN, 'Nordlicht', [
      consentEntry('withdrawn', 'newsletter', '2026-10-14T09:00:00Z', 'Abmeldelink'),
    ]);
    const silent = knownPerson('eva@kunde.de', 'Eva Meyer', HOFFMANN, 'Nordlicht');
    const api = paneApi({ context: () => ({ people: [withdrawn, silent], accounts: [accountContext(HOFFMANN, 'Nordlicht')] }) });
    const draft: PreviewItem = {
      ...message('draft', julia),
      mode: 'compose',
      from: null,
      recipients: [
        { email: 'tom@kunde.de', name: 'Tom' },
        { email: 'eva@kunde.de', name: 'Eva' },
      ],
    };
    renderPane([draft], api);
    await ready('draft');
    const warnings = () => [...document.querySelectorAll('[data-warning-for]')].map((w) => w.getAttribute('data-warning-for'));
    expect(warnings()).toEqual(['tom@kunde.de']);
    expect(screen.getByText(/Tom Berger withdrew consent to newsletter by email on 14 Oct 2026 \(Abmeldelink\)/)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of email' }), { target: { value: 'marketing' } });
    // Tom withdrew only the newsletter, so for marketing he lacks consent too; Eva never gave any.
    expect(warnings()).toEqual(['tom@kunde.de', 'tom@kunde.de', 'eva@kunde.de']);
    expect(screen.getByText('Eva Meyer has not consented to marketing by email.')).toBeTruthy();
  });

  it('warns, for marketing, about a recipient not in the CRM, and never about a colleague', async () => {
    const silent = knownPerson('eva@kunde.de', 'Eva Meyer', HOFFMANN, 'Nordlicht');
    const api = paneApi({
      context: () => ({
        people: [
          silent,
          { email: 'neu@fremd.de', status: 'unknown', suggestedAccount: null },
          { email: 'markus@seller.example', status: 'unknown', suggestedAccount: null, internal: true },
        ],
        accounts: [accountContext(HOFFMANN, 'Nordlicht')],
      }),
    });
    const draft: PreviewItem = {
      ...message('draft', julia),
      mode: 'compose',
      from: null,
      recipients: [
        { email: 'eva@kunde.de', name: 'Eva' },
        { email: 'neu@fremd.de', name: 'Nina Neu' },
        { email: 'markus@seller.example', name: 'Markus' },
      ],
    };
    renderPane([draft], api, 'de');
    await ready('draft');
    const warnings = () => [...document.querySelectorAll('[data-warning-for]')].map((w) => w.getAttribute('data-warning-for'));
    expect(warnings()).toEqual([]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Art der E-Mail' }), { target: { value: 'marketing' } });
    expect(warnings()).toEqual(['eva@kunde.de', 'neu@fremd.de']);
    expect(screen.getByText('Nina Neu (neu@fremd.de) ist nicht im CRM, also liegt keine Einwilligung für Werbung per E-Mail vor.')).toBeTruthy();
  });

  it('shows a Reader the actions disabled and says which role they need, in German', async () => {
    const reader = { id: testUuid('u9'), tenantId: testUuid('e1'), displayName: 'Rita Leser', email: 'rita@seller.example', roles: ['CRM.Reader' as const] };
    const api = paneApi({
      context: () => ({
        people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH'), { email: 'neu@kunde.de', status: 'unknown', suggestedAccount: null }],
        accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')],
      }),
      more: { me: () => reader },
    });
    renderPane([message('m1', julia, { recipients: [{ email: 'neu@kunde.de', name: 'Neu' }] })], api, 'de');
    await ready('m1');
    await waitFor(() => expect(screen.getByTestId('role-notice').textContent).toContain('Ihre Rolle (CRM.Reader) darf das CRM lesen'));
    expect(screen.getByTestId('role-notice').textContent).toContain('CRM.Admin, CRM.Manager, CRM.User');
    for (const name of ['E-Mail protokollieren', 'Wiedervorlage', 'Verkaufschance', 'Reklamation', 'Als Kontakt anlegen']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(button.getAttribute('aria-describedby')).toBe(screen.getByTestId('role-notice').id);
    }
    fireEvent.click(screen.getByRole('button', { name: 'E-Mail protokollieren' }));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('looks up the recipients again when they change while composing', async () => {
    const api = paneApi({ context: (emails) => ({ people: emails.map((email) => ({ email, status: 'unknown', suggestedAccount: null })), accounts: [] }) });
    const draft: PreviewItem = { ...message('draft', julia), mode: 'compose', from: null, recipients: [] };
    const host = renderPane([draft], api);
    await ready('draft');
    act(() => host.setRecipients([{ email: 'new@kunde.de', name: 'New' }]));
    await waitFor(() => expect(document.querySelector('[data-person="new@kunde.de"]')).not.toBeNull());
  });

  it('renders HTML in subjects and names as text', async () => {
    const api = paneApi({ context: (emails) => ({ people: emails.map((email) => ({ email, status: 'unknown', suggestedAccount: null })), accounts: [] }) });
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    renderPane([message('m1', { email: 'x@evil.example', name: evil }, { subject: evil })], api);
    await ready('m1');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('main b')).toBeNull();
    expect(screen.getByTestId('item-subject').textContent).toBe(evil);
  });

  it('shows who logged the email and, for a reply, that the conversation is logged', async () => {
    const logged = interaction({
      subject: 'Subject m1',
      type: 'email',
      source: 'addin',
      internetMessageId: '<m1@kunde.de>',
      conversationId: 'c1',
      createdAt: '2026-11-20T10:05:00.000Z',
      loggedBy: [{ userId: testUuid('u1'), displayName: 'Markus Wolf', loggedAt: '2026-11-20T10:05:00.000Z' }],
    });
    const api = paneApi({ context: () => ({ people: [], accounts: [] }), logged: [logged] });
    const host = renderPane([message('m1', julia), message('m2', julia, { internetMessageId: '<m2@kunde.de>' })], api);
    await ready('m1');
    expect(screen.getByTestId('logged-status').textContent).toMatch(/^Logged by Markus Wolf, /);
    act(() => host.select('m2'));
    await ready('m2');
    expect(screen.getByTestId('logged-status').textContent).toMatch(/earlier email in this conversation is logged/);
  });

  it('explains an unreachable API and retries on request', async () => {
    let down = true;
    const api = paneApi({ context: () => (down ? new ApiError('offline', 0, null) : { people: [], accounts: [] }) });
    renderPane([message('m1', julia)], api);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/cannot be reached/));
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await ready('m1');
  });

  it('tells a user without a CRM role what is missing', async () => {
    const api = paneApi({
      context: () => new ApiError('forbidden', 403, { type: 't', title: 'Not allowed', status: 403, detail: 'no CRM role is assigned to this user' }),
    });
    renderPane([message('m1', julia)], api, 'de');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/keinen Zugriff.*no CRM role is assigned/));
  });
});
