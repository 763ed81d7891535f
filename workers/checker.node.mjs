// Node loads the TypeScript worker through tsx's loader, registered inside this thread, so the
// same source runs in worker_threads with no build step (tests, CLI).
import { register } from 'tsx/esm/api';

register();
await import('./checker.node.ts');
