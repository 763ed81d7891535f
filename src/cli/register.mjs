// Registers the loaders for running this package's TypeScript in Node with no build step:
// tsx (resolution, and anything not ours), then fast-loader.mjs in front of it for our .ts files.
import { register as registerTsx } from 'tsx/esm/api';
import { register } from 'node:module';

registerTsx();
register('./fast-loader.mjs', import.meta.url);
