/**
 * Where the parser's two WebAssembly files are in Node (CLI, tests, `worker_threads`): resolved
 * from node_modules relative to this file, so it works from any working directory. Browser code
 * uses parser-assets-browser.ts instead; only this file touches `node:` modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParserAssets } from './parser';

export function nodeParserAssets(): ParserAssets {
  const require = createRequire(import.meta.url);
  return {
    runtimeWasm: require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    // Bytes rather than a path: web-tree-sitter would otherwise guess how to read the path.
    grammarWasm: readFileSync(
      require.resolve('@tlaplus/tree-sitter-tlaplus/tree-sitter-tlaplus.wasm'),
    ),
  };
}
