import { launch } from 'puppeteer-core';
import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
const [root, ...qs] = process.argv.slice(2);
const server = http.createServer((req, res) => { let rel = decodeURIComponent(new URL(req.url!, 'http://x').pathname); if (rel.endsWith('/')) rel += 'index.html'; const f = path.join(root, rel); try { if (statSync(f).isFile()) { res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : f.endsWith('.html') ? 'text/html' : 'application/octet-stream' }); res.end(readFileSync(f)); return; } } catch {} res.writeHead(404).end(); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu'] });
for (const q of qs) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.goto(`${origin}/cari/`, { waitUntil: 'load' });
  const others = await page.$eval('#form-cari', (f) => f.getAttribute('data-indeks-lain') || '');
  const r = await page.evaluate(async (q, others) => {
    const t: Record<string, number> = {}; const s = performance.now();
    const pf: any = await import('/pagefind/pagefind.js'); await pf.options({ baseUrl: '/' });
    await Promise.all(others.split(' ').filter(Boolean).map((d: string) => pf.mergeIndex('/' + d, { baseUrl: '/' })));
    t.import = performance.now() - s;
    await pf.init?.();
    t.init = performance.now() - s;
    const res = await pf.search(q); t.search = performance.now() - s;
    const first = await res.results[0].data(); t.first = performance.now() - s;
    await Promise.all(res.results.slice(0, 50).map((x: any) => x.data())); t.fifty = performance.now() - s;
    const res2 = await pf.search(q + 'x'); t.search2 = performance.now() - s;
    return { t, n: res.results.length, timings: res.timings };
  }, q, others);
  console.log(q, JSON.stringify(r));
  await ctx.close();
}
await browser.close(); server.close();
