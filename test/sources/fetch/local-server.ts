/**
 * A throw-away HTTP server on 127.0.0.1 for the fetch tests: routes by path, records every
 * request, and is bounded in requests and in time so a runaway retry loop cannot go on.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `hit` counts the requests to this path so far, 1 for the first. */
export type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

export interface RecordedRequest {
  path: string;
  userAgent: string | undefined;
  accept: string | undefined;
}

export interface LocalServer {
  origin: string;
  requests: RecordedRequest[];
  /** Requests to one path. */
  hits(path: string): number;
  /** Highest number of requests that were open at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startLocalServer(
  routes: Record<string, Handler>,
  limits: { maxRequests?: number; maxMs?: number } = {},
): Promise<LocalServer> {
  const maxRequests = limits.maxRequests ?? 50;
  const requests: RecordedRequest[] = [];
  const hitsByPath = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, userAgent: request.headers['user-agent'], accept: request.headers['accept'] });
    if (requests.length > maxRequests) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('te veel verzoeken in deze test');
      return;
    }
    const hit = (hitsByPath.get(path) ?? 0) + 1;
    hitsByPath.set(path, hit);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });
    const handler = routes[path];
    if (handler) handler(request, response, hit);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const close = async () => {
    clearTimeout(deadline);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const deadline = setTimeout(() => void close(), limits.maxMs ?? 15_000);
  deadline.unref();

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    hits: (path) => hitsByPath.get(path) ?? 0,
    maxInFlight: () => maxInFlight,
    close,
  };
}

/** A port on 127.0.0.1 that nothing listens on (a server was there a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function send(status: number, body: string | Uint8Array, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
  };
}
