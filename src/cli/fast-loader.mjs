// A Node module-loader hook in front of tsx's: it transforms this package's TypeScript with
// esbuild itself, without tsx's keepNames. keepNames wraps every class in
// `static { __name(this, …) }` and named closures in `__name(…)` calls, which made the engine
// 1.5–3.6 times slower under the CLI and in Node workers than the same code in the browser
// build. tsx still resolves modules (extension-less imports) and loads everything else.
//
// The output is cached on disk (node_modules/.cache/specstage-ts, keyed by a hash of the file's
// path and text, esbuild's version and the options below), so that a worker thread or a second run
// loads our modules without starting esbuild: each worker of `--workers N` transformed the whole
// engine again (0.2 s of every worker's start).
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ours = new URL('../../', import.meta.url).href;
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/specstage-ts/', import.meta.url));
/** Part of every cache key: change it when the transform below changes. */
const TRANSFORM_VERSION = '1';
const esbuildVersion = (() => {
  try {
    return JSON.parse(
      readFileSync(new URL('../../node_modules/esbuild/package.json', import.meta.url), 'utf8'),
    ).version;
  } catch {
    return 'unknown';
  }
})();
let esbuild;

export async function load(url, context, nextLoad) {
  const isOurTs =
    url.startsWith(ours) && !url.includes('/node_modules/') && /\.ts(\?.*)?$/.test(url);
  if (!isOurTs) return nextLoad(url, context);
  const path = fileURLToPath(url.replace(/\?.*$/, ''));
  const source = await readFile(path, 'utf8');
  const key = createHash('sha1')
    .update(`${TRANSFORM_VERSION}\0${esbuildVersion}\0${path}\0${source}`)
    .digest('hex');
  const cached = `${cacheDir}${key}.js`;
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    // Not cached yet.
  }
  esbuild ??= await import('esbuild');
  const out = await esbuild.transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
    tsconfigRaw: {
      compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false },
    },
  });
  try {
    // Written aside and renamed: another thread may read the entry at the same time.
    await mkdir(cacheDir, { recursive: true });
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(temp, out.code);
    await rename(temp, cached);
  } catch {
    // A read-only install: no cache, same result.
  }
  return { format: 'module', source: out.code, shortCircuit: true };
}
