// The deployment's settings, written into taskpane.html at build time (API URL, Entra app and scopes).
export interface PaneConfig {
  apiBaseUrl: string;
  clientId: string;
  authority: string;
  apiScope: string;
  graphScope: string;
}

export function readPaneConfig(doc: Document): PaneConfig {
  const text = doc.getElementById('crm-config')?.textContent;
  if (!text) throw new Error('taskpane.html has no #crm-config block; build it with `npm run build -w addin`');
  return JSON.parse(text) as PaneConfig;
}
