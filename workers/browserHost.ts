/** The pool in a browser: each checker is a module Web Worker, bundled by Vite from the same source. */
import { newCheckerWorker, takeEarlyWorker } from './earlyWorker';
import { CheckerPool, type PoolOptions, type WorkerHandle } from './pool';
import './resultTransfer';

function spawnBrowserWorker(): WorkerHandle {
  // The worker the page started at load (earlyWorker.ts), already loading the engine, if any.
  const early = takeEarlyWorker();
  const worker = early?.worker ?? newCheckerWorker();
  return {
    endpoint: worker,
    busy: early?.busy,
    terminate: () => worker.terminate(),
    onCrash(callback) {
      worker.addEventListener('error', (event) => {
        callback(new Error(event.message || 'the checker worker failed to start or crashed'));
      });
    },
  };
}

export function createBrowserPool(options?: PoolOptions): CheckerPool {
  return new CheckerPool(spawnBrowserWorker, options);
}
