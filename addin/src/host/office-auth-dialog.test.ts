// The Office dialog edge of sign-in with Office.js faked: the page's answer, the user closing the dialog, dialogs Office
// refuses to open, one dialog at a time, and the words the pane shows for each in German and English.
import { describe, expect, it, vi } from 'vitest';
import { createI18n, describeError, SignInError } from '@crm/common/web';
import { officeAuthDialog } from './office-auth-dialog';

const enums = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
};

type Handler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

function fakeOffice(options: { failWith?: number; nestedAuth?: boolean } = {}) {
  const opened: Array<{ url: string; size: unknown; handlers: Record<string, Handler>; close: ReturnType<typeof vi.fn> }> = [];
  const office = {
    ...enums,
    context: {
      requirements: { isSetSupported: vi.fn((name: string, version: string) => name === 'NestedAppAuth' && version === '1.1' && (options.nestedAuth ?? true)) },
      ui: {
        displayDialogAsync(url: string, size: unknown, callback: (result: unknown) => void) {
          if (options.failWith) return callback({ status: 'failed', error: { code: options.failWith, message: 'refused' } });
          const dialog = { handlers: {} as Record<string, Handler>, close: vi.fn(), url, size };
          opened.push(dialog);
          callback({
            status: 'succeeded',
            value: { addEventHandler: (type: string, handler: Handler) => (dialog.handlers[type] = handler), close: dialog.close },
          });
        },
      },
    },
  };
  return { office: office as unknown as typeof Office, opened };
}

const URL_ = 'https://crm.example/addin/auth-dialog.html?scope=api';
const en = createI18n('en');
const de = createI18n('de');

/** Dialogs open after the previous one finished, so the fake's n-th dialog appears a tick later. */
async function dialogNo(opened: ReturnType<typeof fakeOffice>['opened'], n: number) {
  await vi.waitFor(() => expect(opened.length).toBeGreaterThan(n));
  return opened[n]!;
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

describe('the Office dialog for sign-in', () => {
  it('reports whether the host brokers tokens (NestedAppAuth 1.1)', () => {
    expect(officeAuthDialog(fakeOffice().office).nestedAuthSupported).toBe(true);
    expect(officeAuthDialog(fakeOffice({ nestedAuth: false }).office).nestedAuthSupported).toBe(false);
  });

  it('opens the sign-in page and answers with what the page sends, then closes the dialog', async () => {
    const { office, opened } = fakeOffice();
    const answer = officeAuthDialog(office).open(URL_);
    const dialog = await dialogNo(opened, 0);
    expect(dialog).toMatchObject({ url: URL_, size: { height: 60, width: 30 } });
    // A message from another origin (a page the dialog navigated to) is no answer.
    dialog.handlers.dialogMessageReceived!({ message: 'forged', origin: 'https://elsewhere.example' });
    dialog.handlers.dialogMessageReceived!({ message: '{"status":"success"}', origin: 'https://crm.example' });
    expect(await answer).toBe('{"status":"success"}');
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it('says "sign-in cancelled" in words when the user closes the dialog (12006)', async () => {
    const { office, opened } = fakeOffice();
    const answer = officeAuthDialog(office).open(URL_);
    (await dialogNo(opened, 0)).handlers.dialogEventReceived!({ error: 12006 });
    const error = await failureOf(answer);
    expect(error.reason).toBe('cancelled');
    expect(describeError(error, en.t)).toMatchObject({ text: 'Sign-in was cancelled. Choose Try again to sign in.', retryable: true });
    expect(describeError(error, de.t).text).toBe('Die Anmeldung wurde abgebrochen. Wählen Sie „Erneut versuchen“, um sich anzumelden.');
  });

  it('explains a dialog the user or browser blocked (12009, 12011) and one already open (12007)', async () => {
    for (const code of [12009, 12011]) {
      const error = await failureOf(officeAuthDialog(fakeOffice({ failWith: code }).office).open(URL_));
      expect(error).toMatchObject({ reason: 'blocked', message: expect.stringContaining(String(code)) });
      expect(describeError(error, en.t).text).toMatch(/sign-in window was blocked or dismissed/);
      expect(describeError(error, de.t).text).toMatch(/Anmeldefenster wurde blockiert/);
    }
    const busy = await failureOf(officeAuthDialog(fakeOffice({ failWith: 12007 }).office).open(URL_));
    expect(busy.reason).toBe('busy');
    expect(describeError(busy, de.t).text).toMatch(/anderes Fenster des CRM-Add-ins ist noch geöffnet/);
  });

  it('names a sign-in page the host cannot load as a deployment problem that retrying does not fix', async () => {
    const untrusted = await failureOf(officeAuthDialog(fakeOffice({ failWith: 12004 }).office).open(URL_));
    expect(describeError(untrusted, en.t)).toMatchObject({ text: expect.stringMatching(/administrator/), retryable: false });
    const { office, opened } = fakeOffice();
    const answer = officeAuthDialog(office).open(URL_);
    (await dialogNo(opened, 0)).handlers.dialogEventReceived!({ error: 12002 });
    expect((await failureOf(answer)).reason).toBe('unavailable');
  });

  it('opens one dialog at a time: a second sign-in waits for the first instead of failing with 12007', async () => {
    const { office, opened } = fakeOffice();
    const host = officeAuthDialog(office);
    const first = host.open(URL_);
    const second = host.open(`${URL_}-graph`);
    const firstDialog = await dialogNo(opened, 0);
    expect(opened).toHaveLength(1);
    firstDialog.handlers.dialogEventReceived!({ error: 12006 });
    await failureOf(first);
    (await dialogNo(opened, 1)).handlers.dialogMessageReceived!({ message: 'graph', origin: undefined });
    expect(await second).toBe('graph');
  });
});
