// Focus back on the button that opened a form once the form is cancelled (or done without a notice of its own), even
// when the button was hidden while the form was open: it is focused after the render that shows it again.
import { useEffect, useRef } from 'react';

export function useOpenerFocus<T extends HTMLElement = HTMLButtonElement>() {
  const ref = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || !ref.current) return;
    pending.current = false;
    ref.current.focus();
  });
  /** Call in the same event that closes the form. */
  const restore = () => {
    pending.current = true;
  };
  return { ref, restore };
}
