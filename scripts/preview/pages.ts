// The preview's own pages: the content list and the diagnostics shown in place of a document.
// Pure HTML builders; every text an officer wrote passes through escapeHtml.
import { escapeHtml } from '../kit/escape.ts';
import type { Diagnostic } from '../diagnostics/report.ts';

export const CLIENT_SCRIPT = '/_pratinjau/klien.js';

export interface ListedSop {
  /** Source path relative to the project, e.g. `content/dinas/x.md`. */
  path: string;
  /** Preview address of the document. */
  href: string;
  nama?: string;
  nomor?: string;
  errors: number;
  warnings: number;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.galat{color:#b00020;font-weight:600}.peringatan{color:#8a5a00}.letak{font-family:monospace;white-space:nowrap;width:1%}
.saran{color:#444;font-size:.92rem}.aturan{color:#666;font-family:monospace;font-size:.85rem}`;

function page(title: string, body: string, key: string): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body data-pratinjau="${escapeHtml(key)}">
${body}
<script src="${CLIENT_SCRIPT}"></script>
</body></html>
`;
}

/** The start page: every SOP source with its state, and the site pages. */
export function indexPage(sops: ListedSop[], summary: string, monev: Array<{ instansi: string; links: Array<{ label: string; href: string }> }> = []): string {
  const rows = sops
    .map(
      (s) =>
        `<tr><td><a href="${escapeHtml(s.href)}">${escapeHtml(s.nama ?? s.path)}</a><br><span class="aturan">${escapeHtml(s.path)}</span></td>` +
        `<td>${escapeHtml(s.nomor ?? '')}</td>` +
        `<td>${s.errors ? `<span class="galat">${s.errors} galat</span>` : 'siap dicetak'}${s.warnings ? ` · <span class="peringatan">${s.warnings} peringatan</span>` : ''}</td>` +
        `<td>${s.errors ? '' : `<a href="${escapeHtml(s.href)}.pdf">PDF</a>`}</td></tr>`,
    )
    .join('\n');
  return page(
    'Pratinjau SOP',
    `<h1>Pratinjau SOP</h1>
<p>${escapeHtml(summary)} Halaman ini dan setiap SOP yang dibuka diperbarui sendiri setiap kali berkas disimpan.</p>
<table><thead><tr><th>SOP</th><th>Nomor</th><th>Pemeriksaan</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Situs katalog</h2>
<p><a href="/situs/">Buka situs katalog</a> (dibangun saat dibuka; SOP berstatus draf tidak tampil di situs).</p>${monev.length ? `
<h2>Monitoring dan evaluasi</h2>
<ul>${monev.map((m) => `<li>${escapeHtml(m.instansi)}: ${m.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' · ')}</li>`).join('')}</ul>` : ''}`,
    '*',
  );
}

/** Shown instead of the document while its source (or its instansi.yml) has errors. */
export function diagnosticsPage(key: string, title: string, diagnostics: Diagnostic[]): string {
  // Errors first: they are what keeps the document from printing.
  const sorted = [...diagnostics].sort((a, b) => Number(a.severity !== 'galat') - Number(b.severity !== 'galat'));
  const items = sorted
    .map(
      (d) =>
        `<tr><td class="letak">${escapeHtml(d.file === key ? `baris ${d.line}, kolom ${d.column}` : `${d.file}:${d.line}:${d.column}`)}</td><td><span class="${d.severity}">${d.severity}</span> ${escapeHtml(d.message)}` +
        `${d.hint ? `<div class="saran">Saran: ${escapeHtml(d.hint)}</div>` : ''}<div class="aturan">${escapeHtml(d.ruleId)}</div></td></tr>`,
    )
    .join('\n');
  return page(
    `Galat: ${title}`,
    `<p><a href="/">← semua SOP</a></p>
<h1>${escapeHtml(title)} belum dapat dicetak</h1>
<p>Perbaiki temuan <code>sop check</code> di bawah lalu simpan berkasnya; halaman ini berganti sendiri menjadi dokumennya.</p>
<table id="temuan"><tbody>
${items}
</tbody></table>`,
    key,
  );
}

/** Adds the reload client to a printed document (before `</body>`, else at the end). */
export function withClient(html: string, key: string): string {
  const tag = `<script src="${CLIENT_SCRIPT}" data-pratinjau="${escapeHtml(key)}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/**
 * The browser side: listens to the server's change events and reloads when this page's source
 * (or, for the list and the site, anything) changed. `*` = reload on every change.
 */
export const CLIENT_JS = `(() => {
  const me = document.currentScript;
  const key = (me && me.dataset.pratinjau) || document.body.dataset.pratinjau || '*';
  const events = new EventSource('/_pratinjau/peristiwa');
  events.addEventListener('ubah', (e) => {
    const changed = JSON.parse(e.data);
    if (key === '*' || changed.includes('*') || changed.includes(key)) location.reload();
  });
})();
`;
