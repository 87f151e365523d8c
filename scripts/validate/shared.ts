// Helpers shared by the SOP and instansi validators.
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import type { LineIndex } from '../source/lines.ts';
import { placeOf, type ParsedYaml } from '../parse/yaml-doc.ts';
import type { SchemaIssue } from './schema.ts';

export function reportSchemaIssues(file: VFile, issues: SchemaIssue[], yaml: ParsedYaml, lines: LineIndex, skip?: (issue: SchemaIssue) => boolean): void {
  for (const issue of issues) {
    if (skip?.(issue)) continue;
    report(file, issue.ruleId, issue.message, placeOf(yaml.spans, lines, issue.pointer, issue.atKey ? 'key' : 'value'), issue.hint ? { hint: issue.hint } : {});
  }
}

/**
 * An unquoted NIP is a YAML number, too large to keep its digits: take the digits from the
 * source text instead, so officers need not remember the quotes.
 */
export function coerceNip(data: Record<string, unknown>, yaml: ParsedYaml, signerPointer: string): void {
  const signer = data[signerPointer.slice(1)] as Record<string, unknown> | undefined;
  if (signer && typeof signer === 'object' && typeof signer.nip === 'number') {
    signer.nip = yaml.sources.get(`${signerPointer}/nip`) ?? String(signer.nip);
  }
}
