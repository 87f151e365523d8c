// XMP metadata packet mirroring the Info dictionary (archives and PDF/A tools read XMP first).
import { escapeHtml } from '../kit/escape.ts';

/**
 * Escaped XML text, without the characters XML 1.0 forbids (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF): `sop check` refuses them in the sources; this keeps the packet well-formed
 * whatever reaches it.
 */
const esc = (text: string) => escapeHtml(text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));

export interface XmpFields {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  language: string;
  date: Date;
  tool: string;
  /** Hashes of what the PDF was printed from (pdf/parts.ts), kept for naming changes after signing. */
  parts?: string[];
}

/** The namespace of sop-press's own XMP properties. */
export const SOP_PRESS_XMP_NS = 'urn:sop-press:xmp:1';

/** ISO 8601 without milliseconds, as XMP dates are usually written. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function xmpPacket(f: XmpFields): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(text)}</rdf:li></rdf:Alt>`;
  const bag = (items: string[]) => `<rdf:Bag>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:Bag>`;
  const date = xmpDate(f.date);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ` xmlns:xmp="http://ns.adobe.com/xap/1.0/"${f.parts ? ` xmlns:sopp="${SOP_PRESS_XMP_NS}"` : ''}>`,
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(f.title)}</dc:title>`,
    `<dc:description>${alt(f.subject)}</dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${esc(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:subject>${bag(f.keywords)}</dc:subject>`,
    `<dc:language>${bag([f.language])}</dc:language>`,
    `<pdf:Keywords>${esc(f.keywords.join(', '))}</pdf:Keywords>`,
    `<pdf:Producer>${esc(f.tool)}</pdf:Producer>`,
    `<xmp:CreatorTool>${esc(f.tool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    ...(f.parts ? [`<sopp:bagian>${bag(f.parts)}</sopp:bagian>`] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
