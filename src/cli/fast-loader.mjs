// A Node module-loader hook in front of tsx's: it transforms this package's TypeScript with
// esbuild itself, without tsx's keepNames. keepNames wraps every class in
// `static { __name(this, …) }` and named closures in `__name(…)` calls, which made the engine
// 1.5–3.6 times slower under the CLI and in Node workers than the same code in the browser
// build. tsx still resolves modules (extension-less imports) and loads everything else.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const ours = new URL('../../', import.meta.url).href;

export async function load(url, context, nextLoad) {
  const isOurTs = url.startsWith(ours) && !url.includes('/node_modules/') && /\.ts(\?.*)?$/.test(url);
  if (!isOurTs) return nextLoad(url, context);
  const path = fileURLToPath(url.replace(/\?.*$/, ''));
  const source = await readFile(path, 'utf8');
  const out = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
  });
  return { format: 'module', source: out.code, shortCircuit: true };
}
