/** The pool in a browser: each checker is a module Web Worker, bundled by Vite from the same source. */
import { CheckerPool, type PoolOptions, type WorkerHandle } from './pool';
import './resultTransfer';

function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./checker.worker.ts', import.meta.url), {
    type: 'module',
    name: 'specstage-checker',
  });
  return {
    endpoint: worker,
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
