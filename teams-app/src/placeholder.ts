// Says plainly that the tabs are not built yet (issue #4), in the browser's language.
export function renderPlaceholder(root: HTMLElement, language: string): void {
  const german = language.toLowerCase().startsWith('de');
  const heading = document.createElement('h1');
  heading.textContent = german ? 'CRM für Teams' : 'CRM for Teams';
  const text = document.createElement('p');
  text.textContent = german
    ? 'Die Registerkarten für Teams sind noch nicht gebaut (Issue #4). Die API läuft bereits unter /api.'
    : 'The Teams tabs are not built yet (issue #4). The API is already running at /api.';
  root.replaceChildren(heading, text);
}
