import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(ROOT, 'runtime', 'node_modules', '.bin', 'node');
const MAIN = path.join(ROOT, 'dist', 'server', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = any>(): T;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's own loopback address, so that it differs from nginx's (127.0.0.1). */
  localAddress?: string;
}

/** One HTTP(S) request; a TLS server is trusted through the test's own certificate. */
export function request(base: string, url: string, o: RequestOptions = {}, ca?: Buffer): Promise<Answer> {
  const target = new URL(url, base);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      { method: o.method ?? 'GET', headers: { ...(o.body ? { 'content-length': String(Buffer.byteLength(o.body)) } : {}), ...o.headers }, ca, servername: 'localhost', localAddress: o.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}

/** Polls until the probe answers truthy; `gaveUp` names a reason to stop at once (a process that exited). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, gaveUp: () => string | null = () => null, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    const got = await probe().catch(() => undefined);
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One app instance from the production build, on Node 24 from runtime/. */
export class Instance {
  process: ChildProcess | null = null;
  readonly logFile: string;
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    dir: string,
  ) {
    this.logFile = path.join(dir, `${name}.log`);
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  start() {
    const log = fs.openSync(this.logFile, 'a');
    this.process = spawn(NODE, ['--max-semi-space-size=32', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port), HOST: '127.0.0.1', NODE_ENV: 'production' },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
  }

  async ready() {
    await waitFor(
      `${this.name} to be ready (see ${this.logFile})`,
      async () => (await request(this.base, '/readyz')).status === 200,
      () => (this.process?.exitCode !== null ? `${this.name} exited: ${this.log().slice(-2000)}` : null),
    );
  }

  log(): string {
    return fs.readFileSync(this.logFile, 'utf8');
  }

  kill(signal: NodeJS.Signals) {
    this.process?.kill(signal);
  }

  async exited(): Promise<number | null> {
    const p = this.process;
    if (!p || p.exitCode !== null || p.signalCode !== null) return p?.exitCode ?? null;
    return new Promise((resolve) => p.once('exit', (code) => resolve(code)));
  }
}

/** Checks that a value the test swaps in the shipped nginx file is still written there. */
function swap(conf: string, from: string, to: string): string {
  if (!conf.includes(from)) throw new Error(`deploy/nginx/unionhub.conf no longer contains "${from}": update the test with it`);
  return conf.split(from).join(to);
}

/** The shipped nginx configuration with test ports, a self-signed certificate and logs in `dir`, run in the foreground. */
export class Nginx {
  process: ChildProcess | null = null;
  cert!: Buffer;
  constructor(
    private readonly dir: string,
    readonly httpsPort: number,
    private readonly httpPort: number,
    private readonly upstreams: [number, number],
  ) {}

  get base() {
    return `https://localhost:${this.httpsPort}`;
  }

  async start() {
    const d = this.dir;
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(d, sub), { recursive: true });
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(d, 'key.pem'), '-out', path.join(d, 'cert.pem')], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
    this.cert = fs.readFileSync(path.join(d, 'cert.pem'));
    let site = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'unionhub.conf'), 'utf8');
    site = swap(site, '127.0.0.1:3001', `127.0.0.1:${this.upstreams[0]}`);
    site = swap(site, '127.0.0.1:3002', `127.0.0.1:${this.upstreams[1]}`);
    site = swap(site, 'listen 443 ssl', `listen 127.0.0.1:${this.httpsPort} ssl`);
    site = swap(site, 'listen 80;', `listen 127.0.0.1:${this.httpPort};`);
    site = swap(site, '/etc/ssl/unionhub/fullchain.pem', path.join(d, 'cert.pem'));
    site = swap(site, '/etc/ssl/unionhub/privkey.pem', path.join(d, 'key.pem'));
    site = swap(site, '/var/log/nginx/unionhub.access.log', path.join(d, 'access.log'));
    site = swap(site, '/var/log/nginx/unionhub.error.log', path.join(d, 'error.log'));
    fs.writeFileSync(path.join(d, 'unionhub.conf'), site);
    const runningAsRoot = process.getuid?.() === 0;
    fs.writeFileSync(
      path.join(d, 'nginx.conf'),
      [
        'daemon off;',
        runningAsRoot ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${path.join(d, 'nginx.pid')};`,
        `error_log ${path.join(d, 'main-error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  client_body_temp_path ${path.join(d, 'body')}; proxy_temp_path ${path.join(d, 'proxy')};`,
        `  fastcgi_temp_path ${path.join(d, 'fastcgi')}; uwsgi_temp_path ${path.join(d, 'uwsgi')}; scgi_temp_path ${path.join(d, 'scgi')};`,
        // Test only: which instance answered.
        '  add_header X-Upstream $upstream_addr always;',
        `  include ${path.join(d, 'unionhub.conf')};`,
        '}',
      ].join('\n'),
    );
    const nginx = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
    const log = fs.openSync(path.join(d, 'nginx.out'), 'a');
    this.process = spawn(nginx, ['-c', path.join(d, 'nginx.conf'), '-p', d], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    await waitFor(
      'nginx to answer',
      async () => (await request(this.base, '/healthz', {}, this.cert)).status === 200,
      () => (this.process?.exitCode !== null ? `nginx exited: ${fs.readFileSync(path.join(d, 'nginx.out'), 'utf8')}` : null),
    );
  }

  async stop() {
    this.process?.kill('SIGQUIT');
  }
}

export function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const randomHex = (bytes: number) => crypto.randomBytes(bytes).toString('hex');
