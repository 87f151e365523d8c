// Images judged by their bytes (source/image.ts) and SVG rebuilt from an allow-list
// (source/svg.ts): what an output may use is only what was checked.
import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../scripts/source/image.ts';
import { sanitizeSvg } from '../../scripts/source/svg.ts';
import { png } from './helpers.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const clean = (svg: string) => {
  const r = sanitizeSvg(new TextEncoder().encode(svg), (b) => inspectImage(b).ok);
  if (!r.ok) throw new Error(r.reason);
  return { svg: text(r.bytes), removed: r.removed };
};
const SVG = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attrs}>${inner}<rect width="10" height="10"/></svg>`;

describe('PNG and JPEG', () => {
  it('a PNG keeps its image chunks only: no text chunk, nothing appended after IEND', () => {
    const source = png(2, 2);
    const polyglot = new Uint8Array([...source, ...new TextEncoder().encode('<html><script>alert(1)</script>')]);
    const r = inspectImage(polyglot);
    expect(r.ok && r.type).toBe('png');
    const out = r.ok ? Buffer.from(r.bytes).toString('latin1') : '';
    expect(out).not.toContain('script');
    expect(out).not.toContain('tEXt');
    expect(out.endsWith('IEND\xae\x42\x60\x82')).toBe(true);
  });

  it('a PNG with a broken checksum or cut short is not an image', () => {
    const broken = png();
    broken[20] = broken[20]! ^ 0xff;
    expect(inspectImage(broken)).toMatchObject({ ok: false, problem: 'jenis' });
    expect(inspectImage(png().subarray(0, 50))).toMatchObject({ ok: false, problem: 'jenis' });
  });

  it('a JPEG needs a frame header and an end marker; bytes after the end are dropped', () => {
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x11, 0x00];
    const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, ...sof, ...sos, 0x12, 0x34, 0xff, 0xd9];
    const r = inspectImage(new Uint8Array([...jpeg, 0x3c, 0x68]));
    expect(r.ok && r.type).toBe('jpeg');
    expect(r.ok && [...r.bytes]).toEqual(jpeg);
    expect(inspectImage(new Uint8Array(jpeg.slice(0, -2)))).toMatchObject({ ok: false, problem: 'jenis' });
  });

  it('GIF, PDF and plain text are named in the message', () => {
    expect(inspectImage(new TextEncoder().encode('GIF89a....'))).toMatchObject({ ok: false, reason: expect.stringMatching(/GIF/) });
    expect(inspectImage(new TextEncoder().encode('%PDF-1.7'))).toMatchObject({ ok: false, reason: expect.stringMatching(/PDF/) });
  });
});

describe('SVG rebuilt from an allow-list', () => {
  it('drops script, event handlers, foreignObject, animation and links, and says so', () => {
    const { svg, removed } = clean(
      SVG('<script>alert(1)</script><foreignObject><iframe src="http://x/"/></foreignObject><a xlink:href="javascript:alert(2)"><circle r="2" onclick="alert(3)"/></a><set attributeName="href" to="javascript:alert(4)"/>', ' onload="alert(5)"'),
    );
    expect(svg).not.toMatch(/script|alert|iframe|foreignObject|onclick|onload|<a|<set/i);
    expect(svg).toContain('<circle r="2"/>');
    expect(removed).toEqual(expect.arrayContaining(['<script>', '<foreignObject>', 'tautan <a>', 'atribut onclick', 'atribut onload', '<set>']));
  });

  it('drops every external reference: href, CSS url(), @import, while url(#id) stays', () => {
    const { svg, removed } = clean(
      SVG(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>' +
          '<style>@import url(http://127.0.0.1:9/a.css);</style><style>.k{fill:url(#g)}</style>' +
          '<image href="http://127.0.0.1:9/b.png" width="1" height="1"/><use xlink:href="http://127.0.0.1:9/c.svg#x"/>' +
          '<path d="M0 0h1" style="fill:url(http://127.0.0.1:9/d)"/><path d="M0 0h2" fill="url(#g)" filter="url(\'http://127.0.0.1:9/e\')"/>',
      ),
    );
    expect(svg).not.toContain('127.0.0.1');
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('<style>.k{fill:url(#g)}</style>');
    expect(removed.join(' ')).toMatch(/@import/);
    expect(removed.join(' ')).toMatch(/127\.0\.0\.1:9\/b\.png/);
  });

  it('keeps an embedded PNG only when its bytes are a checked PNG', () => {
    const good = `data:image/png;base64,${Buffer.from(png()).toString('base64')}`;
    const bad = `data:image/png;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`;
    const { svg } = clean(SVG(`<image href="${good}" width="1" height="1"/><image href="${bad}" width="1" height="1"/><image href="data:image/svg+xml,&lt;svg/&gt;"/>`));
    expect(svg.match(/<image/g)).toHaveLength(1);
  });

  it('a DOCTYPE with entities is skipped, never expanded (no billion laughs, no external DTD)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const { svg } = clean(`${bomb}${SVG('<text x="1" y="5">&b;&x;</text><text>Dinas &amp; Kota</text>')}`);
    expect(svg).not.toContain('aaaa');
    expect(svg).not.toContain('root:');
    // Text using an unknown entity is dropped whole; the predefined ones are decoded and re-escaped.
    expect(svg).toContain('<text x="1" y="5"/><text>Dinas &amp; Kota</text>');
  });

  it('Inkscape and Illustrator extras vanish quietly; text stays escaped', () => {
    const { svg, removed } = clean(SVG('<metadata><rdf:RDF/></metadata><sodipodi:namedview/><text>&lt;b&gt;Kota&lt;/b&gt;</text>', ' inkscape:version="1.2" sodipodi:docname="x.svg"'));
    expect(removed).toEqual([]);
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lt;b&gt;Kota&lt;/b&gt;</text><rect width="10" height="10"/></svg>\n');
  });

  it('broken or empty SVG is not an image', () => {
    for (const bad of ['<svg><g></svg>', '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', '<svg a="1" a="2"><rect/></svg>', '<svg><rect/></svg><svg/>']) {
      const r = sanitizeSvg(new TextEncoder().encode(bad));
      expect(r.ok, bad).toBe(false);
    }
  });
});
