// `sop site` killed at random moments (SIGKILL, seeded delays): every output set is the whole
// previous generation or the whole new one, and the next run cleans up and succeeds.
import { killTrialsTest } from './kill.ts';

killTrialsTest('site', ['site', '--tanpa-buku'], ['pdf', 'site'], 1503);
