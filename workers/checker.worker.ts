/** Browser entry of the checker worker: a module Web Worker that Vite builds into its own chunk. */
import * as Comlink from 'comlink';
import { initParser } from '../src/tla/parse/parser';
import { browserParserAssets } from '../src/tla/parse/parser-assets-browser';
import { createCheckerApi } from './checkerApi';
import './resultTransfer';

// In Node the engine finds the parser's wasm files itself; here they are assets Vite emitted.
Comlink.expose(createCheckerApi(() => initParser(browserParserAssets())));
