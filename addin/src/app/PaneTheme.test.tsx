// The pane in Outlook's theme: dark and high contrast are loaded when Office reports them, never shown as light while
// they load, and a change of Office's theme repaints the open pane without reloading it.
import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { act, cleanup } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { themeVariable } from '@crm/common/web/testing';
import { julia, message, ready, renderPane } from './pane-test-kit';
import { paneApi } from './test-fixtures';

afterEach(cleanup);

const shell = () => document.querySelector<HTMLElement>('[data-theme]')!;
const background = () => themeVariable(shell(), 'colorNeutralBackground1');

it("starts in Outlook's dark theme, hidden rather than light until it has loaded, and follows Office's changes without a reload", async () => {
  const api = paneApi({});
  const host = renderPane([message('m1', julia)], api.client, 'en-US', 'dark');
  // Before the dark theme has arrived the pane is laid out and asking for its context, but not painted in light.
  expect(shell().style.visibility).toBe('hidden');
  await ready('m1');
  await expect.poll(() => shell().getAttribute('data-theme')).toBe('dark');
  expect(shell().style.visibility).toBe('');
  expect(background()).toBe(webDarkTheme.colorNeutralBackground1);

  act(() => host.setTheme('contrast'));
  await expect.poll(() => shell().getAttribute('data-theme')).toBe('contrast');
  expect(background()).toBe(teamsHighContrastTheme.colorNeutralBackground1);
  act(() => host.setTheme('light'));
  expect(shell().getAttribute('data-theme')).toBe('light');
  expect(background()).toBe(webLightTheme.colorNeutralBackground1);
  // The same pane all along: the item's context was asked for once.
  expect(api.calls.filter((c) => c.name === 'context')).toHaveLength(1);
});
