import { afterEach, describe, expect, it } from 'vitest';
import { heapUsage, heapWatch } from './memory';

describe('the heap watch', () => {
  const perf = globalThis.performance as unknown as { memory?: unknown };
  afterEach(() => {
    delete perf.memory;
  });

  it('reads the heap where the host gives it', () => {
    Object.defineProperty(perf, 'memory', {
      value: { usedJSHeapSize: 10, jsHeapSizeLimit: 100 },
      configurable: true,
    });
    expect(heapUsage()).toEqual({ used: 10, limit: 100 });
  });

  it('fires only after the heap has stayed high for several polls', () => {
    let used = 90;
    Object.defineProperty(perf, 'memory', {
      get: () => ({ usedJSHeapSize: used, jsHeapSizeLimit: 100 }),
      configurable: true,
    });
    const high = heapWatch(3);
    expect([high(), high()]).toEqual([false, false]);
    used = 50; // the collector caught up: start again
    expect(high()).toBe(false);
    used = 95;
    expect([high(), high(), high()]).toEqual([false, false, true]);
  });
});
