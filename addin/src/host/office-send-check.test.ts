// The Smart Alerts handlers against a faked Outlook compose item: what event.completed gets for every verdict, when the
// API is down or too slow, and what the recipients-changed handler leaves on the item for the send handler.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it, vi } from 'vitest';
import type { ComposeCheckResponse, ComposePurpose, RecipientVerdict } from '@crm/common';
import type { CheckRecipients } from '../send-check/send-check';
import { MAX_SEND_MESSAGE } from '../send-check/send-check';
import { LOG_KEY_HEADER } from '@crm/common';
import { LOG_WHEN_SENT_TIMEOUT_MS, type LogInteraction, type LogWhenSentChoice } from '../send-check/log-when-sent';
import {
  APPOINTMENT_SEND_HANDLER,
  ATTENDEES_HANDLER,
  LOG_PROPERTY,
  loadLogWhenSent,
  saveLogWhenSent,
  precomputeSendCheck,
  PURPOSE_PROPERTY,
  RECIPIENTS_HANDLER,
  registerSendCheck,
  saveComposePurpose,
  SEND_HANDLER,
  sendCheckHandlers,
  VERDICT_KEY,
} from './office-send-check';

const enums = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' }, ItemType: { Message: 'message', Appointment: 'appointment' } },
};

type Details = { emailAddress: string; displayName: string };
const field = (list: Details[]) => ({ getAsync: (callback: (r: unknown) => void) => callback({ status: 'succeeded', value: list }) });

interface Fake {
  /** A meeting invitation being composed: required and optional attendees instead of To, Cc and Bcc. */
  meeting?: { required?: Details[]; optional?: Details[] };
  to?: Details[];
  cc?: Details[];
  bcc?: Details[];
  purpose?: string;
  language?: string;
  mailbox?: string;
  session?: Record<string, string>;
  subject?: string;
  properties?: Record<string, unknown>;
}

/** Outlook's compose item as Office.js shows it to an event handler (Mailbox 1.12, 1.14 when mailbox is '1.14'). */
function outlook(fake: Fake) {
  const session: Record<string, string> = { ...fake.session };
  const properties: Record<string, unknown> = { ...fake.properties, ...(fake.purpose ? { [PURPOSE_PROPERTY]: fake.purpose } : {}) };
  const headers: Record<string, string> = {};
  const associated: Record<string, unknown> = {};
  const ok = (callback: (r: unknown) => void, value?: unknown) => callback({ status: 'succeeded', value });
  const mock = new OfficeMockObject({
    host: 'outlook',
    ...enums,
    actions: { associate: (name: string, handler: unknown) => (associated[name] = handler) },
    context: {
      displayLanguage: fake.language ?? 'en-US',
      requirements: { isSetSupported: (_set: string, version: string) => Number(version.split('.')[1]) <= Number((fake.mailbox ?? '1.14').split('.')[1]) },
      mailbox: {
        item: {
          ...(fake.meeting
            ? { itemType: 'appointment', requiredAttendees: field(fake.meeting.required ?? []), optionalAttendees: field(fake.meeting.optional ?? []) }
            : { itemType: 'message', to: field(fake.to ?? []), cc: field(fake.cc ?? []), bcc: field(fake.bcc ?? []) }),
          subject: { getAsync: (callback: (r: unknown) => void) => ok(callback, fake.subject ?? '') },
          conversationId: 'conversation-1',
          loadCustomPropertiesAsync: (callback: (r: unknown) => void) =>
            ok(callback, {
              get: (name: string) => properties[name],
              set: (name: string, value: unknown) => (properties[name] = value),
              remove: (name: string) => delete properties[name],
              saveAsync: (cb: (r: unknown) => void) => ok(cb),
            }),
          // Mailbox 1.8: custom internet headers of the draft, which travel with the sent email.
          internetHeaders: {
            setAsync: (values: Record<string, string>, callback: (r: unknown) => void) => ok(callback, Object.assign(headers, values)),
            removeAsync: (names: string[], callback: (r: unknown) => void) =>
              ok(
                callback,
                names.forEach((name) => delete headers[name]),
              ),
          },
          sessionData: {
            getAsync: (name: string, callback: (r: unknown) => void) =>
              name in session ? ok(callback, session[name]) : callback({ status: 'failed', error: { message: 'not found' } }),
            setAsync: (name: string, value: string, callback: (r: unknown) => void) => ok(callback, (session[name] = value)),
            removeAsync: (name: string, callback: (r: unknown) => void) => ok(callback, delete session[name]),
          },
        },
      },
    },
  });
  return { office: mock as unknown as typeof Office, session, properties, headers, associated };
}

