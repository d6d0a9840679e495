// Configuration from environment variables, validated once so a typo fails at start, not at the first request.
import { z } from 'zod';

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Keys and metadata are fetched over TLS, except from a fake on this machine (tests, the offline fake channel). */
export const secureOrLoopback = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(hostname));
};

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7071),
  HOST: z.string().default('127.0.0.1'),
  /** Origins (https://app.example.com) whose pages may call the API from the browser; none by default: same-origin only. */
  CORS_ORIGINS: list.refine((origins) => origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin), {
    message: 'must be a comma-separated list of origins such as https://app.example.com (scheme, host and port, no path)',
  }),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CRM_DATA_DIR: z.string().optional(),
  CRM_SEED: z.enum(['demo', 'none']).default('demo'),
  /** Application (client) id of the API's Entra app registration; tokens must be issued for it. */
  ENTRA_CLIENT_ID: z.string().optional(),
  /** Extra accepted audiences, e.g. the Application ID URI api://crm.example.com/<client id>. */
  ENTRA_AUDIENCES: list,
  /** Entra tenant ids allowed to call the API; "*" allows every tenant (multi-tenant SaaS). */
  ENTRA_ALLOWED_TENANTS: list,
  ENTRA_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  /**
   * The local host's development sign-in (POST /dev/token: any user, any role, any tenant): "1" keeps it on beside
   * Entra ID, "0" turns it off without Entra ID. Unset: on without Entra ID, off with it. Never on a non-loopback address.
   */
  CRM_DEV_TOKENS_INSECURE: z.enum(['0', '1'], { message: 'must be 1 (on) or 0 (off)' }).optional(),
  /** Graph sync: the app registration with application permissions (client credentials). */
  GRAPH_CLIENT_ID: z.string().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  /** PEM file with the certificate's private key, instead of a secret; needs GRAPH_CLIENT_CERTIFICATE_THUMBPRINT. */
  GRAPH_CLIENT_CERTIFICATE_PATH: z.string().optional(),
  GRAPH_CLIENT_CERTIFICATE_THUMBPRINT: z.string().optional(),
  /** National clouds and Graph-compatible servers: e.g. https://graph.microsoft.us/v1.0. */
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  /** Public https base URL of this API that Graph posts change notifications to; without it no subscriptions are made. */
  GRAPH_NOTIFICATION_URL: z.url().optional(),
  GRAPH_PAGE_SIZE: z.coerce.number().int().min(10).max(1000).default(200),
  GRAPH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  /** How often the sync timer wakes to sync mailboxes that notifications marked; keep it short. */
  SYNC_TICK_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** Every enabled mailbox is synced at least this often, notifications or not. */
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  SUBSCRIPTION_TICK_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3600),
  /** How often due webhook deliveries go out: an event reaches its receiver within this of the change. */
  WEBHOOK_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** The audit of reads of personal data (docs/PRIVACY.md): on by default; off records no reads at all. */
  CRM_READ_AUDIT: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  /** How often buffered reads are written; what a crash can lose is at most this much. */
  CRM_READ_AUDIT_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** The Teams app's id (the manifest's id, as manifest/ reads it): activity feed notifications deep-link into its tabs. */
  CRM_APP_ID: z.uuid().optional(),
  /** The Teams bot's Microsoft App ID (its Entra app registration's client id): the audience of the Bot Connector's tokens. */
  BOT_APP_ID: z.string().trim().min(1).optional(),
  /** Where the Bot Connector publishes its signing keys; https, or http on a loopback address for the offline fake channel. */
  BOT_OPENID_METADATA_URL: z
    .url()
    .default('https://login.botframework.com/v1/.well-known/openidconfiguration')
    .refine(secureOrLoopback, { message: 'must be an https URL (http only on 127.0.0.1, ::1 or localhost)' }),
  /** The issuer of the Bot Connector's tokens; another one only in national clouds (https://api.botframework.us). */
  BOT_TOKEN_ISSUER: z.url().default('https://api.botframework.com'),
  /** The https origin serving the Teams tabs (as for the manifest): the bot's cards open the account tab there. */
  CRM_HOSTING_URL: z
    .url()
    .refine((url) => new URL(url).protocol === 'https:' && new URL(url).pathname === '/', { message: 'must be an https origin without a path, such as https://crm.contoso.de' })
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface EntraConfig {
  clientId: string;
  audiences: string[];
  allowedTenants: '*' | string[];
  authorityHost: string;
}

