// What each status is called on paper and on screen.
import type { Status } from './sop.ts';

export const STATUS_LABEL: Record<Status, string> = { berlaku: 'Berlaku', draf: 'Draf', digantikan: 'Digantikan', dicabut: 'Dicabut' };
