import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from './args';

describe('parseCheckArgs', () => {
  it('reads every option, in both --opt value and --opt=value forms', () => {
    expect(
      parseCheckArgs([
        'Spec.tla',
        '--config',
        'Other.cfg',
        '--workers=2',
        '--json',
        '--dump-trace',
        'itf:t.json',
        '--dump-dot=g.dot',
        '--no-deadlock',
        '--lib',
        'a',
        '--lib=b',
        '--memory-budget',
        '512',
      ]),
    ).toEqual({
      ok: true,
      value: {
        spec: 'Spec.tla',
        config: 'Other.cfg',
        workers: 2,
        json: true,
        dumpTrace: { format: 'itf', file: 't.json' },
        dumpDot: 'g.dot',
        noDeadlock: true,
        libs: ['a', 'b'],
        memoryBudgetMb: 512,
        engine: 'specstage',
      },
    });
  });

  it('has TLC-like defaults', () => {
    expect(parseCheckArgs(['Spec'])).toEqual({
      ok: true,
      value: {
        spec: 'Spec',
        workers: 1,
        json: false,
        noDeadlock: false,
        libs: [],
        engine: 'specstage',
      },
    });
  });

  it('explains what is wrong', () => {
    const error = (argv: string[]) => {
      const r = parseCheckArgs(argv);
      return r.ok ? undefined : r.error;
    };
    expect(error([])).toBe('no spec given');
    expect(error(['A.tla', 'B.tla'])).toBe("one spec at a time: 'A.tla' and 'B.tla'");
    expect(error(['A.tla', '--workers', '0'])).toBe("--workers needs a positive integer, not '0'");
    expect(error(['A.tla', '--config'])).toBe('--config needs a value');
    expect(error(['A.tla', '--dump-trace', 'x.json'])).toBe(
      "--dump-trace takes itf:FILE or tlc:FILE, not 'x.json'",
    );
    expect(error(['A.tla', '--fast'])).toBe('unknown option --fast');
    expect(error(['A.tla', '--engine', 'spin'])).toBe(
      "--engine takes tlc or specstage, not 'spin'",
    );
    expect(error(['A.tla', '--memory-budget', 'lots'])).toBe(
      "--memory-budget needs a positive number of MiB, not 'lots'",
    );
    // Read by node:util's parseArgs: the cases it would read otherwise keep their meaning.
    expect(error(['A.tla', '--config='])).toBe('--config needs a value');
    expect(error(['A.tla', '-x'])).toBe('unknown option -x');
    expect(error(['A.tla', '--', 'B.tla'])).toBe('unknown option --');
    expect(error(['A.tla', '--workers', '-1'])).toBe(
      "--workers needs a positive integer, not '-1'",
    );
  });

  it("takes TLC's single-dash -deadlock", () => {
    const r = parseCheckArgs(['A.tla', '-deadlock']);
    expect(r.ok && r.value.noDeadlock).toBe(true);
    // Only as an option: a value is taken as written.
    const c = parseCheckArgs(['A.tla', '--config', '-deadlock']);
    expect(c.ok && [c.value.config, c.value.noDeadlock]).toEqual(['-deadlock', false]);
  });
});
