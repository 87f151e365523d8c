// `sop build` killed at random moments (SIGKILL, seeded delays): every output set is the whole
// previous generation or the whole new one, and the next run cleans up and succeeds.
import { killTrialsTest } from './kill.ts';

killTrialsTest('build', ['build'], ['pdf'], 1501);
