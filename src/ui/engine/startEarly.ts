/**
 * Imported first by src/main.tsx, so that it runs before the rest of the app's modules evaluate:
 * the first checker worker starts loading the engine and the parser now (workers/earlyWorker.ts),
 * while React and the editor load, and a Run clicked at once is not a cold start (issue #23).
 */
import { startCheckerEarly } from '../../../workers/earlyWorker';

startCheckerEarly();
