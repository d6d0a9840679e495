// The account picker of a tab without a usable account, loaded only when it is needed: a tab bound to an account, the
// usual case, never shows it, and its search combobox would otherwise ride in the tab's first download.
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';

const UnboundTab = lazy(() => import('./UnboundTab').then((m) => ({ default: m.UnboundTab })));

export function LaterUnboundTab({ missing = false }: { missing?: boolean }) {
  return (
    <Suspense fallback={<Spinner />}>
      <UnboundTab missing={missing} />
    </Suspense>
  );
}
