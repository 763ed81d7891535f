/**
 * Loading tree-sitter's runtime and the TLA+ grammar (WebAssembly), apart from the parser that
 * uses them (parser.ts): the browser's checker worker starts this from its small first script
 * while the engine's code still loads (workers/checker.worker.ts), and the engine's `initParser`
 * then finds the grammar loaded or loading. One load per thread: the first call's assets win.
 */
import { Language, Parser } from 'web-tree-sitter';

export interface ParserAssets {
  /** URL or path of web-tree-sitter's runtime (`web-tree-sitter.wasm`); omitted: its default. */
  runtimeWasm?: string;
  /** The TLA+ grammar (`tree-sitter-tlaplus.wasm`): URL, path or bytes. */
  grammarWasm: string | Uint8Array;
}

let loading: Promise<Language> | undefined;

/** The grammar, loaded once; a failed load is tried again by the next call. */
export function loadGrammar(assets: ParserAssets | Promise<ParserAssets>): Promise<Language> {
  loading ??= load(assets).catch((e: unknown) => {
    loading = undefined; // let a later call retry, e.g. after a network hiccup
    throw e;
  });
  return loading;
}

async function load(pending: ParserAssets | Promise<ParserAssets>): Promise<Language> {
  const assets = await pending;
  const runtime = assets.runtimeWasm;
  await Parser.init(runtime ? { locateFile: () => runtime } : undefined);
  return Language.load(assets.grammarWasm);
}
