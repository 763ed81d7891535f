/**
 * Specs of our own (tests/conformance/own): the semantic classes met in real models, each with what
 * TLC 2.20 reports for it, recorded in expected.tsv. `tests/conformance/own.test.ts` checks us
 * against the record (and, where java is present, the record against TLC);
 * `npx tsx scripts/conformance/own.ts` records it again from TLC.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TlcOutcome } from '../../src/formats/tlc-output';
import { runTlc, tlcUnavailable } from './tlc';

export { tlcUnavailable };

export const OWN = join(import.meta.dirname, '../../tests/conformance/own');

export interface OwnCase extends TlcOutcome {
  module: string;
  config: string;
}

const COLUMNS = [
  'module',
  'config',
  'result',
  'distinctStates',
  'generatedStates',
  'depth',
  'message',
] as const;

/** Every `.cfg` of the folder with the module it belongs to (`XBad.cfg` → `X.tla`, the longest prefix). */
export function ownConfigs(): { module: string; config: string }[] {
  const modules = readdirSync(OWN)
    .filter((f) => f.endsWith('.tla'))
    .map((f) => f.slice(0, -4));
  return readdirSync(OWN)
    .filter((f) => f.endsWith('.cfg'))
    .sort()
    .map((config) => {
      const stem = config.slice(0, -4);
      const module = modules
        .filter((m) => stem.startsWith(m))
        .sort((a, b) => b.length - a.length)[0];
      if (!module) throw new Error(`no module for ${config}`);
      return { module: `${module}.tla`, config };
    });
}

export function readOwnExpected(): OwnCase[] {
  const [, ...rows] = readFileSync(join(OWN, 'expected.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const c = row.split('\t');
    return {
      module: c[0],
      config: c[1],
      result: c[2] as OwnCase['result'],
      distinctStates: Number(c[3]),
      generatedStates: Number(c[4]),
      depth: Number(c[5]),
      ...(c[6] ? { message: c[6] } : {}),
    };
  });
}

export function runTlcOn(c: { module: string; config: string }): OwnCase {
  const { output: _, ...outcome } = runTlc(OWN, c.module, c.config);
  return { ...c, ...outcome };
}

function main(): void {
  const why = tlcUnavailable();
  if (why) throw new Error(why);
  const rows = ownConfigs().map((c) => {
    const o = runTlcOn(c);
    console.log(`${c.config}: ${o.result} ${o.distinctStates} ${o.depth}`);
    return COLUMNS.map((k) => String(o[k] ?? '')).join('\t');
  });
  writeFileSync(join(OWN, 'expected.tsv'), [COLUMNS.join('\t'), ...rows].join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
