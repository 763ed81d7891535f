import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

/**
 * A record compared with a function whose domain is not of strings is an error; TLC 2.20 on
 * [a |-> 1] = <<1>>: "Attempted to check equality of record: [a |-> 1] with non-record <<1>>".
 * Ours read 'Attempted to compare the string "a" with the integer 1' (the domains' elements).
 */
describe('a record compared with a tuple', () => {
  it('is an error naming both', async () => {
    const r = await checkModel({
      files: [
        {
          name: 'M.tla',
          text: '---- MODULE M ----\nVARIABLE x\nInit == x = ([a |-> 1] = <<1>>)\nNext == UNCHANGED x\n====',
        },
      ],
      mainModule: 'M',
      cfg: 'INIT Init\nNEXT Next\n',
    });
    expect(r.result).toBe('error');
    expect(r.error?.message).toBe('Attempted to compare record [a |-> 1] with non-record <<1>>');
  });
});
