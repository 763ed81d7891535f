/**
 * The entry of the CLI's bundle (launch.mjs): the CLI, with the parser's files found from here (the
 * bundle cannot import the TypeScript file the engine names for them), and `useWorkerEntry` for
 * the launcher to give `--workers N` the worker's bundle.
 */
import { setNodeParserAssets } from '../check/check';
import { nodeParserAssets } from '../tla/parse/parser-assets-node';

setNodeParserAssets(nodeParserAssets);

export { main } from './main';
export { useWorkerEntry } from './worker-entry';
