import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../cli/exit-codes';
import { checkModel } from './check';

const spec = (body: string) => [
  { name: 'M.tla', text: `---- MODULE M ----\nEXTENDS Naturals\nVARIABLE x\n${body}\n====\n` },
];

async function check(body: string, cfg: string) {
  const result = await checkModel({ files: spec(body), mainModule: 'M', cfg, cfgName: 'M.cfg' });
  return { result, code: exitCodeFor(result, 'M.cfg') };
}

describe('every engine error has a kind, and the kind gives the exit code', () => {
  it('a primed variable in the initial predicate is an evaluation error, not an internal one', async () => {
    const { result, code } = await check(
      'Init == x = 0\nNext == UNCHANGED x',
      'INIT Next\nNEXT Next\n',
    );
    expect(result.error).toMatchObject({
      kind: 'eval',
      message: expect.stringContaining("x' is primed"),
    });
    expect(code).toBe(EXIT.evalError);
  });

  it('an invariant with primes or temporal operators, an action as a PROPERTY: config errors before the search', async () => {
    // TLC 2.20: "The invariant Act is not a state predicate (one with no primes or temporal
    // operators)." (also for []P) and "The property Act is not correctly defined." (exit 151),
    // no state explored. We reported the first as an evaluation error in the initial state, and
    // checked the second as a warning beside "No error has been found".
    const body =
      "Init == x = 0\nNext == x' = (x + 1) % 4\nSpec == Init /\\ [][Next]_x\nAct == x' > x\nTmp == [](x < 2)";
    for (const [cfg, message] of [
      ['INVARIANT Act', 'The invariant Act is not a state predicate'],
      ['INVARIANT Tmp', 'The invariant Tmp is not a state predicate'],
      ['PROPERTY Act', 'The property Act is not correctly defined'],
    ]) {
      const { result, code } = await check(body, `SPECIFICATION Spec\n${cfg}\n`);
      expect(result.error, cfg).toMatchObject({
        kind: 'config',
        message: expect.stringContaining(message),
      });
      expect(result.distinctStates, cfg).toBe(0);
      expect(code, cfg).toBe(EXIT.cfgError);
    }
    // A state-level PROPERTY is checked in the initial states, as TLC does (it warns).
    const { result } = await check(
      body + '\nSmall == x < 2',
      'SPECIFICATION Spec\nPROPERTY Small\n',
    );
    expect(result).toMatchObject({ result: 'success', distinctStates: 4, generatedStates: 5 });
  });

  it('a POSTCONDITION that fails to evaluate is an error after the search, with its figures', async () => {
    // TLC 2.20: the search's 4 states generated, 4 distinct, depth 4, then "Evaluating assumption
    // line 6, col 9 to line 6, col 13 of module M failed" (it reads a variable: no state after
    // the search). We reported the error with no figures.
    const { result, code } = await check(
      "Init == x = 0\nNext == x < 3 /\\ x' = x + 1\nPost == x = 3",
      'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n',
    );
    expect(result).toMatchObject({
      result: 'error',
      distinctStates: 4,
      generatedStates: 4,
      depth: 4,
      error: {
        kind: 'eval',
        message: expect.stringContaining('Evaluating the POSTCONDITION Post failed'),
        range: { start: { line: 6, column: 9 } },
      },
    });
    expect(code).toBe(EXIT.evalError);
  });

  it('what the config lacks or names wrongly is a config error, with or without a range', async () => {
    for (const cfg of [
      'NEXT Next\n',
      'INIT Init\n',
      'INIT Init\nNEXT Next\nCONSTANT Foo <- Bar\n',
    ]) {
      const { result, code } = await check("Init == x = 0\nNext == x' = x", cfg);
      expect(result.error?.kind, cfg).toBe('config');
      expect(code, cfg).toBe(EXIT.cfgError);
    }
  });

  it('a constant the .cfg leaves unassigned is a config error before any state, read or not', async () => {
    // TLC 2.20: "The constant parameter Unused is not assigned a value by the configuration file."
    const { result, code } = await check(
      "CONSTANTS N, Unused\nInit == x = 0\nNext == x' = (x + 1) % N",
      'INIT Init\nNEXT Next\nCONSTANT N = 3\n',
    );
    expect(result.error).toMatchObject({
      kind: 'config',
      message: 'The constant parameter Unused is not assigned a value by the configuration file',
      range: { start: { line: 4 } },
    });
    expect(result.distinctStates).toBe(0);
    expect(code).toBe(EXIT.cfgError);
  });

  it('an unbounded quantifier fails where it is evaluated, not where it is written (TLC)', async () => {
    // TLC 2.20: 3 distinct states and no error: the disjunct with the unbounded \\E is never
    // reached and the action's branch with one is never taken.
    const body = [
      'P == \\E y : y = 2',
      'Init == x = 0',
      "Next == IF x > 5 THEN \\E y : x' = y ELSE x' = (x + 1) % 3",
      'Inv == x < 3 \\/ P',
    ].join('\n');
    const fine = await check(body, 'INIT Init\nNEXT Next\nINVARIANT Inv\n');
    expect(fine.result).toMatchObject({ result: 'success', distinctStates: 3 });
    // Reached, in an invariant and in an action: an evaluation error at the quantifier.
    const inInvariant = await check(
      body.replace('x < 3 \\/ P', 'x < 1 \\/ P'),
      'INIT Init\nNEXT Next\nINVARIANT Inv\n',
    );
    expect(inInvariant.result.error).toMatchObject({
      kind: 'eval',
      message: expect.stringContaining('unbounded quantifier'),
      range: { start: { line: 4 } },
    });
    const inAction = await check(
      body.replace('x > 5', 'x > 1'),
      'INIT Init\nNEXT Next\nINVARIANT Inv\n',
    );
    expect(inAction.result.error).toMatchObject({
      kind: 'eval',
      message: expect.stringContaining('unbounded quantifier in an action'),
      range: { start: { line: 6 } },
    });
    expect(inAction.code).toBe(EXIT.evalError);
  });

  it('a syntax error is a spec error', async () => {
    const { result, code } = await check("Init == x = \nNext == x' = x", 'INIT Init\nNEXT Next\n');
    expect(result.error?.kind).toBe('spec');
    expect(code).toBe(EXIT.specError);
  });

  it('reads an integer literal exactly, beyond a double', async () => {
    const { result } = await check(
      "Init == x = 9007199254740993\nNext == x' = x",
      'INIT Init\nNEXT Next\n',
    );
    expect(result.error?.message).toBe(
      "Integer overflow: 9007199254740993 is outside TLC's 32-bit integer range",
    );
  });
  it('an invariant that fails to evaluate says which invariant, then the cause, as TLC does', async () => {
    // TLC 2.20: "Error: Evaluating invariant Inv failed." then the cause, and the three states of
    // the trace. We gave only the cause: with its range inside an operator the invariant calls
    // (line 8 here), the user could not tell which invariant failed.
    const { result, code } = await check(
      [
        'VARIABLE s',
        'Init == x = 0 /\\ s = <<1>>',
        "Next == \\/ x' = x + 1 /\\ s' = IF x = 1 THEN <<>> ELSE s",
        "        \\/ x' = x + 2 /\\ s' = s",
        'First == s[1]',
        'Small == x < 10',
        'Inv == First = 1',
      ].join('\n'),
      'INIT Init\nNEXT Next\nINVARIANT Small Inv\n',
    );
    expect(result.error).toMatchObject({
      kind: 'eval',
      message: expect.stringMatching(/^Evaluating invariant Inv failed\.\n\S/),
      range: { start: { line: 8 } },
    });
    expect(result.error?.trace?.states.length).toBe(3);
    expect(code).toBe(EXIT.evalError);
  });

  it("the depth at an invariant that fails to evaluate is the failing state's level, as in TLC", async () => {
    // TLC 2.20: 8 states generated, 8 distinct, 5 left on queue, depth 3 (the trace's length:
    // the failing state is recorded before its invariants are evaluated). One worker said depth
    // 2, two workers 3. (TLC goes on recording the expanded state's later successors after the error,
    // 8 distinct and 5 queued where we stop at 7 and 4: not emulated.)
    const { result } = await check(
      [
        'VARIABLE s',
        'Init == x = 0 /\\ s = <<1>>',
        "Next == \\E i \\in 1..5 : x' = x + i /\\ s' = IF x = 1 /\\ i = 2 THEN <<>> ELSE s",
        'Inv == s[1] = 1',
      ].join('\n'),
      'INIT Init\nNEXT Next\nINVARIANT Inv\n',
    );
    expect(result.error?.message).toMatch(/^Evaluating invariant Inv failed/);
    expect(result).toMatchObject({ generatedStates: 8, depth: 3 });
  });

  it("so is a PROPERTY whose []P or [][A]_v part fails to evaluate, in TLC 2.20's words", async () => {
    const body = [
      'VARIABLE s',
      'Init == x = 0 /\\ s = <<1>>',
      "Next == x' = x + 1 /\\ s' = IF x = 1 THEN <<>> ELSE s",
      'Spec == Init /\\ [][Next]_<<x, s>>',
      'First == s[1]',
      'P == [](First = 1)',
      "A == [][First = 1 => x' > x]_x",
    ].join('\n');
    for (const [prop, header] of [
      ['P', 'Evaluating invariant P failed.'],
      ['A', 'Evaluating action property A failed.'],
    ]) {
      const { result } = await check(body, `SPECIFICATION Spec\nPROPERTY ${prop}\n`);
      expect(result.error, prop).toMatchObject({
        kind: 'eval',
        message: expect.stringMatching(new RegExp(`^${header.replace(/\./g, '\\.')}\n\\S`)),
        range: { start: { line: 8 } },
      });
    }
  });
});