export interface Config {
  port: number;
  host: string;
  corsOrigins: string[];
  databaseUrl?: string;
  poolSize: number;
  dataDir?: string;
  seed: 'demo' | 'none';
  entra: EntraConfig | null;
  /** CRM_DEV_TOKENS_INSECURE as given; null when unset (the local host then decides by whether Entra ID is configured). */
  devTokensInsecure: boolean | null;
  graph: GraphConfig | null;
  syncTickSeconds: number;
  syncIntervalSeconds: number;
  subscriptionTickSeconds: number;
  /** The tick settings as the cron expressions both hosts schedule (see cronEvery). */
  syncSchedule: string;
  subscriptionSchedule: string;
  webhookTickSeconds: number;
  webhookSchedule: string;
  readAudit: { enabled: boolean; flushMs: number };
  /** The Teams bot (docs/TEAMS-BOT.md); null without BOT_APP_ID, and /api/messages then says so. */
  bot: BotConfig | null;
  /** The Teams app's id; without it (or without Graph) no activity feed notification is sent. */
  teamsAppId: string | null;
}

export interface BotConfig {
  appId: string;
  openIdMetadataUrl: string;
  issuer: string;
  /** Where the Teams tabs are served (CRM_HOSTING_URL), without a trailing slash. */
  hostingUrl: string;
}

/** Field by field, the steps cron can repeat evenly: a step restarts at 0 each minute, hour and day. */
const CRON_STEPS = [
  { unit: 1, perNext: 60, cron: (n: number) => `*/${n} * * * * *` },
  { unit: 60, perNext: 60, cron: (n: number) => `0 */${n} * * * *` },
  { unit: 3600, perNext: 24, cron: (n: number) => `0 0 */${n} * * *` },
] as const;

/**
 * The 6-field cron expression (seconds first, NCRONTAB as Azure Functions reads it) that fires exactly every
 * `seconds`, or null when none can. "*\/45" in the seconds field means seconds 0 and 45 of every minute, so
 * gaps of 45 and 15 s; an interval that does not divide a minute, an hour or a day evenly is refused, not rounded,
 * so neither host ever runs on a period nobody configured.
 */
export function cronEvery(seconds: number): string | null {
  if (seconds === 86_400) return '0 0 0 * * *';
  for (const step of CRON_STEPS) {
    const n = seconds / step.unit;
    if (Number.isInteger(n) && n < step.perNext && step.perNext % n === 0) return step.cron(n);
  }
  return null;
}

const tickSchedule = (name: string, seconds: number): string => {
  const cron = cronEvery(seconds);
  if (cron) return cron;
  const possible = Array.from({ length: 86_400 }, (_, i) => i + 1).filter((s) => cronEvery(s) !== null);
  const below = possible.filter((s) => s < seconds).at(-1);
  const above = possible.find((s) => s > seconds);
  throw new Error(
    `invalid configuration: ${name}=${seconds}: a timer cannot fire every ${seconds} s, because cron steps restart every minute, hour and day; ` +
      `use a value that divides a minute, an hour or a day evenly (nearest: ${[below, above].filter((s) => s !== undefined).join(' or ')})`,
  );
};

export interface GraphConfig {
  clientId: string;
  credential: { secret: string } | { privateKeyPath: string; thumbprint: string };
  baseUrl: string;
  authorityHost: string;
  notificationUrl?: string;
  pageSize: number;
  requestTimeoutMs: number;
}

