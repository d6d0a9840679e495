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

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7071),
  HOST: z.string().default('127.0.0.1'),
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
  databaseUrl?: string;
  poolSize: number;
  dataDir?: string;
  seed: 'demo' | 'none';
  entra: EntraConfig | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid configuration: ${reasons}`);
  }
  const e = parsed.data;
  if (e.ENTRA_CLIENT_ID && e.ENTRA_ALLOWED_TENANTS.length === 0) {
    throw new Error('invalid configuration: ENTRA_ALLOWED_TENANTS must list tenant ids (or "*") when ENTRA_CLIENT_ID is set');
  }
  return {
    port: e.PORT,
    host: e.HOST,
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
  };
}
