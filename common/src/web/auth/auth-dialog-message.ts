// What the add-in's sign-in page sends back to the task pane through Office's messageParent: a token or why there is none.
// zod's mini build with named imports, which the bundler can tree-shake: this runs in the task pane.
import { discriminatedUnion, int, literal, maxLength, minLength, object, positive, string, type infer as Infer } from 'zod/mini';

export const AuthDialogMessage = discriminatedUnion('status', [
  object({ status: literal('success'), accessToken: string().check(minLength(1)), expiresOn: int().check(positive()) }),
  object({ status: literal('failure'), error: string().check(minLength(1), maxLength(500)) }),
]);
export type AuthDialogMessage = Infer<typeof AuthDialogMessage>;

/** Anything else that reaches the task pane (another page's message, a truncated string) is a failure, not a token. */
export function parseAuthDialogMessage(text: string): AuthDialogMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'failure', error: 'the sign-in page sent a message that is not JSON' };
  }
  const parsed = AuthDialogMessage.safeParse(json);
  return parsed.success ? parsed.data : { status: 'failure', error: 'the sign-in page sent a message of an unknown shape' };
}
