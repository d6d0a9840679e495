// The tabs in a plain browser: theme, language and layout from the URL (?theme=dark&lang=de&frame=sidePanel), and what a
// deep link would ask for (?subPageId=account:<id>).
import type { ThemeKind } from '@crm/common/web';
import type { FrameKind, TabHost } from './tab-host';

const THEMES: readonly ThemeKind[] = ['light', 'dark', 'contrast'];
const FRAMES: readonly FrameKind[] = ['content', 'settings', 'sidePanel'];

export function standaloneHost(url: URL, options: { language: string; navigate: (url: string) => void; frame?: FrameKind }): TabHost {
  const theme = url.searchParams.get('theme') as ThemeKind | null;
  const frame = url.searchParams.get('frame') as FrameKind | null;
  return {
    kind: 'standalone',
    locale: url.searchParams.get('lang') ?? options.language,
    theme: theme && THEMES.includes(theme) ? theme : 'light',
    frame: frame && FRAMES.includes(frame) ? frame : (options.frame ?? 'content'),
    origin: null,
    subPageId: url.searchParams.get('subPageId'),
    onThemeChanged: () => () => undefined,
    configure: () => undefined,
    navigate: options.navigate,
  };
}
