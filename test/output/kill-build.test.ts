// `sop build` killed at random moments (SIGKILL, seeded delays): every output set is the whole
// previous generation or the whole new one, and the next run cleans up and succeeds.
import { expect, it } from 'vitest';
import { KillTrials, TRIALS } from './kill.ts';

it(`sop build: ${TRIALS} kills leave old or new output, never a mix, and the next run succeeds`, async () => {
  const trials = new KillTrials(['build'], ['pdf']);
  trials.prepare();
  const { old, fresh } = await trials.run(TRIALS, 1501);
  // Seeded delays spread over the whole run: with enough trials both outcomes occur.
  if (TRIALS >= 10) {
    expect(old).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
  }
}, 900_000);
