/**
 * Reads what a check needs from disk, as TLC finds it: the spec, its config (by default `Spec.cfg`
 * beside `Spec.tla`), and every `.tla` module beside the spec and in each library directory. The
 * engine parses only the modules reachable from the main one, so handing it all of them is cheap
 * and spares us resolving EXTENDS / INSTANCE here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SourceFile } from '../check/contract/types';

export interface LoadedModel {
  specPath: string;
  cfgPath: string;
  mainModule: string;
  cfgText: string;
  files: SourceFile[];
}

export class LoadError extends Error {
  constructor(
    message: string,
    /** Which exit code applies: a missing config is a config error, anything else an I/O error. */
    readonly kind: 'cfg' | 'io',
  ) {
    super(message);
  }
}

/** The `.tla` files of a directory, sorted by name so that runs are reproducible. */
function modulesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new LoadError(`not a directory: ${dir}`, 'io');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tla'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadModel(spec: string, config: string | undefined, libs: string[]): LoadedModel {
  // TLC accepts the spec with or without its extension.
  const specPath = spec.endsWith('.tla') ? spec : `${spec}.tla`;
  if (!existsSync(specPath))
    throw new LoadError(`cannot read the spec: ${specPath} does not exist`, 'io');
  const mainModule = basename(specPath, '.tla');
  const cfgPath = config ?? join(dirname(specPath), `${mainModule}.cfg`);
  if (!existsSync(cfgPath)) {
    throw new LoadError(
      `cannot read the config: ${cfgPath} does not exist (give one with --config)`,
      'cfg',
    );
  }

  // The spec's own directory first: a module there hides a library module of the same name.
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const name = basename(path);
    if (seen.has(name)) return;
    seen.add(name);
    files.push({ name, text: readFileSync(path, 'utf8') });
  };
  add(specPath);
  for (const dir of [dirname(specPath), ...libs]) for (const path of modulesIn(dir)) add(path);

  return { specPath, cfgPath, mainModule, cfgText: readFileSync(cfgPath, 'utf8'), files };
}
