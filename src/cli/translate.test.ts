import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResult } from '../check/contract/types';
import { runCheck } from './check';
import { EXIT } from './exit-codes';
import { runTranslate } from './translate';

const algorithm = (step: string): string => `---- MODULE Spec ----
EXTENDS Naturals
(* --algorithm spec
variables x = 0;
begin
  a: x := ${step};
end algorithm *)
====
`;

let dir: string;
let out: string;
let err: string[];
const deps = {
  stdout: (t: string) => {
    out += t;
  },
  stderr: (l: string) => {
    err.push(l);
  },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specstage-translate-'));
  out = '';
  err = [];
});

describe('specstage translate', () => {
  it('prints the module with its translation, as pcal.trans writes it', () => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, algorithm('x + 1'));
    expect(runTranslate([file], deps)).toBe(EXIT.success);
    expect(out).toContain('\\* BEGIN TRANSLATION (chksum(pcal) = "');
    expect(out).toContain('a == /\\ pc = "a"\n     /\\ x\' = x + 1');
    expect(err).toEqual(['Parsing completed.', 'Translation completed.']);
    expect(readFileSync(file, 'utf8')).toBe(algorithm('x + 1'));
  });

  it('--write rewrites the file, and translator options apply', () => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, algorithm('x + 1'));
    expect(runTranslate(['--write', '-wf', file], deps)).toBe(EXIT.success);
    expect(out).toBe('');
    expect(readFileSync(file, 'utf8')).toContain(
      'Spec == /\\ Init /\\ [][Next]_vars\n        /\\ WF_vars(Next)',
    );
  });

  it('--write writes the model config as pcal.trans does, unless -nocfg', () => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, algorithm('x + 1'));
    writeFileSync(join(dir, 'Spec.cfg'), 'INVARIANT Inv\n');
    expect(runTranslate(['--write', '-termination', file], deps)).toBe(EXIT.success);
    expect(readFileSync(join(dir, 'Spec.cfg'), 'utf8')).toBe(
      'SPECIFICATION Spec\nPROPERTY Termination\n\\* Add statements after this line.\nINVARIANT Inv\n',
    );
    writeFileSync(join(dir, 'Spec.cfg'), 'INVARIANT Inv\n');
    expect(runTranslate(['--write', '-nocfg', file], deps)).toBe(EXIT.success);
    expect(readFileSync(join(dir, 'Spec.cfg'), 'utf8')).toBe('INVARIANT Inv\n');
  });

  it('reports an error in the algorithm as pcal.trans does, with exit code 150', () => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, algorithm(''));
    expect(runTranslate([file], deps)).toBe(EXIT.specError);
    expect(err.join('\n')).toContain(
      'Empty right-hand side of assignment at \n    line 6, column 8',
    );
  });

  it('refuses an unknown option', () => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, algorithm('1'));
    expect(runTranslate(['-frobnicate', file], deps)).toBe(EXIT.usage);
  });
});

describe('specstage check of a PlusCal spec', () => {
  const result: CheckResult = {
    result: 'success',
    distinctStates: 2,
    generatedStates: 3,
    depth: 2,
    durationMs: 1,
    queueLeft: 0,
    output: [],
  };
  const run = async (text: string): Promise<CheckRequest> => {
    const file = join(dir, 'Spec.tla');
    writeFileSync(file, text);
    writeFileSync(join(dir, 'Spec.cfg'), 'SPECIFICATION Spec\n');
    const requests: CheckRequest[] = [];
    const code = await runCheck([file], {
      checkModel: async (req) => {
        requests.push(req);
        return result;
      },
      stdout: () => {},
      stderr: (l) => err.push(l),
    });
    expect(code).toBe(EXIT.success);
    return requests[0];
  };

  it('checks a current translation as it is, without a warning', async () => {
    writeFileSync(join(dir, 'Spec.tla'), algorithm('x + 1'));
    runTranslate(['--write', join(dir, 'Spec.tla')], deps);
    const text = readFileSync(join(dir, 'Spec.tla'), 'utf8');
    err = [];
    const req = await run(text);
    expect(req.files[0].text).toBe(text);
    expect(err.filter((l) => l.startsWith('Warning'))).toEqual([]);
  });

  it('translates first, with a warning, when the algorithm changed after its translation', async () => {
    writeFileSync(join(dir, 'Spec.tla'), algorithm('x + 1'));
    runTranslate(['--write', join(dir, 'Spec.tla')], deps);
    const edited = readFileSync(join(dir, 'Spec.tla'), 'utf8').replace(
      'a: x := x + 1',
      'a: x := x + 2',
    );
    err = [];
    const req = await run(edited);
    expect(req.files[0].text).toContain("x' = x + 2");
    expect(err.join('\n')).toMatch(
      /Warning: the PlusCal algorithm of .*Spec\.tla and its translation disagree \(the algorithm changed since it was translated/,
    );
  });

  it('checks the translation it has when the algorithm does not translate, with a warning', async () => {
    writeFileSync(join(dir, 'Spec.tla'), algorithm('x + 1'));
    runTranslate(['--write', join(dir, 'Spec.tla')], deps);
    const broken = readFileSync(join(dir, 'Spec.tla'), 'utf8').replace('a: x := x + 1', 'a: x := ');
    err = [];
    const req = await run(broken);
    expect(req.files[0].text).toBe(broken);
    expect(err.join('\n')).toContain(
      'does not translate (Empty right-hand side of assignment at line 6, column 8)',
    );
  });
});
