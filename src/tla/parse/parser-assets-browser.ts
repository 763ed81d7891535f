/// <reference types="vite/client" />
/**
 * Where the parser's two WebAssembly files are in the browser: Vite emits them as assets and
 * gives their URLs. Kept apart from parser.ts so that Node code never imports a `?url` module.
 */
import runtimeWasm from 'web-tree-sitter/web-tree-sitter.wasm?url';
import grammarWasm from '@tlaplus/tree-sitter-tlaplus/tree-sitter-tlaplus.wasm?url';
import type { ParserAssets } from './parser';

export function browserParserAssets(): ParserAssets {
  return { runtimeWasm, grammarWasm };
}
