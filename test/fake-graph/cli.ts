// Runs the fake Microsoft Graph with the demo tenant's mailboxes so `npm start` can sync against it and new meetings show up live.
//
// Usage:  npm run fake-graph
//   FAKE_GRAPH_PORT=7443        port on 127.0.0.1
//   FAKE_GRAPH_INTERVAL=30      seconds between new demo meetings (0: none)
//   FAKE_GRAPH_LATENCY=0        milliseconds added to every request
// It prints the environment for `npm start`; the certificate is kept in the OS temp dir so that path stays valid across restarts.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TENANT_ID } from '@crm/common/demo';
import { generateCertificate, type TlsMaterial } from './certificate';
import { FakeGraphModel } from './model';
import { addDemoMeeting, seedDemo } from './seed';
import { startFakeGraph } from './server';

const port = Number(process.env.FAKE_GRAPH_PORT ?? 7443);
const intervalSeconds = Number(process.env.FAKE_GRAPH_INTERVAL ?? 30);
const latencyMs = Number(process.env.FAKE_GRAPH_LATENCY ?? 0);

/** Reuses the stored certificate while it is valid for another day, so a running `npm start` keeps trusting it. */
function persistentCertificate(dir: string): TlsMaterial & { certPath: string } {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (Date.parse(new X509Certificate(cert).validTo) > Date.now() + 86_400_000) return { cert, key: readFileSync(keyPath, 'utf8'), certPath };
  }
  mkdirSync(dir, { recursive: true });
  const tls = generateCertificate(365);
  writeFileSync(certPath, tls.cert);
  writeFileSync(keyPath, tls.key, { mode: 0o600 });
  return { ...tls, certPath };
}

const tls = persistentCertificate(join(tmpdir(), 'crm-fake-graph'));
const model = new FakeGraphModel();
seedDemo(model);
const fg = await startFakeGraph({
  port,
  tenantId: DEMO_TENANT_ID,
  model,
  tls,
  latencyMs,
  autoNotify: true,
  onRequestDone: (r) => console.log(`  ${r.method} ${r.path} -> ${r.status || r.fault || 'aborted'}`),
});

console.log(`Fake Microsoft Graph on ${fg.url} (tenant ${fg.tenantId})`);
console.log(`Mailboxes: ${[...model.mailboxes.values()].map((m) => m.mail).join(', ')}`);
console.log('\nStart the CRM against it in another terminal with:\n');
console.log(`  export GRAPH_BASE_URL=${fg.graphBaseUrl}`);
console.log(`  export GRAPH_AUTHORITY_HOST=${fg.url}`);
console.log('  export GRAPH_CLIENT_ID=fake-graph-client');
console.log('  export GRAPH_CLIENT_SECRET=fake-graph-secret');
console.log(`  export NODE_EXTRA_CA_CERTS=${tls.certPath}`);
console.log('  npm start\n');
console.log('Optional, for change notifications to the local API (default port 7071):');
console.log('  export GRAPH_NOTIFICATION_URL=http://127.0.0.1:7071\n');
console.log('Then open http://127.0.0.1:7071/teams/personal.html: connect the tenant and turn on your calendar sync in the "Outlook sync" card.');

let added = 0;
const timer =
  intervalSeconds > 0
    ? setInterval(() => {
        const event = addDemoMeeting(model, added);
        added += 1;
        console.log(`+ meeting "${event.subject}" on ${event.start.dateTime.slice(0, 16)} (${event.start.timeZone})`);
      }, intervalSeconds * 1000)
    : undefined;

const shutdown = () => {
  if (timer) clearInterval(timer);
  void fg.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
