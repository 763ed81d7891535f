import { describe, expect, it } from 'vitest';
import { inlineWorkerCode } from './inlineWorkerCode';

describe('inlineWorkerCode', () => {
  it('makes the dynamic imports of sibling chunks absolute from the page origin', () => {
    const code = 'performance.mark(`a`);import(`./checkerMain-X.js`).then(e=>e);import("./b.js")';
    expect(inlineWorkerCode(code, '/assets/')).toBe(
      'performance.mark(`a`);import(self.location.origin+`/assets/checkerMain-X.js`).then(e=>e);' +
        'import(self.location.origin+"/assets/b.js")',
    );
  });

  it('keeps the worker on its URL when the code has a static import or import.meta', () => {
    expect(inlineWorkerCode('import{a as b}from"./c.js";b()', '/assets/')).toBeUndefined();
    expect(inlineWorkerCode('import"./c.js";', '/assets/')).toBeUndefined();
    expect(inlineWorkerCode('x;import {a} from "./c.js"', '/assets/')).toBeUndefined();
    expect(inlineWorkerCode('new URL(`x`,import.meta.url)', '/assets/')).toBeUndefined();
    // A dynamic import with a space before its parenthesis is still dynamic.
    expect(inlineWorkerCode('import (`./a.js`)', '/assets/')).toBe(
      'import(self.location.origin+`/assets/a.js`)',
    );
    // One that does not name a sibling chunk would not resolve from a blob.
    expect(inlineWorkerCode('import(`../a.js`)', '/assets/')).toBeUndefined();
    expect(inlineWorkerCode('import(name)', '/assets/')).toBeUndefined();
  });

  it('keeps the worker on its URL under a relative or protocol-relative base', () => {
    expect(inlineWorkerCode('import(`./a.js`)', './assets/')).toBeUndefined();
    expect(inlineWorkerCode('import(`./a.js`)', '//cdn.example/assets/')).toBeUndefined();
  });
});
