/** Browser entry of the checker worker: a module Web Worker that Vite builds into its own chunk. */
import * as Comlink from 'comlink';
import { createCheckerApi } from './checkerApi';

Comlink.expose(createCheckerApi());
