/**
 * The library modules that ship with specstage: TLC's standard modules, the Community Modules,
 * the TLAPS library and Apalache's modules, as TLA+ source (modules/, with their licences), as
 * TLC finds them on its library path. A module the user gives (a file beside the spec, a
 * `--lib` folder) wins over these. The engine evaluates their definitions, with native
 * implementations of most operators (src/eval/builtins), as TLC does with its Java overrides.
 */
import { LIBRARY_DEFINERS, LIBRARY_FILES, LIBRARY_LICENSES } from './sources.generated';

export interface LibraryFile {
  /** `library/<folder>/<Module>.tla`: shown in messages, never a file of the user's. */
  fileName: string;
  text: string;
}

export function isLibraryModule(name: string): boolean {
  return Object.hasOwn(LIBRARY_FILES, name);
}

export function libraryModuleNames(): string[] {
  return Object.keys(LIBRARY_FILES);
}

/** The shipped source of a library module, or undefined if there is no such module. */
export function libraryFile(name: string): LibraryFile | undefined {
  if (!isLibraryModule(name)) return undefined;
  const f = LIBRARY_FILES[name];
  return { fileName: `library/${f.dir}/${name}.tla`, text: f.text };
}

/** The folder of a library module (standard, community, tlaps, apalache) and its licence text. */
export function libraryLicense(name: string): { dir: string; text: string } | undefined {
  if (!isLibraryModule(name)) return undefined;
  const dir = LIBRARY_FILES[name].dir;
  return { dir, text: LIBRARY_LICENSES[dir] };
}

/** Whether a file name is one that libraryFile gives. */
export function isLibraryFileName(fileName: string): boolean {
  return /^library\/[a-z]+\/[A-Za-z0-9_]+\.tla$/.test(fileName);
}

/** The library modules that define `name` themselves, for "EXTENDS missing?" hints. */
export function libraryModulesDefining(name: string): string[] {
  return Object.hasOwn(LIBRARY_DEFINERS, name) ? LIBRARY_DEFINERS[name] : [];
}
