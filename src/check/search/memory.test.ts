import { afterEach, describe, expect, it } from 'vitest';
import { heapUsage, heapWatch } from './memory';
import { checkModel } from '../check';

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

  it('counts the typed arrays the search holds, which the host leaves out of its heap size', () => {
    Object.defineProperty(perf, 'memory', {
      value: { usedJSHeapSize: 50, jsHeapSizeLimit: 100 },
      configurable: true,
    });
    let typed = 10;
    const high = heapWatch(2, () => typed);
    expect([high(), high()]).toEqual([false, false]);
    typed = 40; // 50 + 40 > 85
    expect([high(), high()]).toEqual([false, true]);
  });

  it('leaves a seen-set of typed arrays out of the host heap figure in Node (why it is counted)', async () => {
    const { getHeapStatistics } = await import('node:v8');
    const before = getHeapStatistics().used_heap_size;
    const big = new Uint32Array(16 * 1024 * 1024); // 64 MiB
    big[big.length - 1] = 1;
    const after = getHeapStatistics().used_heap_size;
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
    expect(big[big.length - 1]).toBe(1);
  });
});

describe('the memory budget', () => {
  const check = (init: string, next: string) =>
    checkModel({
      files: [
        {
          name: 'M.tla',
          text: `---- MODULE M ----\nEXTENDS Naturals\nVARIABLE x\nInit == ${init}\nNext == ${next}\n====\n`,
        },
      ],
      mainModule: 'M',
      cfg: 'INIT Init\nNEXT Next\n',
      options: { memoryBudgetBytes: 2 ** 20 },
    });

  it('holds while the initial states are enumerated (millions of them)', async () => {
    const r = await check('x \\in 1..5000000', 'UNCHANGED x');
    expect(r.stopped).toBe('memory budget');
    expect(r.distinctStates).toBeLessThan(5_000_000);
  });

  it('holds while one state’s successors are enumerated (millions of them)', async () => {
    const r = await check('x = 0', "x = 0 /\\ x' \\in 1..5000000");
    expect(r.stopped).toBe('memory budget');
    expect(r.distinctStates).toBeLessThan(5_000_000);
  });
});
