// A webhook receiver on https://127.0.0.1 with a throwaway certificate this process trusts: records every delivery and
// answers as the test scripts it (a status per call, or no answer at all to force a timeout).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateCertificate } from '../fake-graph/certificate';
import { trustFakeGraphCert } from '../fake-graph/trust';

export interface ReceivedDelivery {
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  /** PEM of the receiver's self-signed certificate, for a child process's NODE_EXTRA_CA_CERTS. */
  certificate: string;
  received: ReceivedDelivery[];
  /** The statuses of the next calls in order; 'hang' holds the request open until the receiver closes. */
  respond(...next: Array<number | 'hang'>): void;
  /** Forgets what was received and scripted: 204 for every call from now on. */
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const tls = generateCertificate(1);
  const untrust = trustFakeGraphCert(tls.cert);
  const script: Array<number | 'hang'> = [];
  const received: ReceivedDelivery[] = [];
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const next = script.shift() ?? 204;
      if (next === 'hang') return;
      response.writeHead(next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/crm-events`,
    certificate: tls.cert,
    received,
    respond: (...next) => script.push(...next),
    reset: () => {
      script.length = 0;
      received.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      untrust();
    },
  };
}
