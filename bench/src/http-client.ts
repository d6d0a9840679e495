// A keep-alive HTTP client for load over loopback that fails loudly on any unexpected status.
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export function httpClient(baseUrl: string, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL(baseUrl);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; text: string; wireBytes: number }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: body ? { ...headers, 'content-length': Buffer.byteLength(body).toString() } : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            // A compressed body is decompressed when its text is read, as a browser reads it, and not before: the
            // timed calls end with the last byte, so decoding in this process does not count as the host's time.
            const bytes = Buffer.concat(chunks);
            const coding = res.headers['content-encoding'];
            resolve({
              status: res.statusCode ?? 0,
              wireBytes: bytes.length,
              get text() {
                return (coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes).toString();
              },
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    async expect(status: number[], method: string, path: string, headers: Record<string, string>, body?: string) {
      const response = await send(method, path, headers, body);
      if (!status.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
      return response;
    },
    /** A development token of the local host for one seeded user, as the Authorization header the suites send. */
    async signIn(tenantId: string, user: { oid: string; displayName: string; email: string }, roles: readonly string[] = ['CRM.User']) {
      const response = await this.expect(
        [200],
        'POST',
        '/dev/token',
        { 'content-type': 'application/json' },
        JSON.stringify({ tenantId, userId: user.oid, name: user.displayName, email: user.email, roles }),
      );
      return { authorization: `Bearer ${(JSON.parse(response.text) as { access_token: string }).access_token}` };
    },
    close: () => agent.destroy(),
  };
}
