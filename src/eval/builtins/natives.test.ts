/**
 * Library natives that TLC 2.20 cannot be compared with (placeholders for Java of the Community
 * Modules, TLC's registers, the fall-back to a definition's text), with hand-computed answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel, ensureParser } from '../../check/check';
import { evaluateToText } from './oracle/engine';

beforeAll(ensureParser);

const values = (ext: string[], exprs: string[]) => evaluateToText({ extends: ext, exprs });

async function check(body: string) {
  const text = `---- MODULE M ----\n${body}\nVARIABLE x\nInit == x = 0\nNext == UNCHANGED x\n====`;
  return checkModel({
    files: [{ name: 'M.tla', text }],
    mainModule: 'M',
    cfg: 'INIT Init\nNEXT Next\n',
    cfgName: 'M.cfg',
  });
}

describe('natives of placeholder definitions', () => {
  it("ChiSquare is Apache Commons Math's test (TRUE: the counts fit), never the text's TRUE", async () => {
    expect(
      await values(
        ['Statistics'],
        [
          'ChiSquare(<<50, 50>>, <<60, 40>>, "0.05")', // statistic 4, p = 0.0455
          'ChiSquare(<<50, 50>>, <<60, 40>>, "0.01")',
          'ChiSquare(<<20, 20, 20>>, <<21, 19, 20>>, "0.05")', // p = 0.951
          'ChiSquare(<<1, 1>>, <<10, 30>>, "0.05")', // expected rescaled to 20, 20: p = 0.0016
          'ChiSquare(<<1>>, <<1>>, "0.05")',
          'ChiSquare(<<1, 2>>, <<1, 2>>, "0.7")',
        ],
      ),
    ).toEqual([
      'FALSE',
      'TRUE',
      'TRUE',
      'FALSE',
      expect.stringMatching(/^error: ChiSquare: 1 expected counts/),
      expect.stringMatching(/^error: .*not in \(0, 0.5\]/),
    ]);
  });

  it('SVGElemToString writes the element, NodeOfRingNetwork places nodes on a circle', async () => {
    const [svg, ring, bad] = await values(
      ['SVG'],
      [
        'SVGElemToString(Group(<<Circle(1, 2, 3, [fill |-> "red"]), Text(0, 0, "<<a>>", <<>>)>>, [stroke_width |-> "2"]))',
        '<<NodeOfRingNetwork(10, 10, 5, 1, 4), NodeOfRingNetwork(10, 10, 5, 3, 4)>>',
        'SVGElemToString(3)',
      ],
    );
    expect(svg).toMatch(
      /^"<g stroke-width='2'><circle( (cx='1'|cy='2'|r='3'|fill='red')){4}><\/circle><text( (x='0'|y='0')){2}>&lt;&lt;a&gt;&gt;<\/text><\/g>"$/,
    );
    // cos(3π/2) is -1.8e-16: 9.999… truncated to 9, as Java's (int) does.
    expect(ring).toBe('<<[x |-> 10, y |-> 15], [x |-> 9, y |-> 5]>>');
    expect(bad).toMatch(/^error: An SVG element must be a record/);
  });

  it('IOUtils atoi reads the integers whose ToString is the string', async () => {
    expect(
      await values(['IOUtils'], ['atoi("42")', 'atoi("-17")', 'atoi("042")', 'atoi("2147483648")']),
    ).toEqual([
      '42',
      '-17',
      expect.stringMatching(/^error: atoi\("042"\): no integer/),
      expect.stringMatching(/^error: atoi/),
    ]);
  });

  it('what cannot be evaluated says why, and never evaluates the placeholder text', async () => {
    const out = await values(
      ['Naturals', 'IOUtils', 'CSV', 'Json', 'TLCExt'],
      [
        'IOExec(<<"ls">>)',
        'CSVRecords("/tmp/x.csv")',
        'JsonDeserialize("/tmp/x.json")',
        'Trace',
        'TLCFP(1)',
        'AssertError("x", 1 + 1)',
      ],
    );
    expect(out).toEqual([
      expect.stringMatching(
        /^error: IOExec of the module IOUtils cannot be evaluated by specstage: it runs a program/,
      ),
      expect.stringMatching(
        /CSVRecords of the module CSV cannot be evaluated by specstage: it reads or writes files/,
      ),
      expect.stringMatching(/JsonDeserialize of the module Json cannot be evaluated/),
      expect.stringMatching(
        /Trace of the module TLCExt cannot be evaluated by specstage: it needs the behaviour/,
      ),
      expect.stringMatching(/TLCFP of the module TLCExt cannot be evaluated/),
      expect.stringMatching(/AssertError of the module TLCExt cannot be evaluated/),
    ]);
  });
});

describe("natives and the definitions' text", () => {
  it('leave unusual arguments to the TLA+ text, which gives its own errors and values', async () => {
    expect(
      await values(
        ['SequencesExt', 'FiniteSetsExt'],
        [
          'Max({})', // the text's CHOOSE finds no element
          'InsertAt(<<1>>, 5, 9)', // out of range: the text's SubSeq error
          'RemoveAt(<<1, 2>>, 0)', // the text gives <<1, 2>> (SubSeq(s, 1, -1) is empty)
          'FlattenSeq(<<5>>)', // the text gives the only element as it is
          'Front("pq")', // strings: the text's SubSeq on strings
        ],
      ),
    ).toEqual([
      expect.stringMatching(/^error: .*CHOOSE/),
      expect.stringMatching(/^error: .*SubSeq/),
      '<<1, 2>>',
      '5',
      '"p"',
    ]);
  });

  it("a module of the user's with a library module's name keeps definitions of another arity", async () => {
    const text = '---- MODULE SequencesExt ----\nReverse(s, t) == <<t, s>>\n====';
    const r = await checkModel({
      files: [
        {
          name: 'M.tla',
          text: '---- MODULE M ----\nEXTENDS SequencesExt\nASSUME Reverse(1, 2) = <<2, 1>>\nVARIABLE x\nInit == x = 0\nNext == UNCHANGED x\n====',
        },
        { name: 'SequencesExt.tla', text },
      ],
      mainModule: 'M',
      cfg: 'INIT Init\nNEXT Next\n',
    });
    expect(r.error).toBeUndefined();
    expect(r.result).toBe('success');
  });
});

describe('TLC registers', () => {
  it('TLCGet of a register no TLCSet has set is an error, as in TLC', async () => {
    const r = await check('EXTENDS TLC\nASSUME TLCGet(3) = 0');
    expect(r.result).toBe('error');
    expect(r.error?.message).toMatch(/TLCGet\(3\) is undefined/);
  });

  it('TLCGetOrDefault and TLCGetAndSet read and set the registers', async () => {
    const r = await check(
      [
        'EXTENDS TLC, TLCExt, Integers',
        'ASSUME TLCGetOrDefault(3, 7) = 7',
        'ASSUME TLCSet(3, 10)',
        'ASSUME TLCGetOrDefault(3, 7) = 10 /\\ TLCGetOrDefault("level", 7) = 7',
        'ASSUME TLCGetAndSet(3, +, 5, 0) = 10',
        'ASSUME TLCGet(3) = 15',
      ].join('\n'),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toBe('success');
  });
});
