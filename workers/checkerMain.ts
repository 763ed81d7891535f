/**
 * The checker worker's engine side in the browser, loaded by checker.worker.ts once that has set
 * the parser's files downloading: comlink and the whole engine (most of the worker's code).
 */
import * as Comlink from 'comlink';
import { initParser, type ParserAssets } from '../src/tla/parse/parser';
import type { CheckRequest } from '../src/check/contract/types';
import type { CheckerApi } from './api';
import { createCheckerApi } from './checkerApi';
import './resultTransfer';

/**
 * Answers the page's requests; the parser loads from `assets` (started now, awaited by each
 * request). The worker warms up at once, without waiting for the page's pool to ask (the page's
 * comlink arrives later than the engine), parsing the spec the page has open (`opened`) first.
 */
export function startChecker(
  assets: Promise<ParserAssets>,
  opened: () => CheckRequest | undefined = () => undefined,
): CheckerApi {
  const load = async () => {
    const files = await assets;
    await initParser(files);
    // The parser has what it needs from the blob URLs checker.worker.ts made: let them go.
    for (const url of [files.runtimeWasm, files.grammarWasm]) {
      if (typeof url === 'string' && url.startsWith('blob:')) URL.revokeObjectURL(url);
    }
  };
  void load().catch(() => undefined); // a failure is retried, and reported, by the request
  const api = createCheckerApi(load, opened);
  Comlink.expose(api);
  void api.warm();
  return api;
}
