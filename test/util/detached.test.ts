import { describe, expect, it } from 'vitest';
import { detached } from '../../src/util/detached.js';

describe('detached', () => {
  it('copies a string exactly, lone surrogates and astral characters included', () => {
    const source = `prefix ${'interconnectedness'} \uD800 lone, 😀 astral, e\u0301 combining`;
    const cut = source.slice(7, 40);
    expect(detached(cut)).toBe(cut);
    expect(detached(source)).toBe(source);
    expect(detached('')).toBe('');
  });
});
