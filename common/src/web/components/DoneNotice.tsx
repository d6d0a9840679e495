// What a form just did, in words. It takes the focus when it appears, so the keyboard does not fall back to the page's
// body when the submitted form goes away, and screen readers read it.
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** children: what follows the words, such as a link to what was made. */
export function DoneNotice({ text, children, testId = 'done-notice' }: { text: string; children?: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), [text]);
  return (
    <MessageBar ref={ref} intent="success" layout="multiline" role="status" tabIndex={-1} data-testid={testId}>
      <MessageBarBody>
        {text}
        {children ? <> {children}</> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
