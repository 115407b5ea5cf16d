import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/*
 * Who may read GET /metrics: a request bearing `Authorization: Bearer <METRICS_TOKEN>`, or a client
 * on this machine talking to the server directly.
 *
 * "On this machine" is the TCP peer (the socket's address), never request.ip: with TRUST_PROXY set,
 * request.ip comes from X-Forwarded-For, which a client writes itself when the proxy passes it on
 * instead of appending to it. The peer alone is not enough either: behind a reverse proxy on the same
 * host (nginx on 127.0.0.1, the usual set-up) every request from the internet arrives from a
 * loopback peer. So a loopback peer counts only when the request carries no forwarding header
 * (X-Forwarded-For, Forwarded, X-Real-IP): the proxy must set X-Forwarded-For, as it must already for
 * TRUST_PROXY (README). The proxy should also refuse /metrics itself; a scraper on another host
 * sends the token.
 *
 * Anyone else gets the same 404 as an unknown path, so the endpoint's existence is not advertised.
 */

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Compares in constant time (both sides hashed to the same length first). */
export function bearerTokenMatches(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!sent) return false;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(sent), digest(token));
}

export function mayReadMetrics(request: { socket: { remoteAddress?: string }; headers: IncomingHttpHeaders }, token: string | undefined): boolean {
  if (token && bearerTokenMatches(request.headers.authorization, token)) return true;
  return isLoopbackAddress(request.socket.remoteAddress) && FORWARDING_HEADERS.every((h) => request.headers[h] === undefined);
}
