// A modal confirmation on the browser's own <dialog>: it keeps the focus inside, makes the page behind it inert, closes
// on Escape, and the focus goes back to the opener. Fluent's Dialog would do the same, but its focus-trap library comes
// into the tab's first download (esbuild shares every component a lazy section takes from Fluent's index with the
// entry), which the 150 KB budget cannot carry.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  dialog: {
    maxWidth: 'min(560px, calc(100vw - 32px))',
    padding: tokens.spacingHorizontalXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
});

export function ModalDialog({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // The browser hands the focus back only when an open dialog closes in the page; this one leaves with its parent.
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className={styles.dialog}
      onCancel={(e) => {
        // Escape: the parent decides (it keeps the dialog while a request is under way).
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
