import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/util/did-you-mean.js';

describe('did you mean', () => {
  it('counts a swapped pair of letters as one edit, as typing slips do', () => {
    expect(editDistance('biuld', 'build')).toBe(1);
    expect(editDistance('forse', 'force')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest candidate within a third of the word, and nothing that is only far away', () => {
    const commands = ['build', 'check', 'export', 'diff', 'send', 'watch', 'schedule', 'new'];
    expect(closest('biuld', commands)).toBe('build');
    expect(closest('shedule', commands)).toBe('schedule');
    expect(closest('frobnicate', commands)).toBeUndefined();
    expect(closest('x', ['png'])).toBeUndefined();
    expect(closest('Route.PNG', ['routes.png', 'map.png'])).toBe('routes.png');
  });

  it('writes the suggestion as a clause, or nothing', () => {
    expect(didYouMean('briefing-dakr', ['briefing-light', 'briefing-dark'])).toBe('; did you mean `briefing-dark`?');
    expect(didYouMean('zzz', ['briefing-dark'])).toBe('');
    expect(didYouMean('forse', ['force'], (f) => `--${f}`)).toBe('; did you mean --force?');
  });
});
