import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCfgError, parseConfig } from './parse';

const CORPUS = join(__dirname, '../../../shared/corpus');

function cfgFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...cfgFiles(path));
    else if (name.endsWith('.cfg')) out.push(path);
  }
  return out;
}

/** The config without ranges, for compact expectations. */
function parsed(text: string) {
  const r = parseConfig(text, 'M.cfg');
  expect(r.errors).toEqual([]);
  return JSON.parse(JSON.stringify(r.config, (k, v) => (k === 'range' ? undefined : v)));
}

function errorsOf(text: string): string[] {
  return parseConfig(text, 'M.cfg').errors.map(formatCfgError);
}

describe('parseConfig', () => {
  it('parses every .cfg of the corpus', () => {
    const files = cfgFiles(CORPUS);
    expect(files.length).toBeGreaterThan(250);
    const failures = files
      .map((f) => ({
        f,
        errors: parseConfig(readFileSync(f, 'utf8'), f).errors.map(formatCfgError),
      }))
      .filter((x) => x.errors.length > 0);
    expect(failures).toEqual([]);
  });

  it('reads every section', () => {
    expect(
      parsed(`
        SPECIFICATION Spec
        INVARIANTS TypeOK Safe
        INVARIANT Other
        PROPERTY Live
        PROPERTIES L1 L2
        CONSTRAINT Bound
        ACTION_CONSTRAINTS AC
        SYMMETRY Sym VIEW V ALIAS A POSTCONDITION Post
        CHECK_DEADLOCK FALSE`),
    ).toEqual({
      constants: [],
      specification: { name: 'Spec' },
      invariants: [{ name: 'TypeOK' }, { name: 'Safe' }, { name: 'Other' }],
      properties: [{ name: 'Live' }, { name: 'L1' }, { name: 'L2' }],
      constraints: [{ name: 'Bound' }],
      actionConstraints: [{ name: 'AC' }],
      symmetry: { name: 'Sym' },
      view: { name: 'V' },
      alias: { name: 'A' },
      postcondition: { name: 'Post' },
      checkDeadlock: false,
    });
  });

  it('reads constant values, replacements and lists spanning lines', () => {
    const c = parsed(`CONSTANT N = 3 M = -2
        S = {a, "b", {TRUE, FALSE}, {}}
      CONSTANTS x = x
        Op <- MCOp   Nat <- [ZSeq] ZSeqNat
        K = [Inner] 4
        F(1, a) = 2
        I!C = 1
        | <- NewOp`).constants;
    expect(c).toEqual([
      { kind: 'value', name: 'N', value: { kind: 'int', value: 3 } },
      { kind: 'value', name: 'M', value: { kind: 'int', value: -2 } },
      {
        kind: 'value',
        name: 'S',
        value: {
          kind: 'set',
          elems: [
            { kind: 'modelValue', name: 'a' },
            { kind: 'string', value: 'b' },
            {
              kind: 'set',
              elems: [
                { kind: 'bool', value: true },
                { kind: 'bool', value: false },
              ],
            },
            { kind: 'set', elems: [] },
          ],
        },
      },
      { kind: 'value', name: 'x', value: { kind: 'modelValue', name: 'x' } },
      { kind: 'replace', name: 'Op', by: 'MCOp' },
      { kind: 'moduleReplace', module: 'ZSeq', name: 'Nat', by: 'ZSeqNat' },
      { kind: 'value', name: 'K', module: 'Inner', value: { kind: 'int', value: 4 } },
      {
        kind: 'value',
        name: 'F',
        args: [
          { kind: 'int', value: 1 },
          { kind: 'modelValue', name: 'a' },
        ],
        value: { kind: 'int', value: 2 },
      },
      { kind: 'value', name: 'I!C', value: { kind: 'int', value: 1 } },
      { kind: 'replace', name: '|', by: 'NewOp' },
    ]);
  });

  it('skips line and nested block comments', () => {
    expect(
      parsed(`\\* a comment INIT Wrong
        (* block (* nested INIT Wrong *) still comment *)
        INIT Init \\* trailing
        NEXT Next`),
    ).toMatchObject({ init: { name: 'Init' }, next: { name: 'Next' } });
  });

  it('gives entries the range of their name in the .cfg', () => {
    const r = parseConfig('INIT\n  Init\nCONSTANT N = 3', 'X.cfg');
    expect(r.config?.init?.range).toEqual({
      module: 'X.cfg',
      start: { line: 2, column: 3 },
      end: { line: 2, column: 7 },
    });
    expect(r.config?.constants[0].range).toEqual({
      module: 'X.cfg',
      start: { line: 3, column: 10 },
      end: { line: 3, column: 15 },
    });
  });

  it('keeps string characters as TLC does (no escape processing in a .cfg)', () => {
    expect(parsed('CONSTANT S = "a\\"b"').constants[0].value).toEqual({
      kind: 'string',
      value: 'a\\"b',
    });
  });

  it('reports errors with their line and goes on to the next section', () => {
    expect(errorsOf('INIT Init\nFOO Bar\nNEXT Next')).toEqual([
      "M.cfg:2:1: expected a keyword (CONSTANT, INIT, NEXT, SPECIFICATION, INVARIANT, PROPERTY, ...), found 'FOO'",
    ]);
    expect(errorsOf('CONSTANT N 3\nINIT Init\nNEXT')).toEqual([
      "M.cfg:1:12: expected '=' or '<-' after the constant N, found '3'",
      'M.cfg:3:5: expected the name of a definition after NEXT, found end of file',
    ]);
    expect(errorsOf('INIT Init\nINIT Init2')).toEqual(['M.cfg:2:1: INIT is given twice']);
    expect(errorsOf('CHECK_DEADLOCK maybe')).toEqual([
      "M.cfg:1:16: expected TRUE or FALSE after CHECK_DEADLOCK, found 'maybe'",
    ]);
    expect(errorsOf('CONSTANT S = {a, b')).toEqual([
      "M.cfg:1:19: expected ',' or '}' in a set, found end of file",
    ]);
    expect(errorsOf('CONSTANT S =\nINIT Init')).toEqual([
      "M.cfg:2:1: expected a value after 'S =', found 'INIT'",
    ]);
    expect(errorsOf('CONSTANT N <- [M Op')).toEqual([
      "M.cfg:1:18: expected ']' after the module name, found 'Op'",
    ]);
    expect(errorsOf('CONSTANT N = 3000000000')).toEqual([
      "M.cfg:1:14: integer 3000000000 is out of TLC's range (-2^31 .. 2^31-1)",
    ]);
    expect(errorsOf('INIT Init (* open')).toEqual(['M.cfg:1:11: unterminated comment (* … *)']);
    expect(errorsOf('CONSTANT S = "abc\nINIT Init')).toEqual(['M.cfg:1:14: unterminated string']);
    expect(errorsOf('TYPE_CONSTRAINT T')).toEqual(['M.cfg:1:1: TYPE_CONSTRAINT is not supported']);
  });

  it('accepts an empty file (TLC complains later, at check time)', () => {
    expect(parsed('  \\* nothing\n')).toEqual({
      constants: [],
      invariants: [],
      properties: [],
      constraints: [],
      actionConstraints: [],
    });
  });
});
