/**
 * Which module and config the model checks, as files are opened, added and renamed: the model
 * follows the file being edited when that file has a partner of its name (`Mutex.tla` with
 * `Mutex.cfg`), so that Run checks what the user is writing, not a template left selected.
 */
import type { ModelSettings, QuintModel } from './state';

const stem = (name: string) => name.replace(/\.(tla|cfg)$/, '');

/** The model once `name` is the file being edited. */
export function modelFollowing(
  files: Record<string, string>,
  name: string,
  model: ModelSettings,
): ModelSettings {
  // A Quint model stays one until the side panel switches it back (and a TLA+ one, the other way).
  if (model.quint || !/\.(tla|cfg)$/.test(name)) return model;
  const base = stem(name);
  const cfg = `${base}.cfg`;
  if (!(`${base}.tla` in files) || !(cfg in files)) return model;
  if (model.mainModule === base && model.cfgFile === cfg) return model;
  return { ...model, mainModule: base, cfgFile: cfg };
}

/** The files with `from` renamed `to`, in the same place; a module's header takes the new name. */
export function renameInFiles(
  files: Record<string, string>,
  from: string,
  to: string,
): Record<string, string> {
  let text = files[from];
  if (from.endsWith('.tla') && to.endsWith('.tla')) {
    const before = stem(from);
    text = text.replace(/^(\s*-{4,}\s*MODULE\s+)(\w+)/m, (header, start: string, name: string) =>
      name === before ? `${start}${stem(to)}` : header,
    );
  }
  return Object.fromEntries(
    Object.entries(files).map(([name, t]) => (name === from ? [to, text] : [name, t])),
  );
}

/** The model with a renamed module or config still named. */
export function modelAfterRename(model: ModelSettings, from: string, to: string): ModelSettings {
  if (model.quint) {
    // A Quint model names its file; its main module is declared inside it, not by the name.
    return model.quint.file === from ? { ...model, quint: { ...model.quint, file: to } } : model;
  }
  if (from.endsWith('.tla') && model.mainModule === stem(from))
    return { ...model, mainModule: stem(to) };
  if (from === model.cfgFile) return { ...model, cfgFile: to };
  return model;
}

/** The modules `main` reads among the open files: itself, and what it EXTENDS or INSTANCEs. */
export function modulesUsedBy(files: Record<string, string>, main: string): Set<string> {
  const used = new Set<string>();
  const visit = (module: string) => {
    if (used.has(module)) return;
    used.add(module);
    const text = files[`${module}.tla`];
    if (text === undefined) return;
    for (const m of text.matchAll(/\bEXTENDS\b([\w\s,]*)/g))
      for (const name of m[1].split(/[\s,]+/)) if (name) visit(name);
    for (const m of text.matchAll(/\bINSTANCE\s+(\w+)/g)) visit(m[1]);
  };
  visit(main);
  return used;
}

/** The modules a Quint file declares (`module Name {` at the start of a line). */
export function quintModulesOf(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/^\s*module\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/gm)].map(
    (m) => m[1],
  );
}

/**
 * A Quint model of `file` with Quint's default names (`init`, `step`, no invariants: the side
 * panel changes them), its main module the first the file declares.
 */
export function quintModelOf(
  file: string,
  text: string | undefined,
): { mainModule: string; quint: QuintModel } {
  return {
    mainModule: quintModulesOf(text)[0] ?? file.replace(/\.qnt$/, ''),
    quint: { file, init: 'init', step: 'step', invariants: [] },
  };
}
