import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

/**
 * Comparing an infinite set with a finite one is an error (TLC 2.20 on Seq({1}) = {}: "Attempted
 * to compare overridden value Seq({1}) with non-overridden value: {}"). Our message read "the
 * infinite set a set with a finite set"; it now names the finite set.
 */
describe('an infinite set compared with a finite one', () => {
  it('is an error naming the finite set', async () => {
    const r = await checkModel({
      files: [
        {
          name: 'M.tla',
          text: '---- MODULE M ----\nEXTENDS Sequences\nVARIABLE x\nInit == x = (Seq({1}) = {})\nNext == UNCHANGED x\n====',
        },
      ],
      mainModule: 'M',
      cfg: 'INIT Init\nNEXT Next\n',
    });
    expect(r.result).toBe('error');
    expect(r.error?.message).toBe('Attempted to compare an infinite set with the finite set {}');
  });
});
