/** An HTTP proxy in front of moto that fails chosen requests with S3's 503 SlowDown, on demand. */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';

export interface FaultProxy {
  endpoint: string;
  /** Fails the next `times` requests matching `match` (Infinity: always). */
  fail(match: (method: string, path: string) => boolean, times: number): void;
  /** How many requests were failed so far. */
  readonly failures: number;
  close(): Promise<void>;
}

const SLOW_DOWN = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';

/** Starts the proxy on a free loopback port, forwarding to `target`. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: Array<{ match: (method: string, path: string) => boolean; left: number }> = [];
  let failures = 0;
  const upstream = new URL(target);
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = decodeURIComponent(req.url ?? '/');
    const rule = rules.find((r) => r.left > 0 && r.match(req.method ?? 'GET', path));
    if (rule) {
      rule.left -= 1;
      failures += 1;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/xml' }).end(SLOW_DOWN);
      return;
    }
    const forward = httpRequest({
      host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
      headers: { ...req.headers, host: upstream.host },
    }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    fail(match, times) { rules.push({ match, left: times }); },
    get failures() { return failures; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
