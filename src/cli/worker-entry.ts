/**
 * The module the CLI's checker worker threads start from: workers/checker.node.mjs (the sources,
 * through the module loaders) unless the launcher has a bundle of it (launch.mjs).
 */
let entry: URL | undefined;

export function useWorkerEntry(url: URL): void {
  entry = url;
}

export function workerEntry(): URL | undefined {
  return entry;
}