function graphConfig(e: Env): GraphConfig | null {
  if (!e.GRAPH_CLIENT_ID) return null;
  let credential: GraphConfig['credential'];
  if (e.GRAPH_CLIENT_SECRET) credential = { secret: e.GRAPH_CLIENT_SECRET };
  else if (e.GRAPH_CLIENT_CERTIFICATE_PATH && e.GRAPH_CLIENT_CERTIFICATE_THUMBPRINT)
    credential = { privateKeyPath: e.GRAPH_CLIENT_CERTIFICATE_PATH, thumbprint: e.GRAPH_CLIENT_CERTIFICATE_THUMBPRINT };
  else
    throw new Error(
      'invalid configuration: GRAPH_CLIENT_ID needs GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_PATH with GRAPH_CLIENT_CERTIFICATE_THUMBPRINT',
    );
  return {
    clientId: e.GRAPH_CLIENT_ID,
    credential,
    baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
    authorityHost: e.GRAPH_AUTHORITY_HOST.replace(/\/+$/, ''),
    notificationUrl: e.GRAPH_NOTIFICATION_URL?.replace(/\/+$/, ''),
    pageSize: e.GRAPH_PAGE_SIZE,
    requestTimeoutMs: e.GRAPH_REQUEST_TIMEOUT_MS,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid configuration: ${reasons}`);
  }
  const e = parsed.data;
  if (e.BOT_APP_ID && !e.CRM_HOSTING_URL) {
    throw new Error('invalid configuration: BOT_APP_ID needs CRM_HOSTING_URL, the https origin of the Teams tabs that the bot\'s cards open');
  }
  if (e.ENTRA_CLIENT_ID && e.ENTRA_ALLOWED_TENANTS.length === 0) {
    throw new Error('invalid configuration: ENTRA_ALLOWED_TENANTS must list tenant ids (or "*") when ENTRA_CLIENT_ID is set');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    corsOrigins: e.CORS_ORIGINS,
    databaseUrl: e.DATABASE_URL || undefined,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.CRM_DATA_DIR || undefined,
    seed: e.CRM_SEED,
    entra: e.ENTRA_CLIENT_ID
      ? {
          clientId: e.ENTRA_CLIENT_ID,
          audiences: [e.ENTRA_CLIENT_ID, `api://${e.ENTRA_CLIENT_ID}`, ...e.ENTRA_AUDIENCES],
          allowedTenants: e.ENTRA_ALLOWED_TENANTS.includes('*') ? '*' : e.ENTRA_ALLOWED_TENANTS.map((t) => t.toLowerCase()),
          authorityHost: e.ENTRA_AUTHORITY_HOST.replace(/\/+$/, ''),
        }
      : null,
    devTokensInsecure: e.CRM_DEV_TOKENS_INSECURE === undefined ? null : e.CRM_DEV_TOKENS_INSECURE === '1',
    graph: graphConfig(e),
    syncTickSeconds: e.SYNC_TICK_SECONDS,
    syncIntervalSeconds: e.SYNC_INTERVAL_SECONDS,
    subscriptionTickSeconds: e.SUBSCRIPTION_TICK_SECONDS,
    syncSchedule: tickSchedule('SYNC_TICK_SECONDS', e.SYNC_TICK_SECONDS),
    subscriptionSchedule: tickSchedule('SUBSCRIPTION_TICK_SECONDS', e.SUBSCRIPTION_TICK_SECONDS),
    webhookTickSeconds: e.WEBHOOK_TICK_SECONDS,
    webhookSchedule: tickSchedule('WEBHOOK_TICK_SECONDS', e.WEBHOOK_TICK_SECONDS),
    readAudit: { enabled: e.CRM_READ_AUDIT === 'on', flushMs: e.CRM_READ_AUDIT_FLUSH_MS },
    bot:
      e.BOT_APP_ID && e.CRM_HOSTING_URL
        ? {
            appId: e.BOT_APP_ID,
            openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
            issuer: e.BOT_TOKEN_ISSUER.replace(/\/+$/, ''),
            hostingUrl: e.CRM_HOSTING_URL.replace(/\/+$/, ''),
          }
        : null,
    teamsAppId: e.CRM_APP_ID ?? null,
  };
}
