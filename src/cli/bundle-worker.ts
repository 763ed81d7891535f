/**
 * The entry of the checker worker's bundle (launch.mjs): workers/checker.node.ts, with the
 * parser's files found from here, as in bundle-entry.ts.
 */
import { setNodeParserAssets } from '../check/check';
import { nodeParserAssets } from '../tla/parse/parser-assets-node';

setNodeParserAssets(nodeParserAssets);
await import('../../workers/checker.node');
