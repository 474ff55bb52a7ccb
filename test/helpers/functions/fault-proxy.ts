/**
 * An HTTP proxy in front of moto that fails chosen requests, on demand: with S3's 503 SlowDown by
 * default, any status and error code, and — `forward` — after moto has done the request (a lost
 * response: the write happened, the client hears an error).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';

/** How a matched request fails. */
export interface Fault {
  /** The status answered (default 503). */
  status?: number;
  /** The S3 error code in the XML body (default SlowDown; AccessDenied, InternalError…). */
  code?: string;
  /** Send the request on to moto first and answer the fault instead of moto's response. */
  forward?: boolean;
}

export interface FaultProxy {
  endpoint: string;
  /** Fails the next `times` requests matching `match` (Infinity: always). */
  fail(match: (method: string, path: string) => boolean, times: number, fault?: Fault): void;
  /** How many requests were failed so far. */
  readonly failures: number;
  close(): Promise<void>;
}

const errorXml = (code: string): string => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>Injected by the fault proxy.</Message></Error>`;

/** Starts the proxy on a free loopback port, forwarding to `target`. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: Array<{ match: (method: string, path: string) => boolean; left: number; fault: Fault }> = [];
  let failures = 0;
  const upstream = new URL(target);
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = decodeURIComponent(req.url ?? '/');
    const rule = rules.find((r) => r.left > 0 && r.match(req.method ?? 'GET', path));
    if (rule) {
      rule.left -= 1;
      failures += 1;
    }
    const answerFault = (): void => {
      const { status = 503, code = 'SlowDown' } = rule!.fault;
      res.writeHead(status, { 'content-type': 'application/xml' }).end(errorXml(code));
    };
    if (rule && !rule.fault.forward) {
      req.resume();
      answerFault();
      return;
    }
    const forward = httpRequest({
      host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
      headers: { ...req.headers, host: upstream.host },
    }, (up) => {
      if (rule) {
        // moto has done it; the client never hears so
        up.resume();
        up.on('end', answerFault);
        return;
      }
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
    fail(match, times, fault = {}) { rules.push({ match, left: times, fault }); },
    get failures() { return failures; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
