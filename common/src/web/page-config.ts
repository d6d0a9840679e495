// The deployment's settings, written into a front-end's HTML at build time (API URL, Entra app and scopes).
import type { EntraClientConfig } from './auth/naa-token-provider';

export interface PageConfig extends EntraClientConfig {
  apiBaseUrl: string;
}

export function readPageConfig<T extends PageConfig = PageConfig>(doc: Document): T {
  const text = doc.getElementById('crm-config')?.textContent;
  if (!text) throw new Error('the page has no #crm-config block; build it with `npm run build:web`');
  return JSON.parse(text) as T;
}
