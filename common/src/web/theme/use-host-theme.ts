// The theme the host asks for, applied once it is loaded: a switch keeps the current theme until the next one has
// arrived (no flash of light in a dark host), and a page that starts dark is told to wait (`ready`) rather than show
// itself in light for the moment the dark theme takes to load. A theme that cannot be loaded leaves the light one.
import type { Theme } from '@fluentui/react-theme';
import { useEffect, useState } from 'react';
import type { ThemeFamily, ThemeKind } from './themes';

export function useHostTheme(family: ThemeFamily, wanted: ThemeKind): { kind: ThemeKind; theme: Theme; ready: boolean } {
  const [shown, setShown] = useState<{ kind: ThemeKind; theme: Theme } | null>(() => (wanted === 'light' ? { kind: 'light', theme: family.light } : null));
  useEffect(() => {
    if (wanted === 'light') {
      setShown({ kind: 'light', theme: family.light });
      return;
    }
    let current = true;
    family.load(wanted).then(
      (theme) => current && setShown({ kind: wanted, theme }),
      () => current && setShown((before) => before ?? { kind: 'light', theme: family.light }),
    );
    return () => {
      current = false;
    };
  }, [family, wanted]);
  return shown ? { ...shown, ready: true } : { kind: 'light', theme: family.light, ready: false };
}
