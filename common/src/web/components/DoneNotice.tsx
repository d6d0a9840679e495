// What a form just did, in words. It takes the focus when it appears, so the keyboard does not fall back to the page's
// body when the submitted form goes away, and screen readers read it.
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { useEffect, useRef } from 'react';

export function DoneNotice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <MessageBar ref={ref} intent="success" layout="multiline" role="status" tabIndex={-1} data-testid="done-notice">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
