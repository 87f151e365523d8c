// Getting and checking one office catalogue: the limits of the fetch (time, size, redirects,
// refused connections) on 127.0.0.1 servers, and the same-origin rule for every link.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKatalog } from '../../scripts/bench/offices.ts';
import { catalogueUrl, fetchCatalogue } from '../../scripts/federation/fetch.ts';
import { checkLinks } from '../../scripts/federation/links.ts';

let server: http.Server;
let origin: string;
const body = JSON.stringify(officeKatalog({ n: 1, sops: 2, alamat: 'http://127.0.0.1/', pemerintah: 'Pemerintah Kabupaten Satu' }));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/ok/catalogue.json') res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    else if (url === '/diam/catalogue.json') res.writeHead(200).write('{'); // never ends
    else if (url === '/pindah/catalogue.json') res.writeHead(302, { location: '/ok/catalogue.json' }).end();
    else if (url === '/berkas/catalogue.json') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (url.startsWith('/putar')) res.writeHead(302, { location: `/putar${url.length}/catalogue.json` }).end();
    else if (url === '/besar/catalogue.json') {
      // No content-length: the cap must hold while reading.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    } else res.writeHead(404).end('tidak ada');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { timeoutMs: 1500, maxBytes: 1024 * 1024 };

describe('fetchCatalogue', () => {
  it('reads catalogue.json under a site address, following a redirect on the way', async () => {
    expect(catalogueUrl('https://a.example/sop')).toBe('https://a.example/sop/catalogue.json');
    expect(catalogueUrl('https://a.example/data/katalog.json')).toBe('https://a.example/data/katalog.json');
    expect(await fetchCatalogue(`${origin}/ok/`, limits)).toEqual({ ok: true, text: body, from: `${origin}/ok/catalogue.json` });
    expect(await fetchCatalogue(`${origin}/pindah/`, limits)).toMatchObject({ ok: true, from: `${origin}/ok/catalogue.json` });
  });

  it('gives up, saying why in Indonesian: timeout, size, redirects, status, refused', async () => {
    expect(await fetchCatalogue(`${origin}/diam/`, limits)).toEqual({ ok: false, reason: 'tidak menjawab dalam 2 detik' });
    expect(await fetchCatalogue(`${origin}/besar/`, limits)).toEqual({ ok: false, reason: 'catalogue.json terlalu besar (lebih dari 1 MB)' });
    expect(await fetchCatalogue(`${origin}/berkas/`, limits)).toEqual({ ok: false, reason: 'dialihkan ke alamat bukan http(s): file:' });
    expect(await fetchCatalogue(`${origin}/putar/`, limits)).toEqual({ ok: false, reason: 'dialihkan lebih dari 5 kali' });
    expect(await fetchCatalogue(`${origin}/hilang/`, limits)).toEqual({ ok: false, reason: `server menjawab HTTP 404 untuk ${origin}/hilang/catalogue.json` });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchCatalogue(`http://127.0.0.1:${port}/`, limits)).toEqual({ ok: false, reason: 'tidak dapat dihubungi (sambungan ditolak server)' });
  });
});

describe('checkLinks', () => {
  const k = officeKatalog({ n: 1, sops: 1, alamat: 'https://a.example.go.id/sop/', pemerintah: 'Pemerintah Kabupaten Satu' });

  it('makes relative links absolute against the catalogue and keeps those on its origin', () => {
    const rel = { ...k, situs: { ...k.situs, alamat: '/sop/' }, sop: [{ ...k.sop[0]!, url: '/sop/sop/x/', pdf: 'pdf/x.pdf' }] };
    const got = checkLinks(rel, 'https://a.example.go.id/sop/catalogue.json', 'https://a.example.go.id');
    expect(got.ok && got.data.sop[0]).toMatchObject({ url: 'https://a.example.go.id/sop/sop/x/', pdf: 'https://a.example.go.id/sop/pdf/x.pdf' });
  });

  it('refuses another origin, another scheme, a user in the address, counting them', () => {
    for (const bad of ['https://b.example.go.id/x/', 'http://a.example.go.id/x/', 'https://a.example.go.id:8443/x/', 'https://user@a.example.go.id/x/', 'ftp://a.example.go.id/x', '//b.example/x']) {
      const got = checkLinks({ ...k, sop: [{ ...k.sop[0]!, asli: bad }] }, 'https://a.example.go.id/sop/', 'https://a.example.go.id');
      expect(got, bad).toMatchObject({ ok: false, reason: expect.stringMatching(/^1 tautan tidak menuju situs kantor itu sendiri \(https:\/\/a\.example\.go\.id\), mis\. sop\[0\]\.asli = /) });
    }
  });
});
