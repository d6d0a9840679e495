// Azure Functions entry point: registers the same route table as the local host, against PostgreSQL and Entra ID.
import funcs from '@azure/functions';
import { createServices } from '../app/create-services';
import { loadConfig } from '../config';
import { buildHttpRoutes } from '../http/routes';
import { buildTimers, ncrontabEvery } from '../jobs/timers';
import { migrate } from '../store/migrate';
import { openPostgres } from '../store/postgres-db';
import type { Db } from '../store/db';

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
