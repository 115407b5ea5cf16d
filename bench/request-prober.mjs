// Sends GET <url> every <everyMs> ms from its own process (so a blocked server event loop shows in
// the numbers), whether or not earlier requests have answered. On SIGTERM it prints one JSON line:
// [[sentAtMs, latencyMs], …] (latency -1 for a request still unanswered or failed).
const [url, headersJson, everyMs] = process.argv.slice(2);
const headers = JSON.parse(headersJson);
const started = Date.now();
const results = [];
const pending = new Set();
const timer = setInterval(() => {
  const sentAt = Date.now() - started;
  const entry = [sentAt, -1];
  results.push(entry);
  const s = performance.now();
  const p = fetch(url, { headers })
    .then(async (res) => {
      await res.arrayBuffer();
      if (res.ok) entry[1] = performance.now() - s;
    })
    .catch(() => {})
    .finally(() => pending.delete(p));
  pending.add(p);
}, Number(everyMs));
process.on('SIGTERM', async () => {
  clearInterval(timer);
  await Promise.race([Promise.all([...pending]), new Promise((r) => setTimeout(r, 30_000))]);
  process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0));
});
