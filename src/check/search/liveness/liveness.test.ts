import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check';
import type { CheckResult } from '../../contract/types';
import { FcnValue, SetValue } from '../../../core/values';
import { approxBytes } from './graph';

/**
 * A counter x in 0..3 that a process increments (Inc) until 3, and that Reset may set back to 0
 * from 3; plus `flag`, which Toggle flips. Small enough to reason about every formula by hand.
 */
function spec(fairness: string, extra = ''): string {
  return `---- MODULE Live ----
EXTENDS Naturals
VARIABLES x, flag
vars == <<x, flag>>
Init == x = 0 /\\ flag = FALSE
Inc == x < 3 /\\ x' = x + 1 /\\ UNCHANGED flag
Reset == x = 3 /\\ x' = 0 /\\ UNCHANGED flag
Toggle == flag' = ~flag /\\ UNCHANGED x
Next == Inc \\/ Reset \\/ Toggle
Spec == Init /\\ [][Next]_vars ${fairness}
${extra}
====`;
}

async function check(fairness: string, property: string, extra = ''): Promise<CheckResult> {
  const defs = `${extra}\nProp == ${property}`;
  return checkModel({
    files: [{ name: 'Live.tla', text: spec(fairness, defs) }],
    mainModule: 'Live',
    cfg: 'SPECIFICATION Spec\nPROPERTY Prop\n',
  });
}

