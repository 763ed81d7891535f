// How bin/specstage loads the CLI. Loading ~250 TypeScript modules through module-loader hooks
// (register.mjs: tsx and fast-loader.mjs) cost about a second of CPU at every start, more than the
// whole check of most corpus models: Node 20 runs the hooks in a thread of their own and every
// import waits for a round trip to it. So the CLI, and the checker worker of `--workers N`, are
// bundled into plain JavaScript files with esbuild, cached in node_modules/.cache/specstage-cli/
// and rebuilt when any of their source files changed (sizes and modification times, checked at
// every start: a few milliseconds).
//
// The bundles behave as the sources: `import.meta.url` in each of our files is that file's own URL
// (paths computed from it find what they found), and the parser's files are given to the engine by
// the entries (bundle-entry.ts, bundle-worker.ts). Where no bundle can be built or written
// (esbuild missing, a read-only install), or with SPECSTAGE_BUNDLE=0, the CLI loads the sources
// through the hooks as before: the same program, slower to start.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entries = {
  cli: fileURLToPath(new URL('./bundle-entry.ts', import.meta.url)),
  worker: fileURLToPath(new URL('./bundle-worker.ts', import.meta.url)),
};
const cacheDir = `${root}node_modules/.cache/specstage-cli/`;
const manifestFile = `${cacheDir}manifest.json`;
/** Part of the cache key: change it when the build below changes. */
const BUILD_VERSION = '1';

/** The CLI's `main(argv)`, from the bundle when there is (or can be) one. */
export async function loadCli() {
  if (process.env.SPECSTAGE_BUNDLE !== '0') {
    const bundle = freshBundle() ?? (await buildBundle());
    if (bundle) {
      const cli = await import(pathToFileURL(bundle.cli).href);
      cli.useWorkerEntry(pathToFileURL(bundle.worker));
      return cli.main;
    }
  }
  await import('./register.mjs');
  return (await import('./main.ts')).main;
}

function esbuildVersion() {
  try {
    return JSON.parse(readFileSync(`${root}node_modules/esbuild/package.json`, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function stamp(file) {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

const paths = (bundles) => ({
  cli: `${cacheDir}${bundles.cli}`,
  worker: `${cacheDir}${bundles.worker}`,
});

/** The cached bundles when none of their inputs changed since they were built. */
function freshBundle() {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (m.key !== `${BUILD_VERSION} ${esbuildVersion()} ${process.version}`) return undefined;
    for (const [file, s] of Object.entries(m.inputs)) {
      if (stamp(`${root}${file}`) !== s) return undefined;
    }
    return paths(m.bundles);
  } catch {
    return undefined;
  }
}

/** `import.meta.url` in each of our files becomes that file's URL, as when it runs unbundled. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Builds and caches the bundles; undefined when it cannot (the caller falls back to the hooks). */
async function buildBundle() {
  const version = esbuildVersion();
  if (!version) return undefined;
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: entries,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: cacheDir,
      write: false,
      metafile: true,
      absWorkingDir: root,
      logLevel: 'silent',
      plugins: [ownImportMetaUrl],
      // As fast-loader.mjs: no keepNames (it slowed the engine 1.5-3.6 times).
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
    });
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: another process may read them at the same time.
    const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
    const bundles = {};
    for (const out of result.outputFiles) {
      const kind = out.path.endsWith('/worker.js') ? 'worker' : 'cli';
      const hash = createHash('sha1').update(out.text).digest('hex').slice(0, 16);
      bundles[kind] = `${kind}-${hash}.mjs`;
      writeFileSync(`${cacheDir}${bundles[kind]}${temp}`, out.text);
      renameSync(`${cacheDir}${bundles[kind]}${temp}`, `${cacheDir}${bundles[kind]}`);
    }
    if (!bundles.cli || !bundles.worker) return undefined;
    const inputs = {};
    for (const file of Object.keys(result.metafile.inputs)) {
      if (!file.includes('node_modules/')) inputs[file] = stamp(`${root}${file}`);
    }
    const manifest = { key: `${BUILD_VERSION} ${version} ${process.version}`, bundles, inputs };
    writeFileSync(`${manifestFile}${temp}`, JSON.stringify(manifest));
    renameSync(`${manifestFile}${temp}`, manifestFile);
    return paths(bundles);
  } catch {
    return undefined;
  }
}
