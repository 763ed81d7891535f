/**
 * Imported first by src/main.tsx, so that it runs before the rest of the app's modules evaluate:
 * the first checker worker starts loading the engine and the parser now (workers/earlyWorker.ts;
 * the built page has already started it from its head), while React and the editor load, and a
 * Run clicked at once is not a cold start (issue #23). The pool's module (comlink and the
 * browser host, kept out of the first load) starts downloading now too, rather than after the
 * app's modules have evaluated: a Run clicked as the button appears waits for it.
 */
import { startCheckerEarly } from '../../../workers/earlyWorker';

startCheckerEarly();
void import('../../../workers/browserHost').catch(() => undefined); // runCheck.ts imports it again
