/**
 * TLCGet("level") is the level of the state being evaluated, as TLC 2.20 answers it: 0 in the
 * initial predicate; in a step, the level of the state expanded (the next-state relation, an
 * ACTION_CONSTRAINT, an action property); at a state, its own level (a CONSTRAINT, the VIEW, an
 * invariant), 1 for an initial state. `CONSTRAINT TLCGet("level") < N` bounds a search so in real
 * models: taking the predecessor's level there explored one level too many (RateLimiter of the
 * sweep: 4174 distinct states and depth 12 for TLC's 3700 and 11). The figures and the printed
 * lines (in order, one worker) are TLC's (`-workers 1 -deadlock`).
 */
import { describe, expect, it } from 'vitest';
import { checkModel, serveSearch } from '../../check';
import type { CheckRequest, CheckResult } from '../../contract/types';
import { channelNets } from '../parallel/net';

const HEAD = '---- MODULE L ----\nEXTENDS Naturals, TLC\nVARIABLE x\n';

function req(body: string, cfg: string): CheckRequest {
  return {
    files: [{ name: 'L.tla', text: `${HEAD}${body}\n====\n` }],
    mainModule: 'L',
    cfg,
    cfgName: 'L.cfg',
    options: { checkDeadlock: false },
  };
}

async function twoWorkers(r: CheckRequest): Promise<CheckResult> {
  const [a, b] = channelNets(2);
  const [result] = await Promise.all([checkModel(r, { parallel: a }), serveSearch(r, b)]);
  return result;
}

const CASES: {
  name: string;
  body: string;
  cfg: string;
  figures: { generatedStates: number; distinctStates: number; depth: number };
  output: string[];
}[] = [
  {
    name: 'a CONSTRAINT sees the new state at its level, the next-state relation its predecessor',
    body: [
      'Init == x \\in {0, 10}',
      'Next == x\' = x + 1 /\\ PrintT(<<"next", x, TLCGet("level")>>)',
      'C == PrintT(<<"c", x, TLCGet("level")>>) /\\ TLCGet("level") < 3',
      'Inv == PrintT(<<"inv", x, TLCGet("level")>>)',
    ].join('\n'),
    cfg: 'INIT Init\nNEXT Next\nCONSTRAINT C\nINVARIANT Inv\n',
    figures: { generatedStates: 6, distinctStates: 4, depth: 2 },
    output: [
      '<<"c", 0, 1>>',
      '<<"inv", 0, 1>>',
      '<<"c", 10, 1>>',
      '<<"inv", 10, 1>>',
      '<<"next", 0, 1>>',
      '<<"c", 1, 2>>',
      '<<"inv", 1, 2>>',
      '<<"next", 10, 1>>',
      '<<"c", 11, 2>>',
      '<<"inv", 11, 2>>',
      '<<"next", 1, 2>>',
      '<<"c", 2, 3>>',
      '<<"inv", 2, 3>>',
      '<<"next", 11, 2>>',
      '<<"c", 12, 3>>',
      '<<"inv", 12, 3>>',
    ],
  },
  {
    name: 'an ACTION_CONSTRAINT and an action property see the predecessor, the VIEW the new state',
    body: [
      'Init == x \\in {0, 10}',
      "Next == x' = x + 1",
      'AC == PrintT(<<"ac", x, x\', TLCGet("level")>>) /\\ TLCGet("level") < 3',
      'Prop == [][PrintT(<<"prop", x, x\', TLCGet("level")>>)]_x',
      'V == IF PrintT(<<"view", x, TLCGet("level")>>) THEN x ELSE 0',
    ].join('\n'),
    cfg: 'INIT Init\nNEXT Next\nACTION_CONSTRAINT AC\nPROPERTY Prop\nVIEW V\n',
    figures: { generatedStates: 8, distinctStates: 6, depth: 3 },
    output: [
      '<<"view", 0, 1>>',
      '<<"view", 10, 1>>',
      '<<"ac", 0, 1, 1>>',
      '<<"view", 1, 2>>',
      '<<"prop", 0, 1, 1>>',
      '<<"ac", 10, 11, 1>>',
      '<<"view", 11, 2>>',
      '<<"prop", 10, 11, 1>>',
      '<<"ac", 1, 2, 2>>',
      '<<"view", 2, 3>>',
      '<<"prop", 1, 2, 2>>',
      '<<"ac", 11, 12, 2>>',
      '<<"view", 12, 3>>',
      '<<"prop", 11, 12, 2>>',
      '<<"ac", 2, 3, 3>>',
      '<<"prop", 2, 3, 3>>',
      '<<"ac", 12, 13, 3>>',
      '<<"prop", 12, 13, 3>>',
    ],
  },
  {
    name: 'the initial predicate sees level 0, an initial state level 1',
    body: [
      'Init == x = TLCGet("level")',
      'Next == x < 3 /\\ x\' = TLCGet("level")',
      'Inv == PrintT(<<"inv", x, TLCGet("level")>>)',
      'C == PrintT(<<"c", x, TLCGet("level")>>)',
    ].join('\n'),
    cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTRAINT C\n',
    figures: { generatedStates: 4, distinctStates: 4, depth: 4 },
    output: [
      '<<"c", 0, 1>>',
      '<<"inv", 0, 1>>',
      '<<"c", 1, 2>>',
      '<<"inv", 1, 2>>',
      '<<"c", 2, 3>>',
      '<<"inv", 2, 3>>',
      '<<"c", 3, 4>>',
      '<<"inv", 3, 4>>',
    ],
  },
];

describe('TLCGet("level") as TLC answers it', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const one = await checkModel(req(c.body, c.cfg));
      expect(one).toMatchObject({ result: 'success', ...c.figures });
      expect(one.output).toEqual(c.output);
      // Two workers print the same lines, in another order.
      const two = await twoWorkers(req(c.body, c.cfg));
      expect(two).toMatchObject({ result: 'success', ...c.figures });
      expect([...two.output].sort()).toEqual([...c.output].sort());
    });
  }
});
