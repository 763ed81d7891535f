/**
 * Simulated behaviours against TLC's reachable graphs (the corpus' stategraphs, dumped by TLC with
 * -dump dot): every state a behaviour visits must be a state TLC reached, its first state one of
 * TLC's initial states, and every step one of TLC's transitions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgeKey, readTlcDot } from '../../../formats/dot';
import { simulateModel } from './simulate';
import type { SourceFile } from '../../contract/types';
import { canonicalStateKey } from '../../../trace/keys';

const CORPUS = join(__dirname, '../../../../../shared/corpus');
const GRAPHS = join(CORPUS, 'stategraphs');

/** The spec first, then the other modules beside it, as the CLI hands them over (the library ships with the engine). */
function sources(main: string): SourceFile[] {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const dir of [GRAPHS]) {
    const names = readdirSync(dir).filter((n) => n.endsWith('.tla'));
    names.sort((a, b) => (a === `${main}.tla` ? -1 : b === `${main}.tla` ? 1 : a.localeCompare(b)));
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      files.push({ name, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return files;
}

const SPECS = [
  'DieHard',
  'TwoPhase',
  'AsyncTerminationDetection',
  'AbstractRaft_BecomeLeader',
  'Elevator',
  'Microwave',
  'EWD998_bounded1',
  'Prisoners',
  'RaftWithReconfigBroken_Bounded',
];

describe.skipIf(!existsSync(GRAPHS))('simulation against TLC reachable graphs', () => {
  for (const name of SPECS) {
    it(`${name}: every behaviour stays in TLC's graph`, async () => {
      const tlc = readTlcDot(readFileSync(join(GRAPHS, `${name}.tla.dot`), 'utf8'));
      const r = await simulateModel({
        files: sources(name),
        mainModule: name,
        cfg: readFileSync(join(GRAPHS, `${name}.cfg`), 'utf8'),
        options: {
          behaviours: 40,
          maxSteps: 25,
          seed: 2024,
          checkDeadlock: false,
          collectTraces: true,
        },
      });
      expect(r.error).toBeUndefined();
      expect(r.result).toBe('success');
      expect(r.traces).toHaveLength(40);
      expect(r.steps).toBeGreaterThan(40);
      for (const b of r.traces!) {
        const keys = b.trace.states.map(canonicalStateKey);
        expect(tlc.initial.has(keys[0])).toBe(true);
        for (const k of keys) expect(tlc.states.has(k)).toBe(true);
        for (let i = 1; i < keys.length; i++)
          expect(tlc.edges.has(edgeKey(keys[i - 1], keys[i]))).toBe(true);
      }
    }, 60_000);
  }
});
