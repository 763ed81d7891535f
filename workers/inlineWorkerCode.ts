/**
 * The checker worker's bootstrap (workers/checker.worker.ts, a self-contained chunk of about 1.4 KB)
 * as code a blob worker can run: its dynamic imports of sibling chunks made absolute (a blob URL
 * is no base for `./x.js`). Undefined when that cannot be done safely (a static import, an
 * `import.meta`, or a base that is not an absolute path): the page then starts the worker from
 * its URL.
 */
export function inlineWorkerCode(code: string, dir: string): string | undefined {
  if (!dir.startsWith('/') || dir.startsWith('//')) return undefined;
  // `import(` is a dynamic import and `import.meta` is excluded below; any other `import` is static.
  if (/(^|[^\w$.])import\s*(?![\s(])/.test(code) || code.includes('import.meta')) return undefined;
  const inline = code.replace(
    /\bimport\s*\((["'`])\.\//g,
    (_m, quote: string) => `import(self.location.origin+${quote}${dir}`,
  );
  // Any other relative import (`../x.js`, a computed one) would not resolve from a blob.
  return /\bimport\s*\((?!self\.location\.origin\+)/.test(inline) ? undefined : inline;
}
