// `sop book` killed at random moments (SIGKILL, seeded delays): every output set is the whole
// previous generation or the whole new one, and the next run cleans up and succeeds.
import { killTrialsTest } from './kill.ts';

killTrialsTest('book', ['book', '--instansi', 'diskominfosp-balangan', '--instansi', 'dkukmtk-balangan'], ['pdf', 'buku'], 1502);
