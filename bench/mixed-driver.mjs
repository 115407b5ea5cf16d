// The load side of bench/mixed-workload.ts, in its own process so it does not share the server's
// event loop. Reads a plan (JSON file: base URL, kinds with weights and their prepared requests,
// and either `connections` (closed loop: each connection sends its next request when the last one
// answered) or `rate` (open loop: requests are started at that rate whatever the server's state, at
// most `maxInFlight` at once; a request that cannot start in time counts as dropped). Runs
// `warmupSeconds` unrecorded, then `seconds` recorded, and prints one JSON line: per kind the count,
// errors (non-2xx), p50/p95/p99/max in ms, the total requests per second, its own CPU seconds and a
// per-second timeline (requests started, slowest answer).
import fs from 'node:fs';
import http from 'node:http';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const base = new URL(plan.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections ?? plan.maxInFlight ?? 64 });

/** GB 11643 check digit, so each filing carries valid, never-repeated ID numbers. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
function cnId(region, birth, seq) {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return body + CHECK[sum % 11];
}
const DAY = 86_400_000;
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
let filingNo = plan.filingOffset ?? 0;
/** 900 people per birth date: worker and spouse born from 1966, the child from 2006. */
function personId(born, n) {
  return cnId('410811', ymd(Date.UTC(born, 0, 1) + Math.floor(n / 900) * DAY), 100 + (n % 900));
}
function filingBody(template) {
  const n = filingNo++;
  return JSON.stringify({
    ...template,
    name: `测试${n}`,
    idNumber: personId(1966, 2 * n),
    members: [
      { relation: 'spouse', name: `配偶${n}`, idNumber: personId(1966, 2 * n + 1), health: 'serious', monthlyIncomeFen: 0 },
      { relation: 'child', name: `子女${n}`, idNumber: personId(2006, n), health: 'healthy', monthlyIncomeFen: 0, schoolStage: 'undergraduate', enrolmentYear: 2025, schoolOrEmployer: '河南理工大学' },
    ],
  });
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const totalWeight = plan.kinds.reduce((s, k) => s + k.weight, 0);
function pickKind() {
  let r = Math.random() * totalWeight;
  for (const k of plan.kinds) if ((r -= k.weight) < 0) return k;
  return plan.kinds[plan.kinds.length - 1];
}

function send(req) {
  return new Promise((resolve) => {
    const body = req.filing ? filingBody(req.filing) : req.body;
    const headers = { ...req.headers };
    if (body) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const r = http.request({ host: base.hostname, port: base.port, method: req.method ?? 'GET', path: req.path, headers, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode }));
    });
    r.on('error', (err) => resolve({ ms: performance.now() - t0, ok: false, status: String(err.code ?? err.message) }));
    if (body) r.write(body);
    r.end();
  });
}

const samples = new Map(plan.kinds.map((k) => [k.name, { ms: [], errors: 0, statuses: {} }]));
let recording = false;
let dropped = 0;
/** Per second of the recorded run: requests started and the slowest, to show stalls (a pause of the server or the machine). */
const timeline = [];
async function one() {
  const kind = pickKind();
  const startedAt = performance.now();
  const result = await send(pick(kind.requests));
  if (!recording) return;
  const second = Math.max(0, Math.floor((startedAt - recordStart) / 1000));
  timeline[second] ??= [0, 0];
  timeline[second][0]++;
  timeline[second][1] = Math.max(timeline[second][1], Math.round(result.ms));
  const s = samples.get(kind.name);
  s.ms.push(result.ms);
  if (!result.ok) {
    s.errors++;
    s.statuses[result.status] = (s.statuses[result.status] ?? 0) + 1;
  }
}

const warmupMs = (plan.warmupSeconds ?? 3) * 1000;
const runMs = plan.seconds * 1000;
const started = performance.now();
let recordStart = 0;
setTimeout(() => {
  recording = true;
  recordStart = performance.now();
}, warmupMs);
const endAt = started + warmupMs + runMs;

if (plan.connections) {
  await Promise.all(
    Array.from({ length: plan.connections }, async () => {
      while (performance.now() < endAt) await one();
    }),
  );
} else {
  let inFlight = 0;
  const pending = new Set();
  const everyMs = 1000 / plan.rate;
  let next = performance.now();
  while (performance.now() < endAt) {
    const now = performance.now();
    if (now < next) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - now)));
      continue;
    }
    // Catch up without bursts: requests whose start time has passed are started now, up to maxInFlight.
    while (next <= performance.now() && next < endAt) {
      next += everyMs;
      if (inFlight >= plan.maxInFlight) {
        if (recording) dropped++;
        continue;
      }
      inFlight++;
      const p = one().finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
    }
  }
  await Promise.all([...pending]);
}
const seconds = (performance.now() - recordStart) / 1000;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summarise = (ms, errors, statuses) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, errors, statuses, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] ?? NaN };
};
const all = [];
const kinds = {};
let errors = 0;
for (const [name, s] of samples) {
  kinds[name] = summarise(s.ms, s.errors, s.statuses);
  all.push(...s.ms);
  errors += s.errors;
}
const cpu = process.cpuUsage();
const driverCpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(JSON.stringify({ seconds, perSecond: all.length / seconds, dropped, total: summarise(all, errors, {}), kinds, driverCpuSeconds, timeline: Array.from(timeline, (t) => t ?? [0, 0]) }) + '\n', () => process.exit(0));
