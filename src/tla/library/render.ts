/**
 * The text of sources.generated.ts, from the library's .tla files (gen-library.ts writes it;
 * library.test.ts checks that it is up to date). Kept apart from the generator so the test can
 * call it without touching the file system.
 */
import type { Module } from '../ast/ast';

/**
 * Where the library modules come from, in the order TLC's library path has them
 * (../shared/tools/tlc): when two folders hold a module (Json, RealTime), the first wins.
 */
export const LIBRARY_DIRS = ['standard', 'community', 'tlaps', 'apalache'] as const;

export interface LibraryFileText {
  dir: string;
  fileName: string;
  text: string;
}

/** The names a module defines itself for its users: operators, functions, named instances. */
function ownDefinitions(m: Module): string[] {
  const names: string[] = [];
  for (const u of m.units) {
    if ((u.kind === 'OpDef' || u.kind === 'FcnDef') && !u.local) names.push(u.name);
    if (u.kind === 'Instance' && !u.local && u.name !== undefined) names.push(u.name);
  }
  return names;
}

export function renderLibrary(
  files: LibraryFileText[],
  parse: (text: string, fileName: string) => { module?: Module },
  licenses: Record<string, string> = {},
): string {
  const modules = new Map<string, LibraryFileText>();
  for (const f of files) {
    const name = f.fileName.replace(/\.tla$/, '');
    if (!modules.has(name)) modules.set(name, f);
  }
  const definers = new Map<string, string[]>();
  for (const [name, f] of modules) {
    const m = parse(f.text, f.fileName).module;
    if (!m) throw new Error(`${f.dir}/${f.fileName} holds no module`);
    for (const d of ownDefinitions(m)) definers.set(d, [...(definers.get(d) ?? []), name]);
  }
  const names = [...modules.keys()].sort();
  const lines = [
    '/**',
    ' * The library modules that ship with specstage, as TLA+ source, and which of them define each',
    ' * public name. Generated from src/tla/library/modules by src/tla/tools/gen-library.ts: do not',
    ' * edit by hand.',
    ' */',
    '',
    '/** Module name → folder (standard, community, tlaps, apalache) and text. */',
    'export const LIBRARY_FILES: Record<string, { dir: string; text: string }> = {',
    ...names.map((n) => {
      const f = modules.get(n)!;
      return `  ${JSON.stringify(n)}: { dir: ${JSON.stringify(f.dir)}, text: ${JSON.stringify(f.text)} },`;
    }),
    '};',
    '',
    '/** Folder → its LICENSE text (a copy of a module travels with it: `specstage export`). */',
    'export const LIBRARY_LICENSES: Record<string, string> = {',
    ...Object.keys(licenses)
      .sort()
      .map((d) => `  ${JSON.stringify(d)}: ${JSON.stringify(licenses[d])},`),
    '};',
    '',
    '/** Public name → the library modules that define it themselves. */',
    'export const LIBRARY_DEFINERS: Record<string, string[]> = {',
    ...[...definers.keys()]
      .sort()
      .map((d) => `  ${JSON.stringify(d)}: ${JSON.stringify(definers.get(d))},`),
    '};',
    '',
  ];
  return lines.join('\n');
}
