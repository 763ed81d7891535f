/**
 * The engine's heap as its host reports it, for the memory budget's last line of defence: the
 * search's own estimate (seen-set, queue) can be far below the truth when states are large, and a
 * tab or a process that runs out of heap dies without a word. Chrome gives `performance.memory`;
 * Node gives V8's heap statistics (loaded by `probeNodeHeap`, as `node:v8` is not in a browser).
 */
export interface HeapUsage {
  used: number;
  limit: number;
}

let nodeHeap: (() => HeapUsage) | undefined;

/** Loads Node's heap statistics when running in Node; a no-op elsewhere. */
export async function probeNodeHeap(): Promise<void> {
  if (nodeHeap) return;
  const isNode = typeof process !== 'undefined' && !!process.versions?.node;
  if (!isNode) return;
  const name = 'node:v8';
  const v8 = (await import(/* @vite-ignore */ name)) as {
    getHeapStatistics(): { used_heap_size: number; heap_size_limit: number };
  };
  nodeHeap = () => {
    const h = v8.getHeapStatistics();
    return { used: h.used_heap_size, limit: h.heap_size_limit };
  };
}

export function heapUsage(): HeapUsage | undefined {
  const memory = (
    globalThis as { performance?: { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } } }
  ).performance?.memory;
  if (memory && memory.jsHeapSizeLimit > 0)
    return { used: memory.usedJSHeapSize, limit: memory.jsHeapSizeLimit };
  return nodeHeap?.();
}

/** Share of the heap limit in use at which a search stops, once it has stayed there a while. */
export const HEAP_STOP_FRACTION = 0.85;

/**
 * Says when the heap has stayed above the stop fraction for `polls` polls in a row: one reading
 * can be garbage the collector has not yet reclaimed.
 *
 * `typedBytes` gives the bytes the search holds in typed arrays (its seen-set, parent links,
 * fingerprints), counted as used: their backing stores live outside the JavaScript heap, so
 * neither V8's used heap size (Node) nor `performance.memory.usedJSHeapSize` (Chrome) includes
 * them, though they take the same memory (on a large model, more than the heap's states do).
 */
export function heapWatch(polls = 3, typedBytes: () => number = () => 0): () => boolean {
  let high = 0;
  return () => {
    const h = heapUsage();
    if (!h) return false;
    high = h.used + typedBytes() > h.limit * HEAP_STOP_FRACTION ? high + 1 : 0;
    return high >= polls;
  };
}
