/**
 * Vite plugin (build only): writes `sw.js` into the build, from sw.ts with the build's file list.
 *
 * It runs after everything is written, and lists the output folder itself rather than Vite's
 * bundle, so that what the worker builds and the assets emit (the checker worker, Monaco's
 * workers, the parser's .wasm) are all in it. The version is a hash of every file's path and
 * contents: a build that changes nothing keeps the same worker, any other gets a new one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { Plugin, ResolvedConfig } from 'vite';

const SW_FILE = 'sw.js';
const source = new URL('./sw.ts', import.meta.url);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

export interface OfflineBuild {
  files: string[];
  bytes: number;
  version: string;
}

/** The precache list of a built folder: every file but the worker itself and source maps. */
export function precacheOf(outDir: string): OfflineBuild {
  const hash = createHash('sha256');
  let bytes = 0;
  const files = listFiles(outDir)
    .map((path) => relative(outDir, path).split(sep).join('/'))
    .filter((path) => path !== SW_FILE && !path.endsWith('.map'))
    .sort();
  for (const path of files) {
    const content = readFileSync(join(outDir, path));
    bytes += content.length;
    hash.update(path).update('\0').update(content);
  }
  return { files, bytes, version: hash.digest('hex').slice(0, 16) };
}

/** sw.ts as a classic worker script, with the file list and version it serves. */
export function serviceWorkerScript(build: OfflineBuild): string {
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const body = outputText.replace(/^export \{\};?\s*$/m, '');
  return (
    `const VERSION = ${JSON.stringify(build.version)};\n` +
    `const PRECACHE = ${JSON.stringify(build.files)};\n` +
    body
  );
}

export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'specstage-offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const outDir = resolve(config.root, config.build.outDir);
        const build = precacheOf(outDir);
        writeFileSync(join(outDir, SW_FILE), serviceWorkerScript(build));
        const mib = (build.bytes / 1024 / 1024).toFixed(1);
        config.logger.info(
          `offline: ${SW_FILE} precaches ${build.files.length} files, ${mib} MiB (version ${build.version})`,
        );
      },
    },
  };
}
