// The placeholder must tell users, in their language, that the pane is not built yet.
import { describe, expect, it } from 'vitest';
import { renderPlaceholder } from './placeholder';

describe('task pane placeholder', () => {
  it('speaks German to German users and English otherwise', () => {
    const root = document.createElement('main');
    renderPlaceholder(root, 'de-DE');
    expect(root.textContent).toContain('noch nicht gebaut');
    renderPlaceholder(root, 'en-US');
    expect(root.textContent).toContain('not built yet');
  });
});