describe('liveness', () => {
  it('<>P fails without fairness (stuttering forever in the initial state)', async () => {
    const r = await check('', '<>(x = 3)');
    expect(r.result).toBe('liveness failure');
    expect(r.uncheckedProperties).toBeUndefined();
    expect(r.violated).toBe('Prop');
    // Stuttering in the initial state: a one-state lasso looping on itself.
    expect(r.trace?.states).toHaveLength(1);
    expect(r.trace?.loop).toBe(0);
  });

  it('<>P holds under weak fairness of Inc, not under fairness of Toggle only', async () => {
    expect((await check('/\\ WF_vars(Inc)', '<>(x = 3)')).result).toBe('success');
    const r = await check('/\\ WF_vars(Toggle)', '<>(x = 3)');
    expect(r.result).toBe('liveness failure');
    // The shortest lasso toggles flag forever with x = 0.
    const t = r.trace!;
    expect(t.loop).toBe(0);
    expect(t.states.map((s) => s.flag)).toEqual([false, true]);
    expect(t.steps[1].action).toBe('Toggle');
  });

  it('fairness under a constant switch: `C => WF_vars(A)` (TLC: as IF C THEN WF_vars(A) ELSE TRUE)', async () => {
    // Was "not checked: the specification has temporal conjuncts other than WF/SF", a success.
    // TLC 2.20 on Init/[][Next]_x/(F => WF_x(Next)) with PROPERTY []<>(x = 2): F = TRUE no error,
    // F = FALSE "Temporal properties were violated".
    const on = await check('/\\ ((1 > 0) => WF_vars(Inc))', '<>(x = 3)');
    expect(on.result).toBe('success');
    expect(on.uncheckedProperties).toBeUndefined();
    const off = await check('/\\ ((0 > 1) => WF_vars(Inc))', '<>(x = 3)');
    expect(off.result).toBe('liveness failure');
  });

  it('temporal conjuncts of the spec that are not fairness are assumptions on every behaviour', async () => {
    // Were "NOT checked: temporal conjuncts other than WF/SF and []<>/<>[] conditions", and then
    // "No error has been found" where TLC finds the violation. Verdicts: TLC 2.20, same spec.
    const cases: [string, string, CheckResult['result']][] = [
      ['/\\ <>(x = 3)', '<>(x = 3)', 'success'],
      ['/\\ <>(x = 3)', '<>(x = 2 /\\ flag)', 'liveness failure'],
      ['/\\ ([]<>(x = 3) \\/ [](x = 0))', '<>(x = 3)', 'liveness failure'],
      ['/\\ ([]<>(x = 3) \\/ [](x = 0)) /\\ WF_vars(Inc)', '[]<>(x = 3)', 'success'],
      ['/\\ ([]<>(x = 3) \\/ [](x = 0)) /\\ WF_vars(Inc)', '[]<>(x = 0)', 'liveness failure'],
      ['/\\ ((x = 0) ~> (x = 3))', '<>(x = 3)', 'success'],
      ['/\\ <>[](flag)', '<>[](flag)', 'success'],
      ['/\\ <>[](flag)', '[]<>(~flag)', 'liveness failure'],
    ];
    for (const [fairness, property, verdict] of cases) {
      const r = await check(fairness, property);
      expect(r.result, `${fairness} |= ${property}`).toBe(verdict);
      expect(r.uncheckedProperties, `${fairness} |= ${property}`).toBeUndefined();
    }
  });

  it('a temporal quantifier over tuples takes each element apart (was: not checked)', async () => {
    // TLC 2.20: no error; violated.
    const holds = await check('/\\ WF_vars(Inc)', '\\A <<a, b>> \\in {<<1, 2>>} : <>(x = a + b)');
    expect(holds.result).toBe('success');
    expect(holds.uncheckedProperties).toBeUndefined();
    const fails = await check(
      '/\\ WF_vars(Inc)',
      '\\A <<a, b>> \\in {<<1, 2>>, <<0, 0>>} : [](x = a => <>(x = b + 3))',
    );
    expect(fails.result).toBe('liveness failure');
  });

  it('actions in a temporal formula other than []<>A and <>[]A: the model is refused, as by TLC', async () => {
    // TLC 2.20: "Temporal formulas containing actions must be of forms <>[]A or []<>A."
    for (const [fairness, property] of [
      ['/\\ WF_vars(Inc)', '[](x = 3 => <><<Reset>>_vars)'],
      ['/\\ [](x = 3 => <><<Reset>>_vars)', '[]<>(x = 0)'],
    ]) {
      const r = await check(fairness, property);
      expect(r.result).toBe('error');
      expect(r.error?.message).toMatch(/^Temporal formulas containing actions must be of forms/);
      expect(r.error?.range).toBeDefined();
    }
  });

  it('a property whose liveness part the search did not reach says why', async () => {
    // The invariant fails first (TLC too stops there, and says nothing of the property).
    const r = await checkModel({
      files: [
        { name: 'Live.tla', text: spec('/\\ WF_vars(Inc)', 'Prop == <>(x = 3)\nInv == x < 2') },
      ],
      mainModule: 'Live',
      cfg: 'SPECIFICATION Spec\nINVARIANT Inv\nPROPERTY Prop\n',
    });
    expect(r.result).toBe('safety failure');
    expect(r.uncheckedProperties).toEqual(['Prop']);
    expect(r.uncheckedReasons?.Prop).toContain('the search stopped at the first violation');
  });

  it('[]<>P and <>[]P', async () => {
    expect((await check('/\\ WF_vars(Inc) /\\ WF_vars(Reset)', '[]<>(x = 0)')).result).toBe(
      'success',
    );
    expect((await check('/\\ WF_vars(Inc)', '[]<>(x = 0)')).result).toBe('liveness failure');
    expect((await check('/\\ WF_vars(Inc)', '<>[](x > 0)')).result).toBe('liveness failure');
    expect((await check('/\\ WF_vars(Inc)', '<>[](x >= 0)')).result).toBe('success');
  });

  it('P ~> Q, with a quantifier over a constant set', async () => {
    expect(
      (await check('/\\ WF_vars(Inc)', '\\A i \\in 0..2 : (x = i) ~> (x = i + 1)')).result,
    ).toBe('success');
    expect((await check('', '(x = 1) ~> (x = 2)')).result).toBe('liveness failure');
    // Reset is enabled only at 3: weak fairness of Reset forces it there.
    expect((await check('/\\ WF_vars(Inc) /\\ WF_vars(Reset)', '(x = 3) ~> (x = 0)')).result).toBe(
      'success',
    );
    expect((await check('/\\ WF_vars(Inc)', '(x = 3) ~> (x = 0)')).result).toBe('liveness failure');
  });

  it('strong fairness: an action enabled infinitely often is taken', async () => {
    // Reset2 is enabled only when x = 3 and flag; Toggle keeps disabling it, so weak fairness does
    // not force it but strong fairness does.
    const extra = `Reset2 == x = 3 /\\ flag /\\ x' = 0 /\\ UNCHANGED flag
Spec2 == Init /\\ [][Inc \\/ Reset2 \\/ Toggle]_vars /\\ WF_vars(Inc) /\\ WF_vars(Toggle)`;
    const run = (f: string) =>
      checkModel({
        files: [
          {
            name: 'Live.tla',
            text: spec('', `${extra}\nS == Spec2 /\\ ${f}\nProp == <>(x = 3 /\\ ~flag) ~> (x = 0)`),
          },
        ],
        mainModule: 'Live',
        cfg: 'SPECIFICATION S\nPROPERTY Prop\n',
      });
    expect((await run('WF_vars(Reset2)')).result).toBe('liveness failure');
    expect((await run('SF_vars(Reset2)')).result).toBe('success');
  });

  it('ENABLED and []<><<A>>_v in properties', async () => {
    expect((await check('/\\ WF_vars(Toggle)', '[]<><<Toggle>>_vars')).result).toBe('success');
    expect((await check('/\\ WF_vars(Inc)', '[]<><<Toggle>>_vars')).result).toBe(
      'liveness failure',
    );
    expect((await check('', '[](ENABLED Toggle)')).result).toBe('success');
    // The search for a next state goes past alternatives that fail, and stops at the first found.
    expect(
      (
        await check(
          '',
          "[](ENABLED (\\E i \\in 1..3 : (x' = i /\\ i = 3) \\/ (x' \\in {i} /\\ i = 2)))",
        )
      ).result,
    ).toBe('success');
    expect((await check('', "[](ENABLED (\\E i \\in 1..3 : x' = i /\\ i = 4))")).result).toBe(
      'safety failure',
    );
  });

  it('safety parts: []P, [][A]_v and another spec as a property', async () => {
    const r = await check('', '[](x < 3)');
    expect(r.result).toBe('safety failure');
    expect(r.trace?.states).toHaveLength(4);
    const a = await check('', "[][x' >= x]_vars");
    expect(a.result).toBe('safety failure');
    expect(a.trace?.states).toHaveLength(5); // 0 → 1 → 2 → 3, then Reset to 0
    expect((await check('', "[][x' >= x \\/ x' = 0]_vars")).result).toBe('success');
    const refined = await check(
      '',
      'Abs',
      `Abs == x \\in 0..3 /\\ [][Inc \\/ Reset \\/ flag' # flag]_vars`,
    );
    expect(refined.result).toBe('success');
    expect(refined.uncheckedProperties).toBeUndefined();
    expect((await check('', 'x = 1')).result).toBe('safety failure');
    // A quantifier's set that depends only on an outer bound variable is kept per value of it.
    expect(
      (
        await check(
          '',
          '[](\\A n \\in 1..3 : \\A f \\in [1..n -> {0, 1}] : DOMAIN f = 1..n /\\ x \\in 0..3)',
        )
      ).result,
    ).toBe('success');
    // A definition read in both states of a step (computed once per state pair, see Ctx.memo).
    const d = 'D == 2 * x';
    expect((await check('', "[][D' = D + 2 \\/ D' = 0 \\/ D' = D]_vars", d)).result).toBe(
      'success',
    );
    const bad = await check('', "[][D' = D + 2 \\/ D' = D]_vars", d);
    expect(bad.result).toBe('safety failure');
    expect(bad.trace?.states).toHaveLength(5); // 0 → 1 → 2 → 3, then Reset to 0
  });

  it('refinement through INSTANCE … WITH: fairness of the abstract spec, ENABLED in its terms', async () => {
    // Hi's y is Low's x mod 2 (explicitly, or implicitly through a definition named y). In Hi's
    // WF_y(HNext), ENABLED HNext asks for some next y: y' is free there, not (x % 2)'.
    const hi = `---- MODULE Hi ----
EXTENDS Naturals
VARIABLE y
HNext == y' = 1 - y /\\ y' # y
HSpec == y = 0 /\\ [][HNext]_y /\\ WF_y(HNext)
====`;
    const low = (fair: string, inst: string) => `---- MODULE Low ----
EXTENDS Naturals
VARIABLE x
Next == x' = (x + 1) % 4
Spec == x = 0 /\\ [][Next]_x ${fair}
${inst}
Refines == H!HSpec
====`;
    const run = (fair: string, inst: string) =>
      checkModel({
        files: [
          { name: 'Hi.tla', text: hi },
          { name: 'Low.tla', text: low(fair, inst) },
        ],
        mainModule: 'Low',
        cfg: 'SPECIFICATION Spec\nPROPERTY Refines\n',
      });
    const ok = await run('/\\ WF_x(Next)', 'H == INSTANCE Hi WITH y <- x % 2');
    expect(ok.result).toBe('success');
    expect(ok.uncheckedProperties).toBeUndefined();
    const implicit = await run('/\\ WF_x(Next)', 'y == x % 2\nH == INSTANCE Hi');
    expect(implicit.result).toBe('success');
    expect(implicit.uncheckedProperties).toBeUndefined();
    // Without fairness Low may stop while HNext stays enabled: Hi's weak fairness is violated.
    const unfair = await run('', 'H == INSTANCE Hi WITH y <- x % 2');
    expect(unfair.result).toBe('liveness failure');
    expect(unfair.violated).toBe('Refines');
  });

  it('counts the behaviour graph in the memory budget', async () => {
    // 160,000 states: the search fits in 8 MB, the states kept for liveness (14 MB) do not.
    const text = `---- MODULE Grid ----
EXTENDS Naturals
VARIABLES x, y
Next == \\/ x < 399 /\\ x' = x + 1 /\\ UNCHANGED y
        \\/ y < 399 /\\ y' = y + 1 /\\ UNCHANGED x
        \\/ x = 399 /\\ y = 399 /\\ UNCHANGED <<x, y>>
Spec == x = 0 /\\ y = 0 /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(Next)
Prop == <>(x = 399 /\\ y = 399)
====`;
    const run = (cfg: string) =>
      checkModel({
        files: [{ name: 'Grid.tla', text }],
        mainModule: 'Grid',
        cfg,
        options: { memoryBudgetBytes: 8e6 },
      });
    const safety = await run('SPECIFICATION Spec\n');
    expect(safety.stopped).toBeUndefined();
    expect(safety.distinctStates).toBe(160000);
    const live = await run('SPECIFICATION Spec\nPROPERTY Prop\n');
    expect(live.stopped).toBe('memory budget');
    expect(live.uncheckedProperties).toEqual(['Prop']);
  });

  it('estimates the bytes of a state, without what it shares with the previous one', () => {
    const f = new FcnValue([1, 2, 3], [SetValue.of([1]), SetValue.of([2]), SetValue.of([3])]);
    const g = new FcnValue(f.domain, [f.values[0], SetValue.of([1, 2]), f.values[2]]);
    const whole = approxBytes(g, 0);
    const changed = approxBytes(g, 0, f);
    // The function, its value array and the one new set; the two shared sets are not counted.
    expect(changed).toBe(64 + (32 + 3 * 8) + 56 + (32 + 2 * 8));
    expect(whole - changed).toBe(2 * (56 + 32 + 8));
  });

  it('keeps what it cannot check in uncheckedProperties, with a reason', async () => {
    const r = await check('', '\\EE y : []<>(x = 0)');
    expect(r.uncheckedProperties).toEqual(['Prop']);
    expect(r.uncheckedReasons?.Prop).toMatch(/temporal quantification/);
  });
});
