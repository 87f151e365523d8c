// What `sop gabung` tells the person and the CI job summary: per office whether its catalogue is
// fresh, an older good copy (and why), or missing (and why). Indonesian; Markdown for
// $GITHUB_STEP_SUMMARY, with every office-supplied text made inert there.
import type { Outcome } from './collect.ts';

const count = (o: Outcome) => (o.state === 'gagal' ? 0 : o.katalog.sop.length);

/** One line per office that needs attention; fresh ones are summed up. */
export function reportLines(outcomes: Outcome[]): string[] {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.state === 'lama') lines.push(`${o.source.shown}: katalog baru ditolak (${o.reason}); dipakai salinan baik terakhir (${count(o)} SOP, per ${o.katalog.situs.dibangun || 'tanggal tak diketahui'}).`);
    if (o.state === 'gagal') lines.push(`${o.source.shown}: ditolak (${o.reason}); belum ada salinan baik, kantor ini tidak dimuat.`);
  }
  return lines;
}

/** `text` as Markdown that shows it literally: no markup, no HTML, no links from an office. */
function inert(text: string): string {
  return text.replace(/[\\`*_[\]<>|#!&~]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\s+/g, ' ');
}

export function summaryMarkdown(outcomes: Outcome[], sops: number): string {
  const fresh = outcomes.filter((o) => o.state === 'baru').length;
  const rows = outcomes.map((o) => {
    const state = o.state === 'baru' ? '✅ baru' : o.state === 'lama' ? '⚠️ salinan lama' : '❌ tidak dimuat';
    const why = o.state === 'baru' ? '' : inert(o.reason);
    return `| ${inert(o.source.shown)} | ${state} | ${count(o)} | ${why} |`;
  });
  return [
    '## Katalog SOP gabungan',
    '',
    `${sops} SOP dari ${outcomes.length - outcomes.filter((o) => o.state === 'gagal').length} kantor; ${fresh} katalog baru, ${outcomes.filter((o) => o.state === 'lama').length} memakai salinan lama, ${outcomes.filter((o) => o.state === 'gagal').length} tidak dimuat.`,
    '',
    '| Kantor | Keadaan | SOP | Sebab |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
