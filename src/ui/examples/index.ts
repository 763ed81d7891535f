/// <reference types="vite/client" />
/**
 * The example gallery. Each example's folder holds its spec, its model and `meta.ts`
 * (description, tags, stated result, exercise); examples.test.ts checks every stated result with
 * the engine. The example the app opens on is bundled as text, so the editor has something to
 * show without a round trip; the others' files are separate chunks, fetched when opened, so that
 * the gallery costs the first load only its descriptions.
 */
import dieHardSpec from './DieHard/DieHard.tla?raw';
import dieHardCfg from './DieHard/DieHard.cfg?raw';
import twoPhaseSpec from './TwoPhase/TwoPhase.tla?raw';
import twoPhaseCfg from './TwoPhase/TwoPhase.cfg?raw';
import { dieHard } from './DieHard/meta';
import { dieHardQuint } from './DieHardQuint/meta';
import { durableStep } from './DurableStep/meta';
import { ewd998 } from './EWD998/meta';
import { idempotentQueue } from './IdempotentQueue/meta';
import { lockServer } from './LockServer/meta';
import { lossyRetry } from './LossyRetry/meta';
import { paxos } from './Paxos/meta';
import { paymentRetry } from './PaymentRetry/meta';
import { staleReconcile } from './StaleReconcile/meta';
import { twoPhase } from './TwoPhase/meta';
import type { Example, ExampleMeta } from './types';

export type { Edit, Example, ExampleMeta, ExampleTag, ExpectedResult, Goal } from './types';

/** Every example, in the gallery's order. */
export const gallery: ExampleMeta[] = [
  dieHard,
  twoPhase,
  paxos,
  lockServer,
  idempotentQueue,
  staleReconcile,
  durableStep,
  paymentRetry,
  ewd998,
  lossyRetry,
  dieHardQuint,
];

/** The examples bundled with their files: the one the app opens on, and TwoPhase. */
export const examples: Example[] = [
  { ...dieHard, files: { 'DieHard.tla': dieHardSpec, 'DieHard.cfg': dieHardCfg } },
  { ...twoPhase, files: { 'TwoPhase.tla': twoPhaseSpec, 'TwoPhase.cfg': twoPhaseCfg } },
];

export const defaultExample = examples[0];

const sources = import.meta.glob<string>(
  ['./*/*.tla', './*/*.cfg', './*/*.qnt', '!./DieHard/*', '!./TwoPhase/*'],
  { query: '?raw', import: 'default' },
);
const loading = new Map<string, Promise<Example>>();
const loaded = new Map<string, Example>();

/** The example with its files if they are at hand (bundled, or fetched before); no fetch. */
export function loadedExample(id: string): Example | undefined {
  return examples.find((e) => e.id === id) ?? loaded.get(id);
}

/** An example's files, in the tabs' order: `${mainModule}.tla` and its .cfg, or its Quint file. */
export function exampleFileNames(meta: ExampleMeta): string[] {
  return meta.quint ? [meta.quint.file] : [`${meta.mainModule}.tla`, meta.cfgFile];
}

/** The example with its files (fetched once, then kept). */
export function loadExample(meta: ExampleMeta): Promise<Example> {
  const bundled = examples.find((e) => e.id === meta.id);
  if (bundled) return Promise.resolve(bundled);
  let example = loading.get(meta.id);
  if (!example) {
    example = (async () => {
      const files: Record<string, string> = {};
      for (const name of exampleFileNames(meta)) {
        const load = sources[`./${meta.id}/${name}`];
        if (!load) throw new Error(`The example ${meta.id} has no file ${name}`);
        files[name] = await load();
      }
      const example = { ...meta, files };
      loaded.set(meta.id, example);
      return example;
    })();
    loading.set(meta.id, example);
    // A failed fetch (offline before the chunk was cached) may be retried.
    example.catch(() => loading.delete(meta.id));
  }
  return example;
}
