import { launch } from 'puppeteer-core';
import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
const [root, q] = process.argv.slice(2);
const server = http.createServer((req, res) => { let rel = decodeURIComponent(new URL(req.url!, 'http://x').pathname); if (rel.endsWith('/')) rel += 'index.html'; const f = path.join(root, rel); try { if (statSync(f).isFile()) { res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : f.endsWith('.html') ? 'text/html' : f.endsWith('.css') ? 'text/css' : 'application/octet-stream' }); res.end(readFileSync(f)); return; } } catch {} console.log('404', rel); res.writeHead(404).end(); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', String(e)));
const t0 = Date.now();
await page.goto(`${origin}/cari/`, { waitUntil: 'load' });
await page.click('#q');
await page.type('#q', q, { delay: 80 });
for (let i = 0; i < 20; i++) { await new Promise((r) => setTimeout(r, 1000)); const st = await page.$eval('#cari-status', (e) => e.textContent); const n = await page.$$eval('#hasil-cari li', (l) => l.length); console.log(Date.now() - t0, st, n); if (n) break; }
await browser.close(); server.close();
