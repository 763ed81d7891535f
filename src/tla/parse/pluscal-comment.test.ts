import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, moduleText } from '../../../tests/frontend/support';
import { parseModuleText } from './parser';
import { plusCalAsComment } from './pluscal-comment';

beforeAll(loadParser);

// The translator accepts an `else` with no statement (only a comment in the real spec this came
// from); the grammar does not. TLC checks the module, so must we.
const algorithm = [
  '(*--algorithm Counter',
  'variables x = 0;',
  'begin',
  'L: if x > 0 then',
  '     skip;',
  '   else',
  '     \\* nothing to do',
  '   end if;',
  'end algorithm; *)',
].join('\n');

describe('PlusCal algorithms read as the comments they are', () => {
  it('blanks the algorithm header inside block comments only, keeping every offset', () => {
    const text = `${algorithm}\nS == "--algorithm"\n(* --fair algorithm F { skip } *)`;
    const plain = plusCalAsComment(text)!;
    expect(plain).toHaveLength(text.length);
    expect(plain).toContain('(*  algorithm Counter');
    expect(plain).toContain('S == "--algorithm"');
    expect(plain).toContain('(*   fair algorithm F');
    expect(plusCalAsComment('x == 1 \\* --algorithm in a line comment')).toBeUndefined();
  });

  it('a module whose algorithm the grammar refuses still parses, with its definitions', () => {
    const text = moduleText('Counter', `EXTENDS Naturals\n${algorithm}\nVARIABLE x\nInit == x = 0`);
    const r = parseModuleText(text, 'pluscal/Counter.tla');
    expect(r.diagnostics).toEqual([]);
    expect(r.module?.name).toBe('Counter');
    expect(JSON.stringify(r.module)).toContain('"Init"');
  });

  it('a syntax error outside the algorithm is still reported, at its place', () => {
    const text = moduleText('Bad', `${algorithm}\nVARIABLE x\nInit == x = = 0`);
    const r = parseModuleText(text, 'pluscal/Bad.tla');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0].range.start.line).toBe(12);
  });
});
