// Says plainly that the task pane is not built yet (issue #3), in the browser's language.
export function renderPlaceholder(root: HTMLElement, language: string): void {
  const german = language.toLowerCase().startsWith('de');
  const heading = document.createElement('h1');
  heading.textContent = german ? 'CRM für Outlook' : 'CRM for Outlook';
  const text = document.createElement('p');
  text.textContent = german
    ? 'Der Aufgabenbereich für Outlook ist noch nicht gebaut (Issue #3). Die API läuft bereits unter /api.'
    : 'The Outlook task pane is not built yet (issue #3). The API is already running at /api.';
  root.replaceChildren(heading, text);
}
