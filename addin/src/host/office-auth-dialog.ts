/// <reference types="office-js" />
// The Office dialog API for sign-in: the task pane opens the add-in's sign-in page with displayDialogAsync and takes the
// page's messageParent answer; the page sends it. The only place besides office-mail-host.ts that touches Office.
import { SignInError, type AuthDialogHost, type SignInReason } from '@crm/common/web';

type Failure = [SignInReason, string];

// Errors of displayDialogAsync itself, as Microsoft's "Handle errors and events in the Office dialog box" lists them.
const openFailures: Record<number, Failure> = {
  12004: ['unavailable', "the sign-in page is not on the add-in's domain (12004)"],
  12005: ['unavailable', 'the sign-in page must be served over HTTPS (12005)'],
  12007: ['busy', 'another dialog of the add-in is already open (12007)'],
  12009: ['blocked', 'the user chose to ignore the sign-in dialog (12009)'],
  12011: ['blocked', 'the browser blocks the pop-up the sign-in dialog needs (12011)'],
};

// Events from inside an open dialog.
const dialogFailures: Record<number, Failure> = {
  12002: ['unavailable', 'the sign-in page was not found or could not be loaded (12002)'],
  12003: ['unavailable', 'the sign-in dialog was sent to an HTTP address (12003)'],
  12006: ['cancelled', 'the user closed the sign-in dialog (12006)'],
};

const signInError = (table: Record<number, Failure>, code: number, what: string) => {
  const [reason, message] = table[code] ?? ['failed', `${what} failed with Office error ${code}`];
  return new SignInError(message, { code }, reason);
};

/** Percentages of the screen; Microsoft's sign-in page fits comfortably in this. */
const SIZE = { height: 60, width: 30 };

export function officeAuthDialog(office: typeof Office): AuthDialogHost {
  const openOnce = (url: string) =>
    new Promise<string>((resolve, reject) => {
      office.context.ui.displayDialogAsync(url, SIZE, (result) => {
        if (result.status === office.AsyncResultStatus.Failed) return reject(signInError(openFailures, result.error.code, 'opening the sign-in dialog'));
        const dialog = result.value;
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          // Only the add-in's own sign-in page may answer; a page it navigated to elsewhere is ignored.
          if (!('message' in arg) || (arg.origin !== undefined && arg.origin !== new URL(url).origin)) return;
          dialog.close();
          resolve(String(arg.message));
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
          if ('error' in arg) reject(signInError(dialogFailures, arg.error, 'the sign-in dialog'));
        });
      });
    });
  // One dialog at a time per task pane: a second request waits for the first instead of failing with 12007.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    nestedAuthSupported: office.context.requirements.isSetSupported('NestedAppAuth', '1.1'),
    open(url) {
      const opened = queue.then(() => openOnce(url));
      queue = opened.catch(() => undefined);
      return opened;
    },
  };
}

/** The sign-in page's side: its answer to the task pane that opened it. */
export function messageParentPage(office: typeof Office, href: string) {
  return { href, send: (message: string) => office.context.ui.messageParent(message) };
}
