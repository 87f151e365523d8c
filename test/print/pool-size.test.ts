// SOP_POOL_SIZE: the pages printing at once, read before the browser starts.
import { describe, expect, it } from 'vitest';
import { PrerequisiteError } from '../../scripts/print/browser.ts';
import { poolSizeFromEnv } from '../../scripts/print/pool.ts';

describe('poolSizeFromEnv', () => {
  it('is unset when the variable is missing or blank', () => {
    expect(poolSizeFromEnv({})).toBeUndefined();
    expect(poolSizeFromEnv({ SOP_POOL_SIZE: ' ' })).toBeUndefined();
  });

  it('reads a whole number of pages', () => {
    expect(poolSizeFromEnv({ SOP_POOL_SIZE: '1' })).toBe(1);
    expect(poolSizeFromEnv({ SOP_POOL_SIZE: ' 12 ' })).toBe(12);
  });

  it.each(['0', '-2', '1.5', 'dua', '100', '08'])('refuses %j with a hint (exit 2 in the CLI)', (value) => {
    const fails = () => poolSizeFromEnv({ SOP_POOL_SIZE: value });
    expect(fails).toThrow(PrerequisiteError);
    expect(fails).toThrow(`SOP_POOL_SIZE="${value}" tidak valid.`);
  });
});
