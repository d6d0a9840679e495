// Azure Functions entry point: registers the same route table as the local host, against PostgreSQL and Entra ID.
import funcs from '@azure/functions';
import { createServices } from '../../app/create-services';
import { loadConfig } from '../../core/config';
import { buildHttpRoutes } from '../../app/routes';
import { buildTimers, ncrontabEvery } from '../../app/timers';
import { migrate } from '../../core/db/migrate';
import { openPostgres } from '../../core/db/postgres-db';
import type { Db } from '../../core/db/db';

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
for (const route of buildHttpRoutes(services)) {
  app.http(route.name, { methods: [route.method], route: route.route, authLevel: 'anonymous', handler: route.handler });
}
for (const timer of buildTimers(config)) {
  app.timer(timer.name, { schedule: ncrontabEvery(timer.everySeconds), handler: async () => void (await timer.run(services)) });
}
