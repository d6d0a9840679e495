// Hands an Azure Functions HTTP invocation to the web-standard API app and its Response back to the runtime.
import type { HttpHandler, HttpRequest, HttpResponseInit } from '@azure/functions';

interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

/** The body stays a stream, so the app's 1 MiB limit stops reading an oversized upload instead of buffering it first. */
export function toWebRequest(request: HttpRequest): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(request.url, {
    method: request.method,
    headers: new Headers([...request.headers]),
    // The runtime's stream is Node's web ReadableStream, which the DOM typings name differently; at run time they are one class.
    ...(hasBody ? { body: request.body as unknown as BodyInit, duplex: 'half' } : {}),
  });
}

/** Bodies are buffered: the API's answers are small JSON documents, and a byte body needs no stream support in the runtime. */
export async function toResponseInit(response: Response): Promise<HttpResponseInit> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    ...(response.body === null ? {} : { body: new Uint8Array(await response.arrayBuffer()) }),
  };
}

export const azureHttpHandler =
  (app: FetchApp): HttpHandler =>
  async (request) =>
    toResponseInit(await app.fetch(toWebRequest(request)));
