// What the tabs need from Teams, as an interface: teams-js inside Teams, the URL and the browser standalone.
import type { TeamsOrigin } from '@crm/common';
import type { ThemeKind } from '@crm/common/web';
import type { z } from 'zod';

/** content: a tab page; settings: the configuration dialog; sidePanel: the narrow panel in a meeting. */
export type FrameKind = 'content' | 'settings' | 'sidePanel';

/** What Teams stores for a configured tab. */
export interface TabInstance {
  contentUrl: string;
  entityId: string;
  displayName: string;
  websiteUrl: string;
}

export interface TabHost {
  kind: 'teams' | 'standalone';
  locale: string;
  theme: ThemeKind;
  frame: FrameKind;
  /** The channel, chat or meeting the tab lives in; records logged from it keep this. Null in the personal tab and standalone. */
  origin: z.infer<typeof TeamsOrigin> | null;
  /** What a deep link asked the tab to show (Teams' subPageId, the deep link's subEntityId), e.g. `account:<id>`; null if none. */
  subPageId: string | null;
  onThemeChanged(handler: (theme: ThemeKind) => void): () => void;
  /** The configuration dialog's choice (null: nothing chosen yet); Teams saves it when the user presses Save. */
  configure(instance: TabInstance | null): void;
  /** Opens a page of the tabs: standalone only, where no Save button of Teams exists. */
  navigate(url: string): void;
}

/** Teams names its themes "default", "dark" and "contrast" (and "glass" in newer clients, a light look). */
export function themeKindOfTeams(theme: string | undefined): ThemeKind {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}
