// The tabs inside Teams: context, live theme changes, locale and the configuration dialog's save, through teams-js.
import type { app } from '@microsoft/teams-js';
import type { ThemeKind } from '@crm/common/web';
import { themeKindOfTeams, type FrameKind, type TabHost, type TabInstance } from './tab-host';

type TeamsJs = typeof import('@microsoft/teams-js');

/** teams-js on demand: a page that is not inside Teams never downloads it. */
export const loadTeamsJs = (): Promise<TeamsJs> => import('@microsoft/teams-js');

function frameOf(context: app.Context): FrameKind {
  const frame = String(context.page.frameContext);
  return frame === 'settings' || frame === 'sidePanel' ? frame : 'content';
}

function originOf(context: app.Context): TabHost['origin'] {
  if (context.meeting) return { meetingId: context.meeting.id, ...(context.chat ? { chatId: context.chat.id } : {}) };
  if (context.channel) {
    return {
      channelId: context.channel.id,
      ...(context.team?.groupId ? { teamId: context.team.groupId } : {}),
      ...(context.channel.displayName ? { name: context.channel.displayName.slice(0, 500) } : {}),
    };
  }
  if (context.chat) return { chatId: context.chat.id };
  return null;
}

/** Needs an initialised teams-js; the caller decides whether Teams is there at all. */
export async function teamsJsHost(teams: TeamsJs): Promise<TabHost> {
  const context = await teams.app.getContext();
  const handlers = new Set<(theme: ThemeKind) => void>();
  // teams-js keeps one theme handler; ours fans out to every subscriber.
  teams.app.registerOnThemeChangeHandler((theme) => handlers.forEach((handler) => handler(themeKindOfTeams(theme))));
  const frame = frameOf(context);
  let chosen: TabInstance | null = null;
  if (frame === 'settings') {
    teams.pages.config.registerOnSaveHandler((event) => {
      if (!chosen) return event.notifyFailure('no account chosen');
      const { displayName, ...rest } = chosen;
      teams.pages.config.setConfig({ ...rest, suggestedDisplayName: displayName }).then(
        () => event.notifySuccess(),
        (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
    });
  }
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: themeKindOfTeams(context.app.theme),
    frame,
    origin: originOf(context),
    subPageId: context.page.subPageId || null,
    onThemeChanged(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    configure(instance) {
      chosen = instance;
      teams.pages.config.setValidityState(instance !== null);
    },
    navigate: () => undefined,
  };
}
