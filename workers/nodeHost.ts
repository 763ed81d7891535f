/** The pool in Node: each checker is a worker_threads Worker running the same TypeScript source. */
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { CheckerPool, type PoolOptions, type WorkerHandle } from './pool';

/** Loads checker.node.ts through tsx; a built CLI may pass its compiled entry instead. */
const defaultEntry = new URL('./checker.node.mjs', import.meta.url);

export function createNodePool(options?: PoolOptions & { entry?: URL }): CheckerPool {
  const entry = options?.entry ?? defaultEntry;
  return new CheckerPool(() => spawnNodeWorker(entry), options);
}

export function spawnNodeWorker(entry: URL = defaultEntry): WorkerHandle {
  const worker = new Worker(entry);
  let terminated = false;
  return {
    endpoint: nodeEndpoint(worker),
    terminate() {
      terminated = true;
      void worker.terminate();
    },
    onCrash(callback) {
      worker.on('error', callback);
      worker.on('exit', (code) => {
        if (!terminated) callback(new Error(`the checker worker exited with code ${code}`));
      });
    },
  };
}
