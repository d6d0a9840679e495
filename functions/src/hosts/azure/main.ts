// Azure Functions entry point: one catch-all HTTP function hands every /api request to the API app; the timers run beside it.
import funcs from '@azure/functions';
import { createServices } from '../../app/create-services';
import { loadConfig } from '../../core/config';
import { buildApiApp } from '../../app/routes';
import { buildTimers } from '../../app/timers';
import { startReadAuditFlusher } from '../../core/audit/read-audit';
import { migrate } from '../../core/db/migrate';
import { openPostgres } from '../../core/db/postgres-db';
import type { Db } from '../../core/db/db';
import { azureHttpHandler } from './web-adapter';

const { app } = funcs;
const config = loadConfig();

let database: Promise<Db> | undefined;
/** Opened on the first request and shared by every invocation of this worker; a failed open is retried next time. */
const db = (): Promise<Db> => {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set; the Azure deployment needs a PostgreSQL server');
  database ??= openPostgres(config.databaseUrl, { max: config.poolSize })
    .then(async (opened) => {
      await migrate(opened);
      return opened;
    })
    .catch((error: unknown) => {
      database = undefined;
      throw error;
    });
  return database;
};

const services = createServices(config, db);
// With host.json's routePrefix "api" the function answers /api/{*path}, and the request URL it hands over still starts with /api/.
app.http('api', {
  route: '{*path}',
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: azureHttpHandler(buildApiApp(services, { corsOrigins: config.corsOrigins })),
});
// Buffered reads are written on an interval and at a graceful shutdown; the runtime skips the hook when it stops the
// worker forcefully (https://learn.microsoft.com/en-us/javascript/api/@azure/functions/appterminatecontext), which loses at
// most one interval of reads (docs/PRIVACY.md).
const stopReadAudit = startReadAuditFlusher(config.readAudit.flushMs);
app.hook.appTerminate(() => stopReadAudit());
for (const timer of buildTimers(config)) {
  app.timer(timer.name, { schedule: timer.schedule, handler: async () => void (await timer.run(services)) });
}
