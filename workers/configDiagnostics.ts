/**
 * A model config's problems while it is written, before any Run: its syntax, and the names it
 * gives (INIT, NEXT, INVARIANT, PROPERTY, CONSTANT…) that the module it configures does not
 * define. The same as a check would say, found by the language worker as the user types.
 *
 * Conservative: a name counts as defined if the module, a module it EXTENDS, or a module it
 * INSTANCEs without a name defines it; when one of those could not be read, names are not judged.
 */
import { parseConfig } from '../src/cfg/parse';
import type { ModelConfig, NamedEntry } from '../src/cfg/types';
import type { Diagnostic, Module } from '../src/tla/ast/ast';
import { outline } from '../src/tla/editor/language-service';

/** What the module (with what it extends) declares, by name. */
function visibleNames(modules: Map<string, Module>, main: string): Map<string, string> | undefined {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (name: string): boolean => {
    if (seen.has(name)) return true;
    seen.add(name);
    const module = modules.get(name);
    if (!module) return false;
    for (const item of outline(module)) if (!names.has(item.name)) names.set(item.name, item.kind);
    let complete = true;
    for (const e of module.extends) complete = visit(e.name) && complete;
    for (const u of module.units)
      if (u.kind === 'Instance' && u.name === undefined) complete = visit(u.module) && complete;
    return complete;
  };
  return visit(main) ? names : undefined;
}

const ENTRY_WORDS: [keyof ModelConfig, string][] = [
  ['init', 'INIT'],
  ['next', 'NEXT'],
  ['specification', 'SPECIFICATION'],
  ['invariants', 'INVARIANT'],
  ['properties', 'PROPERTY'],
  ['constraints', 'CONSTRAINT'],
  ['actionConstraints', 'ACTION_CONSTRAINT'],
  ['symmetry', 'SYMMETRY'],
  ['view', 'VIEW'],
  ['alias', 'ALIAS'],
  ['postcondition', 'POSTCONDITION'],
];

export function configDiagnostics(
  modules: Map<string, Module>,
  main: string,
  cfgText: string,
  cfgName: string,
): Diagnostic[] {
  const { config, errors } = parseConfig(cfgText, cfgName);
  const out: Diagnostic[] = errors.map((e) => ({
    severity: 'error',
    message: e.message,
    range: e.range,
    code: 'cfg-syntax',
  }));
  const names = config && visibleNames(modules, main);
  if (!config || !names) return out;
  const undefinedName = (word: string, e: NamedEntry) =>
    out.push({
      severity: 'error',
      message: `${word} ${e.name}: module ${main} defines no ${e.name}`,
      range: e.range,
      code: 'cfg-undefined',
    });
  for (const [key, word] of ENTRY_WORDS) {
    const value = config[key] as NamedEntry | NamedEntry[] | undefined;
    for (const e of Array.isArray(value) ? value : value ? [value] : [])
      if (!names.has(e.name)) undefinedName(word, e);
  }
  for (const c of config.constants) {
    if (c.kind === 'moduleReplace' || (c.kind === 'value' && c.module)) continue;
    if (names.get(c.name) !== 'constant') {
      out.push({
        severity: 'error',
        message: `CONSTANT ${c.name}: module ${main} declares no constant ${c.name}`,
        range: c.range,
        code: 'cfg-undefined',
      });
    } else if (c.kind === 'replace' && !names.has(c.by)) {
      out.push({
        severity: 'error',
        message: `${c.name} <- ${c.by}: module ${main} defines no ${c.by}`,
        range: c.range,
        code: 'cfg-undefined',
      });
    }
  }
  return out;
}
