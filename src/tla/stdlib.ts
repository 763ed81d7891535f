/**
 * The library modules the front end knows without a file: TLC's standard modules, TLAPS, the
 * Community Modules and proof libraries of the corpus. Their exported names and arities come from
 * stdlib-signatures.ts, generated from their TLA+ source (gen-stdlib-signatures.ts). `native`
 * marks those the engine implements itself; the others it must be given as TLA+ source.
 */
import { STDLIB_SIGNATURES } from './stdlib-signatures';
import type { SymbolInfo } from './symbols';

export function isLibraryModule(name: string): boolean {
  return Object.hasOwn(STDLIB_SIGNATURES, name);
}

/** Modules the engine provides natively (Naturals, Sequences, TLC, FiniteSetsExt, …). */
export function isNativeModule(name: string): boolean {
  return isLibraryModule(name) && STDLIB_SIGNATURES[name].native;
}

export function libraryModuleNames(): string[] {
  return Object.keys(STDLIB_SIGNATURES);
}

const cache = new Map<string, Map<string, SymbolInfo>>();

/**
 * What `EXTENDS name` brings into scope: the module's own public symbols (constants and variables
 * included), what it extends, and the definitions of its public unnamed INSTANCEs. Undefined for
 * a module the library does not have. Symbols are shared objects, so a module reached twice
 * (`EXTENDS Naturals, Integers`) gives the same symbols.
 */
export function libraryExports(name: string): Map<string, SymbolInfo> | undefined {
  if (!isLibraryModule(name)) return undefined;
  const cached = cache.get(name);
  if (cached) return cached;
  const exports = new Map<string, SymbolInfo>();
  cache.set(name, exports); // before recursing: the generated table has no cycles, but be safe
  const signature = STDLIB_SIGNATURES[name];
  for (const base of signature.extends) {
    for (const [n, s] of libraryExports(base) ?? []) exports.set(n, s);
  }
  for (const instanced of signature.instances) {
    for (const [n, s] of libraryExports(instanced) ?? []) {
      if (s.kind !== 'constant' && s.kind !== 'variable') exports.set(n, s);
    }
  }
  for (const entry of signature.symbols) {
    const symbol = decodeSymbol(entry, name);
    exports.set(symbol.name, symbol);
  }
  return exports;
}

/**
 * One entry of the table: `Len/0` (an operator with one ordinary parameter), `SelectSeq/01`
 * (its second parameter is an operator of arity 1), `Nat/` (no parameters), `c:Sym/` a constant,
 * `v:now/` a variable. The name may itself contain `/` (`\/`, `//`), hence the last slash.
 */
export function decodeSymbol(entry: string, module: string): SymbolInfo {
  const prefix = entry.slice(0, 2);
  const kind: SymbolInfo['kind'] =
    prefix === 'c:' ? 'constant' : prefix === 'v:' ? 'variable' : 'operator';
  const rest = kind === 'operator' ? entry : entry.slice(2);
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(0, slash);
  const paramArities = [...rest.slice(slash + 1)].map(Number);
  return {
    name,
    kind,
    arity: paramArities.length,
    paramArities,
    module,
    level: kind === 'variable' ? 1 : 0,
  };
}

export function encodeSymbol(symbol: SymbolInfo): string {
  const prefix = symbol.kind === 'constant' ? 'c:' : symbol.kind === 'variable' ? 'v:' : '';
  const arities = symbol.paramArities ?? new Array<number>(symbol.arity).fill(0);
  return `${prefix}${symbol.name}/${arities.join('')}`;
}

/** Native library modules that define `name` themselves, for "EXTENDS missing?" hints. */
export function libraryModulesDefining(name: string): string[] {
  return libraryModuleNames().filter(
    (m) => STDLIB_SIGNATURES[m].native && libraryExports(m)?.get(name)?.module === m,
  );
}
