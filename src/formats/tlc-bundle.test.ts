import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../check/check';
import { libraryFile } from '../tla/library';
import { cfgWithOptions, quintNotForTlc, tlcBundle } from './tlc-bundle';

beforeAll(ensureParser);

const spec = (name: string, body: string) => ({
  name: `${name}.tla`,
  text: `---- MODULE ${name} ----\n${body}\n====\n`,
});

describe('the bundle for TLC', () => {
  it('holds the modules the spec reaches and the library modules TLC lacks, with their licence', () => {
    const b = tlcBundle({
      files: [
        spec(
          'Main',
          "EXTENDS Naturals, Bags, SequencesExt, Helper\nVARIABLE x\nInit == x = 0\nNext == x' = x",
        ),
        spec('Helper', 'EXTENDS Functions\nH == 1'),
        spec('Unused', 'U == 2'),
      ],
      mainModule: 'Main',
      cfg: 'INIT Init\nNEXT Next\n',
      cfgName: 'Main.cfg',
    });
    const names = b.files.map((f) => f.name).sort();
    // FiniteSetsExt, Folds: what Functions and SequencesExt use. Unused: not reached. Naturals, Bags, TLC…: in TLC's jar.
    expect(names).toEqual(
      [
        'FiniteSetsExt.tla',
        'Folds.tla',
        'Functions.tla',
        'Helper.tla',
        'LICENSE.community',
        'Main.cfg',
        'Main.tla',
        'README.md',
        'SequencesExt.tla',
      ].sort(),
    );
    expect(b.fromLibrary).toEqual(['FiniteSetsExt', 'Folds', 'Functions', 'SequencesExt']);
    expect(b.fromTlc).toContain('Bags');
    expect(b.files.find((f) => f.name === 'SequencesExt.tla')!.text).toBe(
      libraryFile('SequencesExt')!.text,
    );
    const readme = b.files.find((f) => f.name === 'README.md')!.text;
    expect(readme).toContain('tlc2.TLC -workers auto -config Main.cfg Main');
    expect(readme).toContain('tlc2.tool.distributed.TLCServer -config Main.cfg Main');
    expect(readme).toContain('tlc2.tool.distributed.TLCWorker SERVER_ADDRESS');
    expect(readme).toContain('-recover');
  });

  it("a module beside the spec with a library name is the user's and travels as written", () => {
    const own = spec('Functions', 'Range(f) == {}');
    const b = tlcBundle({
      files: [spec('M', 'EXTENDS Functions\nA == Range(<<>>)'), own],
      mainModule: 'M',
      cfg: '',
    });
    expect(b.files.find((f) => f.name === 'Functions.tla')!.text).toBe(own.text);
    expect(b.fromLibrary).toEqual([]);
  });

  it("writes the Deadlock setting into the .cfg, replacing the file's own", () => {
    expect(cfgWithOptions('INIT I\nNEXT N\nCHECK_DEADLOCK TRUE\n', { checkDeadlock: false })).toBe(
      'INIT I\nNEXT N\n\\* set by specstage (the Deadlock setting)\nCHECK_DEADLOCK FALSE\n',
    );
    expect(cfgWithOptions('INIT I\nNEXT N', {})).toBe('INIT I\nNEXT N');
  });
});

describe('what TLC would stop at', () => {
  it('names a module the spec extends that no file or library has, and syntax errors', () => {
    const b = tlcBundle({
      files: [spec('M', 'EXTENDS Naturals, Nowhere\nA == 1 +')],
      mainModule: 'M',
      cfg: '',
    });
    expect(b.problems).toContain('module Nowhere is in no file and not in the library');
    expect(b.problems.some((p) => /^module M, line \d+: /.test(p))).toBe(true);
    const clean = tlcBundle({
      files: [spec('M', 'EXTENDS Naturals\nA == 1')],
      mainModule: 'M',
      cfg: '',
    });
    expect(clean.problems).toEqual([]);
  });
});

describe('a Quint spec', () => {
  it('is not for TLC, and the message says what to use instead', () => {
    const said = quintNotForTlc('specs/two_phase_commit.qnt')!;
    expect(said).toMatch(
      /^specs\/two_phase_commit\.qnt is a Quint spec, and TLC does not read Quint/,
    );
    expect(said).toContain('quint verify');
    expect(quintNotForTlc('Spec.tla')).toBeUndefined();
  });
});