const verdict = (email: string, over: Partial<RecipientVerdict> = {}): RecipientVerdict => ({
  email,
  verdict: 'pass',
  reason: null,
  known: true,
  consentPurpose: null,
  since: null,
  source: null,
  ...over,
});

/**
 * A fake API answering from a table of verdicts by address, which a test may change between calls (a consent recorded
 * meanwhile); like the API it names each verdict with a version and answers "unchanged" to a caller who holds it.
 */
function api(table: Record<string, Partial<RecipientVerdict>>) {
  const verdicts = { ...table };
  const calls: Array<{ purpose: ComposePurpose; emails: string[]; knownVersion?: string }> = [];
  const check: CheckRecipients = async (purpose, emails, _signal, knownVersion) => {
    calls.push({ purpose, emails, ...(knownVersion ? { knownVersion } : {}) });
    const recipients = emails.map((e) => verdict(e, verdicts[e]));
    const version = `v-${JSON.stringify([purpose, recipients]).length}-${JSON.stringify(recipients.map((r) => [r.verdict, r.reason, r.since]))}`;
    const blocked = recipients.some((r) => r.verdict === 'block');
    const unchanged = knownVersion === version;
    return { purpose, blocked, version, unchanged, recipients: unchanged ? [] : recipients } satisfies ComposeCheckResponse;
  };
  return { check, calls, verdicts };
}

