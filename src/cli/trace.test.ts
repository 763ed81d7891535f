/**
 * `specstage trace`: TLC's traces and ITF files to text and to share links that open at the
 * same states (decoded and replayed here as the browser does).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, EXAMPLES } from '../../scripts/conformance/corpus';
import { exploreModel } from '../check/explore/explore';
import { itfToTrace } from '../formats/itf';
import { decodeShareLink, sharePayloadOf } from '../formats/share-link';
import { libraryFile } from '../tla/library';
import { EXIT } from './exit-codes';
import { parseTraceArgs, reachableModules, runTrace } from './trace';
import { canonicalStateKey } from '../trace/keys';

const DIEHARD = join(EXAMPLES, 'DieHard/DieHard.tla');
const TLC_TEXT = join(CORPUS, 'tlc-traces/DieHard__DieHard.tlc.txt');
const TLC_JSON = join(CORPUS, 'tlc-traces/DieHard__DieHard.trace.json');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTrace(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('specstage trace', () => {
  it('prints a TLC trace as TLC does', async () => {
    const r = await run(TLC_JSON);
    expect(r.code).toBe(EXIT.success);
    expect(r.stdout).toContain(
      'State 7: <BigToSmall line 97, col 15 to line 98, col 48 of module DieHard>',
    );
    expect(r.stdout).toContain('/\\ big = 4');
  });

  for (const file of [TLC_TEXT, TLC_JSON]) {
    it(`makes a link from ${file.replace(/^.*\//, '')} with the spec that replays to TLC's states`, async () => {
      const r = await run(file, '--link', '--spec', DIEHARD, '--step', '3', '--view', 'sequence');
      expect(r.code).toBe(EXIT.success);
      const decoded = await decodeShareLink(sharePayloadOf(r.stdout)!);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const { link } = decoded;
      expect(link.modules.map((m) => m.name)).toEqual(['DieHard.tla']);
      expect(link.step).toBe(2);
      expect(link.view).toEqual({ id: 'sequence' });
      const replay = await exploreModel({
        files: link.modules,
        mainModule: link.mainModule!,
        cfg: link.cfg!.text,
        path: link.path!,
      });
      expect(replay.trace.states.map((s) => s.big)).toEqual(
        [0, 5, 2, 2, 0, 5, 4].map((n) => ({ '#bigint': String(n) })),
      );
    });
  }

  it('without a spec, the link carries the trace itself', async () => {
    const r = await run(TLC_TEXT, '--link', '--base', 'https://x.test/');
    expect(r.code).toBe(EXIT.success);
    expect(r.stdout.startsWith('https://x.test/#share=')).toBe(true);
    const decoded = await decodeShareLink(sharePayloadOf(r.stdout)!);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.link.path).toBeUndefined();
    expect(itfToTrace(decoded.link.trace!).states.map(canonicalStateKey)).toHaveLength(7);
  });

  it('refuses a trace the spec cannot produce, saying at which state (exit 152)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specstage-trace-'));
    const file = join(dir, 'bad.itf.json');
    writeFileSync(
      file,
      JSON.stringify({
        vars: ['big', 'small'],
        states: [
          { big: { '#bigint': '0' }, small: { '#bigint': '0' } },
          { big: { '#bigint': '1' }, small: { '#bigint': '0' } },
        ],
      }),
    );
    const r = await run(file, '--link', '--spec', DIEHARD);
    expect(r.code).toBe(EXIT.evalError);
    expect(r.stderr).toMatch(/not a behaviour of DieHard: The state at step 2/);
  });

  it('exit codes: bad options 154, unreadable or foreign files 155', async () => {
    expect((await run()).code).toBe(EXIT.usage);
    expect((await run(TLC_TEXT, '--view', 'pie')).code).toBe(EXIT.usage);
    expect((await run(TLC_TEXT, '--config', 'x.cfg')).code).toBe(EXIT.usage);
    expect((await run('/nonexistent/trace.json')).code).toBe(EXIT.io);
    expect((await run(DIEHARD)).code).toBe(EXIT.io);
    expect(parseTraceArgs(['t.json', '--step=2']).ok).toBe(true);
  });

  it('a link carries the modules the spec reaches, not the library that ships with specstage', () => {
    const files = [
      {
        name: 'A.tla',
        text: '---- MODULE A ----\nEXTENDS B, Naturals, Bags\nI == INSTANCE C\n====',
      },
      { name: 'B.tla', text: '---- MODULE B ----\n====' },
      { name: 'C.tla', text: '---- MODULE C ----\n====' },
      { name: 'D.tla', text: '---- MODULE D ----\n====' },
      { name: 'E.tla', text: '---- MODULE E ----\n====' },
      // The shipped text (a --lib folder holding the library): the link need not carry it.
      { name: 'Naturals.tla', text: libraryFile('Naturals')!.text },
      // A module of the user's that has a library module's name wins over it, so it travels.
      { name: 'Bags.tla', text: '---- MODULE Bags ----\nEXTENDS D\n====' },
    ];
    expect(reachableModules(files, 'A').map((f) => f.name)).toEqual([
      'A.tla',
      'B.tla',
      'Bags.tla',
      'D.tla',
      'C.tla',
    ]);
  });
});
