/** Node entry of the checker worker: the same API over a worker_threads parent port. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createCheckerApi } from './checkerApi';
import { installNodeParallelStats } from './nodeStats';

if (!parentPort) throw new Error('checker.node.ts must run in a worker thread');
installNodeParallelStats();
Comlink.expose(createCheckerApi(), nodeEndpoint(parentPort));
