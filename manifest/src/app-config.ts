// Where the app is hosted and which Entra app it signs in with, from the environment at packaging time.
import { teamsAppIdOf } from '../teams-app.mjs';
export interface AppConfig {
  /** https origin serving addin/dist at /addin/ (and the Teams tabs at /teams/), e.g. https://crm.contoso.de */
  hostingUrl: string;
  /** Stable id of the Microsoft 365 app; keep it across versions or users get a second app. */
  appId: string;
  /** Application (client) id of the front-end app registration (NAA / SSO). */
  clientId: string;
  version: string;
  /** The Teams bot's Microsoft App ID (BOT_APP_ID, as the API has it); without it the app has no bot and no message extension. */
  botAppId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = {
    hostingUrl: (env.CRM_HOSTING_URL ?? 'https://localhost:3000').replace(/\/+$/, ''),
    appId: teamsAppIdOf(env),
    clientId: env.CRM_ADDIN_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
    version: env.CRM_APP_VERSION ?? '1.0.0',
    ...(env.BOT_APP_ID ? { botAppId: env.BOT_APP_ID } : {}),
  };
  const url = new URL(config.hostingUrl);
  if (url.protocol !== 'https:') throw new Error(`CRM_HOSTING_URL must be https (Outlook and Teams load only https pages): ${config.hostingUrl}`);
  if (url.pathname !== '/') throw new Error(`CRM_HOSTING_URL must be an origin without a path: ${config.hostingUrl}`);
  for (const key of ['appId', 'clientId'] as const) if (!GUID.test(config[key])) throw new Error(`${key} must be a GUID, got ${config[key]}`);
  if (config.botAppId !== undefined && !GUID.test(config.botAppId)) throw new Error(`BOT_APP_ID must be the bot's Microsoft App ID (a GUID), got ${config.botAppId}`);
  if (!/^\d+\.\d+\.\d+$/.test(config.version)) throw new Error(`CRM_APP_VERSION must look like 1.2.3, got ${config.version}`);
  return config;
}