const send = async (o: ReturnType<typeof outlook>, check: CheckRecipients, log?: LogInteraction) => {
  const completed = vi.fn();
  await sendCheckHandlers(o.office, check, log).onMessageSend({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  return completed.mock.calls[0]![0] as Office.SmartAlertsEventCompletedOptions;
};

const julia = { emailAddress: 'julia.hoffmann@kunde.example', displayName: 'Julia Hoffmann' };
const stefan = { emailAddress: 'Stefan.Kraus@kunde.example', displayName: 'Stefan Kraus' };
const unknown = { emailAddress: 'info@fremd.example', displayName: 'info@fremd.example' };

describe('the send check (OnMessageSend)', () => {
  it('lets the email go when every recipient passes, asking once for To, Cc and Bcc with the purpose from the item', async () => {
    const o = outlook({ to: [julia], cc: [stefan], bcc: [unknown], purpose: 'newsletter' });
    const { check, calls } = api({});
    expect(await send(o, check)).toEqual({ allowEvent: true });
    expect(calls).toEqual([{ purpose: 'newsletter', emails: ['julia.hoffmann@kunde.example', 'stefan.kraus@kunde.example', 'info@fremd.example'] }]);
  });

  it('checks one-to-one correspondence when the pane chose no purpose', async () => {
    const { check, calls } = api({});
    await send(outlook({ to: [julia] }), check);
    expect(calls[0]!.purpose).toBe('correspondence');
  });

  it('blocks with the names and reasons of every blocked recipient, in English', async () => {
    const o = outlook({ to: [julia, stefan], bcc: [unknown], purpose: 'marketing' });
    const { check } = api({
      'julia.hoffmann@kunde.example': { verdict: 'block', reason: 'objected', consentPurpose: 'marketing', since: '2025-04-20T10:00:00.000Z', source: 'Anruf' },
      'stefan.kraus@kunde.example': { verdict: 'block', reason: 'withdrawn', consentPurpose: 'marketing', since: '2025-06-15T12:30:00.000Z' },
      'info@fremd.example': { verdict: 'block', reason: 'no_consent', known: false },
    });
    expect(await send(o, check)).toEqual({
      allowEvent: false,
      errorMessage:
        'Not sent: consent check for marketing. Julia Hoffmann <julia.hoffmann@kunde.example>: objected to marketing on 20/04/2025; ' +
        'Stefan Kraus <stefan.kraus@kunde.example>: withdrew marketing consent on 15/06/2025; info@fremd.example: not in the CRM, no consent. ' +
        'Remove them, or choose another kind of email in the CRM pane.',
    });
  });

  it('says the same in German when Outlook runs in German, restriction and missing consent included', async () => {
    const o = outlook({ to: [julia], cc: [stefan], purpose: 'events', language: 'de-DE' });
    const { check } = api({
      'julia.hoffmann@kunde.example': { verdict: 'block', reason: 'restricted' },
      'stefan.kraus@kunde.example': { verdict: 'block', reason: 'no_consent' },
    });
    expect((await send(o, check)).errorMessage).toBe(
      'Nicht gesendet: Einwilligungsprüfung für Veranstaltungen. Julia Hoffmann <julia.hoffmann@kunde.example>: Verarbeitung eingeschränkt; ' +
        'Stefan Kraus <stefan.kraus@kunde.example>: keine Einwilligung. Entfernen Sie diese Empfänger oder wählen Sie im CRM-Bereich eine andere Art der E-Mail.',
    );
  });

  it('keeps the message within 500 characters for a long list, naming as many as fit and counting the rest', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ emailAddress: `empfaenger${i}@kunde.example`, displayName: `Empfänger Nummer ${i}` }));
    const verdicts = Object.fromEntries(many.map((m) => [m.emailAddress, { verdict: 'block', reason: 'no_consent', known: false } as const]));
    for (const language of ['en-US', 'de-DE']) {
      const message = (await send(outlook({ bcc: many, purpose: 'newsletter', language }), api(verdicts).check)).errorMessage!;
      expect(message.length).toBeLessThanOrEqual(MAX_SEND_MESSAGE);
      const named = many.filter((m) => message.includes(`<${m.emailAddress}>`)).length;
      expect(named).toBeGreaterThan(0);
      expect(message).toContain(language === 'de-DE' ? `Und ${40 - named} weitere.` : `And ${40 - named} more.`);
      expect(message).toMatch(language === 'de-DE' ? /andere Art der E-Mail\.$/ : /CRM pane\.$/);
    }
  });

  it('lets the user send anyway with a prompt when the API is down (Mailbox 1.14 relaxes softBlock to promptUser)', async () => {
    const down: CheckRecipients = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await send(outlook({ to: [julia], purpose: 'marketing' }), down)).toEqual({
      allowEvent: false,
      errorMessage: 'The CRM consent check could not run (no answer in time). Check that the recipients agreed to this email before you send it anyway.',
      sendModeOverride: 'promptUser',
    });
    expect((await send(outlook({ to: [julia], language: 'de-AT' }), down)).errorMessage).toMatch(/^Die Einwilligungsprüfung des CRM konnte nicht laufen/);
  });

  it('gives up at the deadline and prompts instead of waiting for an API that does not answer', async () => {
    const signals: AbortSignal[] = [];
    const hanging: CheckRecipients = (_purpose, _emails, signal) => {
      signals.push(signal!);
      return new Promise(() => {});
    };
    vi.useFakeTimers();
    try {
      const completed = vi.fn();
      const running = sendCheckHandlers(outlook({ to: [julia] }).office, hanging).onMessageSend({ completed });
      await vi.runAllTimersAsync();
      await running;
      expect(completed).toHaveBeenCalledWith(expect.objectContaining({ allowEvent: false, sendModeOverride: 'promptUser' }));
      expect(signals[0]!.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up at the deadline too where the runtime has no AbortController (classic Outlook on Windows is no browser)', async () => {
    vi.stubGlobal('AbortController', undefined);
    vi.useFakeTimers();
    try {
      const completed = vi.fn();
      const running = sendCheckHandlers(outlook({ to: [julia] }).office, () => new Promise(() => {})).onMessageSend({ completed });
      await vi.runAllTimersAsync();
      await running;
      expect(completed).toHaveBeenCalledWith(expect.objectContaining({ allowEvent: false, sendModeOverride: 'promptUser' }));
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it('sends without a prompt where Outlook cannot relax the send mode (before Mailbox 1.14): never blocked because the CRM is down', async () => {
    const down: CheckRecipients = async () => {
      throw new Error('503');
    };
    expect(await send(outlook({ to: [julia], mailbox: '1.13' }), down)).toEqual({ allowEvent: true });
  });

  it('sends an email without recipients without asking', async () => {
    const { check, calls } = api({});
    expect(await send(outlook({}), check)).toEqual({ allowEvent: true });
    expect(calls).toEqual([]);
  });
});

describe('the verdict kept on the item (OnMessageRecipientsChanged)', () => {
  const blockJulia = {
    'julia.hoffmann@kunde.example': { verdict: 'block', reason: 'withdrawn', consentPurpose: 'newsletter', since: '2025-02-01T12:00:00.000Z' },
  } as const;

  it('is computed when the recipients change; Send asks once with its version and answers from it when the API says it is unchanged', async () => {
    const o = outlook({ to: [julia, stefan], purpose: 'newsletter' });
    const first = api(blockJulia);
    const completed = vi.fn();
    await sendCheckHandlers(o.office, first.check).onRecipientsChanged({ completed });
    expect(completed).toHaveBeenCalledWith();
    expect(first.calls).toHaveLength(1);
    const stored = JSON.parse(o.session[VERDICT_KEY]!);
    expect(stored.blocked).toEqual([verdict('julia.hoffmann@kunde.example', blockJulia['julia.hoffmann@kunde.example'])]);
    expect(stored.version).toEqual(expect.any(String));

    const answer = await send(o, first.check);
    // The answer carried no recipients: the message comes from the stored verdict.
    expect(first.calls[1]).toEqual({
      purpose: 'newsletter',
      emails: ['julia.hoffmann@kunde.example', 'stefan.kraus@kunde.example'],
      knownVersion: stored.version,
    });
    expect(answer.errorMessage).toContain('Julia Hoffmann <julia.hoffmann@kunde.example>: withdrew newsletter consent on 01/02/2025');
  });

  it('is not reused when a consent was withdrawn after it was computed: Send blocks with the withdrawal', async () => {
    const o = outlook({ to: [julia, stefan], purpose: 'newsletter' });
    const ledger = api({});
    await sendCheckHandlers(o.office, ledger.check).onRecipientsChanged({ completed: vi.fn() });
    expect(JSON.parse(o.session[VERDICT_KEY]!).blocked).toEqual([]);

    // Julia withdraws her newsletter consent on the phone while the email is still being written.
    Object.assign(ledger.verdicts, blockJulia);
    expect(await send(o, ledger.check)).toEqual({
      allowEvent: false,
      errorMessage:
        'Not sent: consent check for newsletter. Julia Hoffmann <julia.hoffmann@kunde.example>: withdrew newsletter consent on 01/02/2025. ' +
        'Remove them, or choose another kind of email in the CRM pane.',
    });
    // And a grant given meanwhile lets it go, though the stored verdict blocked.
    const blockedFirst = outlook({ to: [julia], purpose: 'newsletter' });
    const regranted = api(blockJulia);
    await sendCheckHandlers(blockedFirst.office, regranted.check).onRecipientsChanged({ completed: vi.fn() });
    delete regranted.verdicts['julia.hoffmann@kunde.example'];
    expect(await send(blockedFirst, regranted.check)).toEqual({ allowEvent: true });
  });

  it('does not stand in for the API when the API cannot answer at Send: the user gets "could not run", not the old verdict', async () => {
    const o = outlook({ to: [julia], purpose: 'newsletter' });
    await sendCheckHandlers(o.office, api({}).check).onRecipientsChanged({ completed: vi.fn() });
    const down: CheckRecipients = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await send(o, down)).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
  });

  it('is ignored when an older add-in stored it without a version, so Send asks afresh', async () => {
    const o = outlook({ to: [julia], purpose: 'newsletter', session: { [VERDICT_KEY]: JSON.stringify({ key: 'newsletter:29:x', blocked: [] }) } });
    const live = api(blockJulia);
    expect((await send(o, live.check)).allowEvent).toBe(false);
    expect(live.calls).toEqual([{ purpose: 'newsletter', emails: ['julia.hoffmann@kunde.example'] }]);
  });

  it('is not used once the purpose or the recipients differ from what it was computed for', async () => {
    const o = outlook({ to: [julia], purpose: 'newsletter' });
    await sendCheckHandlers(o.office, api(blockJulia).check).onRecipientsChanged({ completed: vi.fn() });

    await saveComposePurpose(o.office, 'correspondence');
    expect(o.properties[PURPOSE_PROPERTY]).toBe('correspondence');
    const live = api({});
    expect(await send(o, live.check)).toEqual({ allowEvent: true });
    expect(live.calls).toEqual([{ purpose: 'correspondence', emails: ['julia.hoffmann@kunde.example'] }]);
  });

  it('is recomputed when the pane picks another purpose, so Send still gets the short "unchanged" answer', async () => {
    const o = outlook({ to: [julia], purpose: 'newsletter' });
    const { check, calls } = api(blockJulia);
    await sendCheckHandlers(o.office, check).onRecipientsChanged({ completed: vi.fn() });
    await saveComposePurpose(o.office, 'marketing');
    await precomputeSendCheck(o.office, check);
    expect(calls.map((c) => c.purpose)).toEqual(['newsletter', 'marketing']);

    expect((await send(o, check)).errorMessage).toMatch(/^Not sent: consent check for marketing\./);
    expect(calls[2]).toMatchObject({ purpose: 'marketing', knownVersion: JSON.parse(o.session[VERDICT_KEY]!).version });
  });

  it('stores nothing when the API is down, so the send check asks again', async () => {
    const o = outlook({ to: [julia], purpose: 'newsletter', session: { [VERDICT_KEY]: 'not json' } });
    const completed = vi.fn();
    await sendCheckHandlers(o.office, async () => Promise.reject(new Error('offline'))).onRecipientsChanged({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const live = api(blockJulia);
    expect((await send(o, live.check)).allowEvent).toBe(false);
    expect(live.calls).toHaveLength(1);
  });

  it('is removed when the last recipient goes', async () => {
    const o = outlook({ session: { [VERDICT_KEY]: '{"key":"x","blocked":[]}' } });
    await sendCheckHandlers(o.office, api({}).check).onRecipientsChanged({ completed: vi.fn() });
    expect(o.session).toEqual({});
  });
});

it('registers the four handlers under the action ids the manifest names', () => {
  const o = outlook({});
  registerSendCheck(o.office, api({}).check);
  expect(Object.keys(o.associated).sort()).toEqual([APPOINTMENT_SEND_HANDLER, ATTENDEES_HANDLER, RECIPIENTS_HANDLER, SEND_HANDLER].sort());
});

describe('the send check on meeting invitations (OnAppointmentSend)', () => {
  const sendInvitation = async (o: ReturnType<typeof outlook>, check: CheckRecipients, log?: LogInteraction) => {
    const completed = vi.fn();
    await sendCheckHandlers(o.office, check, log).onAppointmentSend({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    return completed.mock.calls[0]![0] as Office.SmartAlertsEventCompletedOptions;
  };
  const blockBoth = {
    'julia.hoffmann@kunde.example': { verdict: 'block', reason: 'objected', consentPurpose: 'events', since: '2025-04-20T10:00:00.000Z' },
    'stefan.kraus@kunde.example': { verdict: 'block', reason: 'restricted' },
  } as const;

  it('checks the required and optional attendees for the kind chosen in the pane and names the blocked ones, in English', async () => {
    const o = outlook({ meeting: { required: [julia], optional: [stefan] }, purpose: 'events' });
    const { check, calls } = api(blockBoth);
    expect(await sendInvitation(o, check)).toEqual({
      allowEvent: false,
      errorMessage:
        'Invitation not sent: consent check for events. Julia Hoffmann <julia.hoffmann@kunde.example>: objected to events on 20/04/2025; ' +
        'Stefan Kraus <stefan.kraus@kunde.example>: processing restricted. Remove them from the attendees, or choose another kind of email in the CRM pane.',
    });
    expect(calls).toEqual([{ purpose: 'events', emails: ['julia.hoffmann@kunde.example', 'stefan.kraus@kunde.example'] }]);
  });

  it('says the same in German', async () => {
    const o = outlook({ meeting: { required: [julia], optional: [stefan] }, purpose: 'events', language: 'de-DE' });
    expect((await sendInvitation(o, api(blockBoth).check)).errorMessage).toBe(
      'Einladung nicht gesendet: Einwilligungsprüfung für Veranstaltungen. Julia Hoffmann <julia.hoffmann@kunde.example>: Widerspruch gegen Veranstaltungen am 20.04.2025; ' +
        'Stefan Kraus <stefan.kraus@kunde.example>: Verarbeitung eingeschränkt. Entfernen Sie diese Teilnehmer oder wählen Sie im CRM-Bereich eine andere Art der E-Mail.',
    );
  });

  it('lets the invitation go when every attendee passes, and checks one-to-one correspondence when no kind was chosen', async () => {
    const { check, calls } = api({});
    expect(await sendInvitation(outlook({ meeting: { required: [julia], optional: [unknown] } }), check)).toEqual({ allowEvent: true });
    expect(calls).toEqual([{ purpose: 'correspondence', emails: ['julia.hoffmann@kunde.example', 'info@fremd.example'] }]);
  });

  it('prompts "could not run" in the user\'s language when the API is down, naming the invitation, and never blocks it outright', async () => {
    const down: CheckRecipients = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendInvitation(outlook({ meeting: { required: [julia] }, purpose: 'events' }), down)).toEqual({
      allowEvent: false,
      errorMessage: 'The CRM consent check could not run (no answer in time). Check that the attendees agreed to this invitation before you send it anyway.',
      sendModeOverride: 'promptUser',
    });
    expect((await sendInvitation(outlook({ meeting: { required: [julia] }, language: 'de-DE' }), down)).errorMessage).toBe(
      'Die Einwilligungsprüfung des CRM konnte nicht laufen (keine Antwort rechtzeitig). Prüfen Sie selbst, ob die Teilnehmer zugestimmt haben, bevor Sie die Einladung trotzdem senden.',
    );
    expect(await sendInvitation(outlook({ meeting: { required: [julia] }, mailbox: '1.13' }), down)).toEqual({ allowEvent: true });
  });

  it('answers from the verdict kept when the attendees changed, and logs nothing at send time', async () => {
    const choice: LogWhenSentChoice = {
      key: '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c',
      accountId: '11111111-1111-4111-8111-111111111111',
      opportunityId: null,
      contacts: {},
    };
    const o = outlook({ meeting: { required: [julia], optional: [stefan] }, purpose: 'events', properties: { [LOG_PROPERTY]: JSON.stringify(choice) } });
    const first = api(blockBoth);
    await sendCheckHandlers(o.office, first.check).onAttendeesChanged({ completed: vi.fn() });
    expect(first.calls).toHaveLength(1);
    expect(JSON.parse(o.session[VERDICT_KEY]!).blocked.map((v: RecipientVerdict) => v.email)).toEqual([
      'julia.hoffmann@kunde.example',
      'stefan.kraus@kunde.example',
    ]);
    const logged: unknown[] = [];
    const answer = await sendInvitation(o, first.check, async (body) => void logged.push(body));
    expect(answer.errorMessage).toMatch(/^Invitation not sent/);
    expect(first.calls[1]).toMatchObject({ knownVersion: JSON.parse(o.session[VERDICT_KEY]!).version });
    // A meeting is logged from the pane by its iCalUId; the send handler logs emails only, even when it lets one go.
    await sendCheckHandlers(
      outlook({ meeting: { required: [julia] }, properties: { [LOG_PROPERTY]: JSON.stringify(choice) } }).office,
      api({}).check,
      async (body) => void logged.push(body),
    ).onAppointmentSend({ completed: vi.fn() });
    expect(logged).toEqual([]);
  });
});

describe('log when sent', () => {
  const choice: LogWhenSentChoice = {
    key: '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c',
    accountId: '11111111-1111-4111-8111-111111111111',
    opportunityId: '22222222-2222-4222-8222-222222222222',
    contacts: { 'julia.hoffmann@kunde.example': '33333333-3333-4333-8333-333333333333', 'gone@kunde.example': '44444444-4444-4444-8444-444444444444' },
  };
  const logger = (fail?: 'down' | 'hangs') => {
    const logged: Parameters<LogInteraction>[0][] = [];
    const log: LogInteraction = async (body) => {
      if (fail === 'down') throw new Error('API down');
      if (fail === 'hangs') return new Promise<void>(() => undefined);
      logged.push(body);
    };
    return { log, logged };
  };

  it('sets the x-crm-log-key header and keeps the choice on the draft when switched on, and removes both when switched off', async () => {
    const o = outlook({ to: [julia] });
    await saveLogWhenSent(o.office, choice);
    expect(o.headers).toEqual({ [LOG_KEY_HEADER]: choice.key });
    expect(await loadLogWhenSent(o.office)).toEqual(choice);
    await saveLogWhenSent(o.office, null);
    expect(o.headers).toEqual({});
    expect(LOG_PROPERTY in o.properties).toBe(false);
    expect(await loadLogWhenSent(o.office)).toBeNull();
  });

  it('logs the email once Outlook may send it: outbound, keyed by the header, with the chosen account and opportunity and the contacts still on it', async () => {
    const o = outlook({ to: [julia], cc: [stefan], subject: 'Angebot Wartung 2027', properties: { [LOG_PROPERTY]: JSON.stringify(choice) } });
    const { log, logged } = logger();
    expect(await send(o, api({}).check, log)).toEqual({ allowEvent: true });
    expect(logged).toEqual([
      expect.objectContaining({
        type: 'email',
        direction: 'outbound',
        subject: 'Angebot Wartung 2027',
        source: 'addin',
        logKey: choice.key,
        conversationId: 'conversation-1',
        accountIds: [choice.accountId],
        opportunityIds: [choice.opportunityId],
        contactIds: ['33333333-3333-4333-8333-333333333333'],
      }),
    ]);
  });

  it('logs nothing for an email the check holds back, nor when the user may only send anyway, nor when it is off', async () => {
    const properties = { [LOG_PROPERTY]: JSON.stringify(choice) };
    const { log, logged } = logger();
    const blocked = api({ 'julia.hoffmann@kunde.example': { verdict: 'block', reason: 'restricted' } }).check;
    expect((await send(outlook({ to: [julia], properties }), blocked, log)).allowEvent).toBe(false);
    const down: CheckRecipients = async () => {
      throw new Error('API down');
    };
    expect(await send(outlook({ to: [julia], properties }), down, log)).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(await send(outlook({ to: [julia] }), api({}).check, log)).toEqual({ allowEvent: true });
    expect(logged).toEqual([]);
  });

  it('lets the email go when logging fails or does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const properties = { [LOG_PROPERTY]: JSON.stringify(choice) };
      expect(await send(outlook({ to: [julia], properties }), api({}).check, logger('down').log)).toEqual({ allowEvent: true });
      const hanging = send(outlook({ to: [julia], properties }), api({}).check, logger('hangs').log);
      await vi.advanceTimersByTimeAsync(LOG_WHEN_SENT_TIMEOUT_MS);
      expect(await hanging).toEqual({ allowEvent: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
