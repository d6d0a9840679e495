// Host detection and the teams-js host: standalone at once at top level, after a short wait in a foreign iframe; theme and save through teams-js.
import { describe, expect, it, vi } from 'vitest';
import { connectHost } from './connect-host';
import { standaloneHost } from './standalone-host';
import { themeKindOfTeams, type TabHost } from './tab-host';
import { teamsJsHost } from './teams-js-host';

const standalone = () =>
  standaloneHost(new URL('https://x.example/teams/account.html?theme=dark&lang=de&frame=sidePanel'), { language: 'en', navigate: () => undefined });

describe('connecting to Teams', () => {
  it('is standalone at once at top level, without asking teams-js', async () => {
    const initialize = vi.fn(async () => undefined);
    const host = await connectHost({ isTopLevel: true, initialize, teams: vi.fn(), standalone });
    expect(host).toMatchObject({ kind: 'standalone', theme: 'dark', locale: 'de', frame: 'sidePanel', origin: null });
    expect(initialize).not.toHaveBeenCalled();
  });

  it('gives up on a silent parent after the handshake timeout instead of waiting 60 s', async () => {
    const teams = vi.fn<() => Promise<TabHost>>();
    const host = await connectHost({ isTopLevel: false, initialize: () => new Promise(() => undefined), teams, standalone, timeoutMs: 20 });
    expect(host.kind).toBe('standalone');
    expect(teams).not.toHaveBeenCalled();
  });

  it('uses Teams when it answers, and falls back when teams-js fails', async () => {
    const teamsHost = { ...standalone(), kind: 'teams' as const };
    const teams = async () => teamsHost;
    expect((await connectHost({ isTopLevel: false, initialize: async () => undefined, teams, standalone })).kind).toBe('teams');
    expect((await connectHost({ isTopLevel: false, initialize: () => Promise.reject(new Error('no')), teams, standalone })).kind).toBe('standalone');
  });

  it("maps Teams' theme names to Fluent's", () => {
    expect(['default', 'dark', 'contrast', 'glass', undefined].map(themeKindOfTeams)).toEqual(['light', 'dark', 'contrast', 'light', 'light']);
  });
});

function fakeTeamsJs(context: Record<string, unknown>) {
  const state: { theme?: (t: string) => void; save?: (e: { notifySuccess(): void; notifyFailure(r?: string): void }) => void } = {};
  const setConfig = vi.fn(async () => undefined);
  const setValidityState = vi.fn();
  const teams = {
    app: { getContext: async () => context, registerOnThemeChangeHandler: (h: (t: string) => void) => (state.theme = h) },
    pages: { config: { registerOnSaveHandler: (h: typeof state.save) => (state.save = h), setConfig, setValidityState } },
  };
  return { teams: teams as unknown as typeof import('@microsoft/teams-js'), state, setConfig, setValidityState };
}

describe('teams-js host', () => {
  it('reads locale, theme, frame and the channel the tab lives in, and passes theme changes on', async () => {
    const fake = fakeTeamsJs({
      app: { locale: 'de-DE', theme: 'dark' },
      page: { frameContext: 'content' },
      channel: { id: '19:c@thread', displayName: 'Vertrieb' },
      team: { groupId: 'g1' },
    });
    const host = await teamsJsHost(fake.teams);
    expect(host).toMatchObject({
      kind: 'teams',
      locale: 'de-DE',
      theme: 'dark',
      frame: 'content',
      origin: { channelId: '19:c@thread', teamId: 'g1', name: 'Vertrieb' },
    });
    const seen: string[] = [];
    const stop = host.onThemeChanged((t) => seen.push(t));
    fake.state.theme!('contrast');
    stop();
    fake.state.theme!('default');
    expect(seen).toEqual(['contrast']);
  });

  it("hands on the deep link's subPageId (the pane's Open in Teams names an account)", async () => {
    const fake = fakeTeamsJs({ app: { locale: 'en-US', theme: 'default' }, page: { frameContext: 'content', subPageId: 'account:0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a' } });
    expect((await teamsJsHost(fake.teams)).subPageId).toBe('account:0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a');
    const plain = fakeTeamsJs({ app: { locale: 'en-US', theme: 'default' }, page: { frameContext: 'content' } });
    expect((await teamsJsHost(plain.teams)).subPageId).toBeNull();
  });

  it('names the meeting as origin in a meeting side panel', async () => {
    const fake = fakeTeamsJs({
      app: { locale: 'en-US', theme: 'default' },
      page: { frameContext: 'sidePanel' },
      meeting: { id: 'm1' },
      chat: { id: '19:meeting' },
    });
    expect(await teamsJsHost(fake.teams)).toMatchObject({ frame: 'sidePanel', origin: { meetingId: 'm1', chatId: '19:meeting' } });
  });

  it('in the configuration dialog, enables Save once an account is chosen and saves it with its name as the title', async () => {
    const fake = fakeTeamsJs({ app: { locale: 'en-US', theme: 'default' }, page: { frameContext: 'settings' }, chat: { id: '19:chat' } });
    const host = await teamsJsHost(fake.teams);
    const failed = vi.fn();
    fake.state.save!({ notifySuccess: vi.fn(), notifyFailure: failed });
    expect(failed).toHaveBeenCalled();
    host.configure({
      contentUrl: 'https://c/teams/account.html?accountId=a1',
      websiteUrl: 'https://c/teams/account.html?accountId=a1',
      entityId: 'account:a1',
      displayName: 'Hoffmann',
    });
    expect(fake.setValidityState).toHaveBeenLastCalledWith(true);
    const succeeded = vi.fn();
    fake.state.save!({ notifySuccess: succeeded, notifyFailure: vi.fn() });
    await vi.waitFor(() => expect(succeeded).toHaveBeenCalled());
    expect(fake.setConfig).toHaveBeenCalledWith({
      contentUrl: 'https://c/teams/account.html?accountId=a1',
      websiteUrl: 'https://c/teams/account.html?accountId=a1',
      entityId: 'account:a1',
      suggestedDisplayName: 'Hoffmann',
    });
  });
});
