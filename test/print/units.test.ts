import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { urlPolicy, withBase } from '../../scripts/print/guard.ts';
import { cssBoxToPdfRect, cssLengthToPx, ptToPx, pxToPt } from '../../scripts/print/units.ts';

describe('units', () => {
  it('converts CSS lengths to px', () => {
    expect(cssLengthToPx('96px')).toBe(96);
    expect(cssLengthToPx('1in')).toBe(96);
    expect(cssLengthToPx('25.4mm')).toBeCloseTo(96, 10);
    expect(cssLengthToPx('2.54cm')).toBeCloseTo(96, 10);
    expect(cssLengthToPx('72pt')).toBe(96);
    expect(cssLengthToPx(' 297MM ')).toBeCloseTo(1122.52, 2);
    expect(cssLengthToPx(10)).toBe(10);
    expect(() => cssLengthToPx('A4')).toThrow(/tidak dikenali/);
    expect(() => cssLengthToPx('-3mm')).toThrow();
  });

  it('maps 1 px to 0.75 pt', () => {
    expect(pxToPt(96)).toBe(72);
    expect(ptToPx(72)).toBe(96);
  });

  it('flips a top-left CSS box to a bottom-left PDF rect', () => {
    const rect = cssBoxToPdfRect({ page: 0, left: 400, top: 1000, width: 200, height: 60 }, 841.92);
    expect(rect).toEqual({ x: 300, y: 46.92, width: 150, height: 45 });
  });
});

describe('urlPolicy', () => {
  const root = path.resolve('/proj/sop');
  const allowed = urlPolicy(root);
  const url = (p: string) => pathToFileURL(p).href;

  it('allows project files and data: URLs', () => {
    expect(allowed(url(path.join(root, 'node_modules/@fontsource/arimo/files/a.woff2')))).toBe(true);
    expect(allowed(url(root))).toBe(true);
    expect(allowed('data:image/png;base64,AAAA')).toBe(true);
  });

  it('refuses the network and files outside the project', () => {
    for (const u of ['https://example.com/x.png', 'http://localhost/', 'ws://a/', 'ftp://a/b', 'blob:null/1', 'chrome://version']) {
      expect(allowed(u)).toBe(false);
    }
    expect(allowed(url('/etc/passwd'))).toBe(false);
    expect(allowed(url('/proj/sop2/x.css'))).toBe(false); // a sibling sharing the prefix
    expect(allowed('file:///proj/sop/../secret.txt')).toBe(false);
    expect(allowed('file:///proj/sop/a/%2e%2e/%2e%2e/secret.txt')).toBe(false);
  });

  it('also allows the folders sop-press itself reads layouts and fonts from', () => {
    const both = urlPolicy([root, path.resolve('/opt/sop-press')]);
    expect(both(url('/opt/sop-press/node_modules/@fontsource/arimo/files/a.woff2'))).toBe(true);
    expect(both(url(path.join(root, 'content/logo.png')))).toBe(true);
    expect(both(url('/opt/other/x.css'))).toBe(false);
  });
});

describe('withBase', () => {
  const base = 'file:///proj/sop/';

  it('puts <base> first in <head>', () => {
    expect(withBase('<!doctype html><html><head><title>x</title></head></html>', base)).toBe(
      '<!doctype html><html><head><base href="file:///proj/sop/"><title>x</title></head></html>',
    );
    expect(withBase('<HEAD lang="id"><link href="a.css">', base)).toBe('<HEAD lang="id"><base href="file:///proj/sop/"><link href="a.css">');
  });

  it('does not mistake <header> for <head>', () => {
    expect(withBase('<html><body><header>h</header></body></html>', base)).toBe(
      '<html><head><base href="file:///proj/sop/"></head><body><header>h</header></body></html>',
    );
  });

  it('handles fragments', () => {
    expect(withBase('<p>x</p>', base)).toBe('<base href="file:///proj/sop/"><p>x</p>');
    expect(withBase('<!DOCTYPE html><p>x</p>', base)).toBe('<!DOCTYPE html><base href="file:///proj/sop/"><p>x</p>');
  });

  it('cannot break out of the attribute', () => {
    expect(withBase('<p>', 'file:///a"b/')).toBe('<base href="file:///a%22b/"><p>');
  });
});
