// placeholder until the Excel reader lands
import type { Parts } from './ooxml.ts';
import type { SourceDocument } from './document.ts';
export function readXlsx(_parts: Parts): SourceDocument {
  return { format: 'xlsx', blocks: [], shapes: [], page: {}, problems: [] };
}
