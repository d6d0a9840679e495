// What the pane's component tests share: the signed-in user, a message of the preview mailbox, and the pane rendered around it.
// Fluent UI's index, loaded once before any test: the pane's first screen no longer imports it, and two lazy chunks
// that do (a form and the account card's insights block) importing it at the same time hang in vitest's module loader
// (circular imports); in the built pane esbuild has bundled them and nothing is loaded twice.
import '@fluentui/react-components';
import { render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ApiClient, ThemeKind } from '@crm/common/web';
import { previewMailHost } from '../host/preview-mail-host';
import type { PreviewItem } from '../preview/preview-items';
import { PaneShell } from './PaneShell';
import { TaskPane } from './TaskPane';

export const ME = 'anna.becker@seller.example';
export const julia = { email: 'julia@kunde.de', name: 'Julia Hoffmann' };

const base = { internetMessageId: '<m1@kunde.de>', conversationId: 'c1', when: new Date('2026-11-20T10:00:00Z'), body: '', hint: { en: '', de: '' } };
export const message = (key: string, from: { email: string; name: string }, extra: Partial<PreviewItem> = {}): PreviewItem => ({
  ...base,
  mode: 'read',
  key,
  subject: `Subject ${key}`,
  from,
  recipients: [{ email: ME, name: 'Anna' }],
  ...extra,
});

/** The pane on the first of these items, in the preview mailbox; the host selects the others. */
export function renderPane(items: PreviewItem[], api: ApiClient, language = 'en-US', theme: ThemeKind = 'light') {
  const host = previewMailHost({ items, userEmail: ME, language, theme });
  host.select(items[0]!.key);
  render(
    <PaneShell services={{ host, api }}>
      <TaskPane />
    </PaneShell>,
  );
  return host;
}

export const ready = (key: string) => waitFor(() => expect(document.querySelector(`[data-ready-key="${key}"]`)).not.toBeNull());
