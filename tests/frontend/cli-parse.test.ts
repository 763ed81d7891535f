/** `specstage parse`: diagnostics as file:line:column on stderr, exit codes, --lib lookup. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runParse } from '../../src/cli/parse';
import { CORPUS, moduleText } from './support';

let stderr = '';
function captureStderr(): void {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
}

afterEach(() => vi.restoreAllMocks());

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'specstage-parse-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('specstage parse', () => {
  it('exits 0 with nothing printed for a spec with no problem', async () => {
    captureStderr();
    expect(await runParse([join(CORPUS, 'examples/DieHard/DieHard.tla')])).toBe(0);
    expect(stderr).toBe('');
  });

  it('prints file:line:column: message [code] for each problem, in the module it is in, and exits 150', async () => {
    const dir = tempDir({
      'Spec.tla': moduleText('Spec', 'EXTENDS Lib\nInit == Helper(1, 2) /\\ y = 1'),
      'Lib.tla': moduleText('Lib', 'Helper(a) == a + 1'),
    });
    captureStderr();
    expect(await runParse([join(dir, 'Spec.tla')])).toBe(150);
    expect(stderr.split('\n')).toEqual([
      `${join(dir, 'Lib.tla')}:2:14: \`+\` is not defined (it is defined in Naturals: EXTENDS missing?) [undefined-name]`,
      `${join(dir, 'Spec.tla')}:3:9: \`Helper\` takes 1 argument, but 2 are given [arity]`,
      `${join(dir, 'Spec.tla')}:3:25: \`y\` is not defined [undefined-name]`,
      '3 errors in Spec.tla',
      '',
    ]);
  });

  it('finds modules in --lib directories', async () => {
    const dir = tempDir({
      'spec/Spec.tla': moduleText('Spec', 'EXTENDS Lib\nA == Helper'),
      'lib/Lib.tla': moduleText('Lib', 'Helper == 1'),
    });
    captureStderr();
    expect(await runParse([join(dir, 'spec/Spec.tla')])).toBe(150);
    expect(stderr).toContain('cannot find module Lib');
    captureStderr();
    expect(await runParse([join(dir, 'spec/Spec.tla'), '--lib', join(dir, 'lib')])).toBe(0);
    expect(stderr).toBe('');
  });

  it('exits 154 on a bad command line and 155 on an unreadable file', async () => {
    captureStderr();
    expect(await runParse([])).toBe(154);
    expect(await runParse(['A.tla', '--bogus'])).toBe(154);
    expect(await runParse(['/nonexistent/Spec.tla'])).toBe(155);
    expect(stderr).toContain('cannot read /nonexistent/Spec.tla');
  });
});
