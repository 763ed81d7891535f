// Node loads the TypeScript worker through the CLI's loaders (src/cli/register.mjs), registered
// inside this thread, so the same source runs in worker_threads with no build step (tests, CLI).
await import('../src/cli/register.mjs');
await import('./checker.node.ts');
