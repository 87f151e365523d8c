import { describe, expect, it } from 'vitest';
import { flowSvg } from '../../scripts/flow/svg.ts';
import type { PageLayout } from '../../scripts/flow/types.ts';
import { build } from './helpers.ts';

const page: PageLayout = {
  topBand: false,
  bottomBand: true,
  width: 200.123456,
  height: 150,
  symbols: [
    { id: '1', kind: 'terminator', x: 10, y: 10, width: 63, height: 22 },
    { id: '2', kind: 'decision', x: 110, y: 50, width: 63, height: 34 },
    { id: '3', kind: 'process', x: 10, y: 90, width: 63, height: 22 },
    { id: 'A', kind: 'offpage', x: 33.5, y: 126, width: 16, height: 16, text: 'A' },
  ],
  connectors: [
    { from: '1', to: '2', points: [{ x: 41.5, y: 32 }, { x: 41.5, y: 40.333333 }, { x: 141.5, y: 40.333333 }, { x: 141.5, y: 50 }] },
    { from: '2', to: '3', points: [{ x: 110, y: 67 }, { x: 41.5, y: 67 }, { x: 41.5, y: 90 }], label: '<script>alert("x")</script> & \'co\'', labelAt: { x: 107, y: 64 }, labelAnchor: 'end' },
    { from: '3', to: 'A', points: [{ x: 41.5, y: 112 }, { x: 41.5, y: 126 }] },
  ],
};

describe('flowSvg', () => {
  const svg = flowSvg(page, { markerId: 'arrow-p3' });

  it('is an overlay the size of the page, overflow visible, with its own arrowhead marker', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('width="200.12" height="150" viewBox="0 0 200.12 150" overflow="visible"');
    expect(svg).toContain('font-family="inherit"');
    expect(svg).toContain('<defs><marker id="arrow-p3"');
    expect(svg.match(/marker-end="url\(#arrow-p3\)"/g)).toHaveLength(3);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws each symbol with its data attributes and shape', () => {
    expect(svg).toContain('<rect class="sop-symbol" data-no="1" data-kind="terminator" x="10" y="10" width="63" height="22" rx="11"/>');
    expect(svg).toContain('<polygon class="sop-symbol" data-no="2" data-kind="decision" points="141.5,50 173,67 141.5,84 110,67"/>');
    expect(svg).toContain('<rect class="sop-symbol" data-no="3" data-kind="process" x="10" y="90" width="63" height="22"/>');
    expect(svg).toMatch(/<g class="sop-symbol" data-no="A" data-kind="offpage"><polygon points="33.5,126 49.5,126 49.5,135.6 41.5,142 33.5,135.6"\/><text [^>]*>A<\/text><\/g>/);
  });

  it('draws connectors as polylines with from/to, numbers rounded to 2 decimals', () => {
    expect(svg).toContain('<polyline class="sop-connector" data-from="1" data-to="2" points="41.5,32 41.5,40.33 141.5,40.33 141.5,50"');
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  it('escapes label text and anchors it as asked', () => {
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</text>');
    expect(svg).toMatch(/<text class="sop-label" data-from="2" data-to="3" x="107" y="64" text-anchor="end">/);
  });

  it('draws a two-line label as tspans, the second a line lower', () => {
    const two = flowSvg({ ...page, connectors: [{ ...page.connectors[0]!, label: 'Lengkap', labelLines: ['Leng-', 'kap'], labelAt: { x: 50, y: 60 } }] });
    expect(two).toMatch(/<text class="sop-label" [^>]*x="50" y="60" text-anchor="start"><tspan x="50">Leng-<\/tspan><tspan x="50" dy="[\d.]+">kap<\/tspan><\/text>/);
  });

  it('has no external references and is deterministic', () => {
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/href|http|url\((?!#)/);
    expect(flowSvg(page, { markerId: 'arrow-p3' })).toBe(svg);
    expect(flowSvg(page)).toContain('id="sop-arrow"');
  });

  it('writes a data-no for every symbol of a real layout', () => {
    const c = build([[0], [1, 'Lengkap: 3; Tidak: 1'], [1], [0, 'end']], { actors: 2 });
    const out = flowSvg(c.layout[0]!, { markerId: 'm' });
    for (const no of ['1', '2', '3', '4']) expect(out).toContain(`data-no="${no}"`);
    expect(out.match(/class="sop-connector"/g)).toHaveLength(c.graph.edges.length);
    // At 8 pt "Lengkap" is wider than the 39 px beside its line in a 90 px column: two lines.
    expect(out).toMatch(/>Leng-<\/tspan><tspan [^>]*>kap<\/tspan><\/text>/);
    expect(out).toContain('>Tidak</text>');
  });
});
