// A local http endpoint that behaves like a well-written webhook: echoes validation tokens and records notifications.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotification {
  path: string;
  body: { value: Record<string, unknown>[] };
}

export interface ReceiverOptions {
  /** Overrides the reply; return true when it has answered the request itself. */
  intercept?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}

export interface NotificationReceiver {
  /** http://127.0.0.1:PORT; notifications go to /notifications, lifecycle events to /lifecycle. */
  url: string;
  received: ReceivedNotification[];
  validations: string[];
  close(): Promise<void>;
}

export async function startNotificationReceiver(options: ReceiverOptions = {}): Promise<NotificationReceiver> {
  const received: ReceivedNotification[] = [];
  const validations: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.intercept?.(req, res, url)) return;
    const token = url.searchParams.get('validationToken');
    if (token !== null) {
      validations.push(token);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: url.pathname, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedNotification['body'] });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    validations,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
