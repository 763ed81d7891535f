/**
 * What the editor asks of the front end, as pure functions of an analysis (analyze.ts): the
 * outline of a module, where the name under the cursor is defined (in whichever module), and the
 * source text of that definition for a hover.
 */
import type { Expr, Module, Position, Range, Unit } from '../ast/ast';
import type { Analysis } from '../analyze/analyze';
import { childExprs, unitExprs } from '../ast/ast-walk';
import { getExtras } from '../ast/module-extras';
import type { SymbolInfo, SymbolKind } from '../analyze/symbols';

export type OutlineKind =
  | 'variable'
  | 'constant'
  | 'operator'
  | 'function'
  | 'instance'
  | 'assumption'
  | 'theorem'
  | 'module';

export interface OutlineItem {
  name: string;
  kind: OutlineKind;
  /** The whole declaration or definition. */
  range: Range;
  /** Where the name is written: what to select. */
  nameRange: Range;
  /** Parameters, e.g. `(p, F(_))`, or the instantiated module. */
  detail?: string;
  local?: boolean;
  /** The definitions of a nested module. */
  children?: OutlineItem[];
}

/** The module's declarations and definitions in source order (theorems included). */
export function outline(module: Module): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const u of module.units) items.push(...unitOutline(u));
  for (const t of getExtras(module).theorems.values()) {
    items.push({ name: t.name, kind: 'theorem', range: t.range, nameRange: t.nameRange });
  }
  return items.sort((a, b) => compare(a.range.start, b.range.start));
}

function unitOutline(u: Unit): OutlineItem[] {
  const params = (ps: { name: string; arity: number }[]) =>
    ps.length === 0
      ? undefined
      : `(${ps.map((p) => (p.arity === 0 ? p.name : `${p.name}(${new Array(p.arity).fill('_').join(', ')})`)).join(', ')})`;
  switch (u.kind) {
    case 'Variables':
      return u.names.map((n) => ({
        name: n.name,
        kind: 'variable',
        range: u.range,
        nameRange: n.range,
      }));
    case 'Constants':
      return u.decls.map((d) => ({
        name: d.name,
        kind: 'constant',
        range: u.range,
        nameRange: d.range,
        detail: d.arity > 0 ? params([{ name: '', arity: d.arity }])?.slice(1, -1) : undefined,
      }));
    case 'OpDef':
      return [
        {
          name: u.name,
          kind: 'operator',
          range: u.range,
          nameRange: u.nameRange,
          detail: params(u.params),
          local: u.local,
        },
      ];
    case 'FcnDef':
      return [
        { name: u.name, kind: 'function', range: u.range, nameRange: u.nameRange, local: u.local },
      ];
    case 'Instance':
      return u.name === undefined || !u.nameRange
        ? []
        : [
            {
              name: u.name,
              kind: 'instance',
              range: u.range,
              nameRange: u.nameRange,
              detail: `INSTANCE ${u.module}`,
              local: u.local,
            },
          ];
    case 'Assume':
      return [{ name: u.name ?? 'ASSUME', kind: 'assumption', range: u.range, nameRange: u.range }];
    case 'Submodule':
      return [
        {
          name: u.module.name,
          kind: 'module',
          range: u.range,
          nameRange: u.module.range,
          children: outline(u.module),
        },
      ];
    default:
      return [];
  }
}

export interface DefinitionTarget {
  name: string;
  kind: SymbolKind | 'module';
  /** The module the definition is in. */
  module: string;
  /** The file of that module, when the analysis read one. */
  file?: string;
  /** Undefined for what the engine's library defines (Naturals' `+`, Sequences' `Len`, …). */
  range?: Range;
  nameRange?: Range;
  /** Parameter arities, for signatures. */
  paramArities?: number[];
}

/**
 * The definition of the name at `position` in module `moduleName` (a top-level module: the
 * position may be in a module nested in it).
 */
export function definitionAt(
  analysis: Analysis,
  moduleName: string,
  position: Position,
): DefinitionTarget | undefined {
  let module = findModule(analysis, moduleName);
  for (let inner = module && nestedAt(module, position); inner; inner = nestedAt(inner, position))
    module = inner;
  if (!module) return undefined;
  const name = module.name;
  for (const ext of module.extends)
    if (contains(ext.range, position)) return moduleTarget(analysis, ext.name);
  const found = { depth: -1, target: undefined as DefinitionTarget | undefined };
  const consider = (depth: number, target: DefinitionTarget | undefined) => {
    if (target && depth > found.depth) Object.assign(found, { depth, target });
  };
  const visitExpr = (e: Expr, depth: number): void => {
    if (e.range.module !== name || !contains(e.range, position)) return;
    const symbol = analysis.resolved.get(e);
    if (symbol) consider(depth, symbolTarget(analysis, symbol));
    for (const b of boundsOf(e))
      if (contains(b.range, position))
        consider(depth + 1, patternTarget(analysis, b.name, b.range));
    for (const c of childExprs(e)) visitExpr(c, depth + 1);
  };
  const visitUnits = (units: Unit[]): void => {
    for (const u of units) {
      if (!contains(u.range, position)) continue;
      const self = definitionOfUnit(analysis, u, name, position);
      if (self) return consider(0, self);
      if (u.kind === 'Instance' && contains(u.moduleRange, position))
        return consider(0, moduleTarget(analysis, u.module));
      for (const e of unitExprs(u)) visitExpr(e, 1);
    }
  };
  visitUnits(module.units);
  return found.target;
}

export interface Hover {
  target: DefinitionTarget;
  /** The definition's source, up to HOVER_LINES lines; a signature for library definitions. */
  text: string;
}

const HOVER_LINES = 8;

export function hoverAt(
  analysis: Analysis,
  moduleName: string,
  position: Position,
): Hover | undefined {
  const target = definitionAt(analysis, moduleName, position);
  if (!target) return undefined;
  const source = target.file === undefined ? undefined : analysis.sources.get(target.file);
  // TLC's standard modules hold placeholders for what it implements in Java (`a + b == {a, b}`):
  // show only how the operator is called.
  if (source && target.range && target.file?.startsWith('library/standard/')) {
    const head = source.split('\n')[target.range.start.line - 1].split('==')[0].trim();
    return { target, text: `${head}  (module ${target.module})` };
  }
  if (!source || !target.range) {
    const arities = target.paramArities ?? [];
    const params = arities.length
      ? `(${arities.map((a) => (a === 0 ? '_' : `_(${new Array(a).fill('_').join(', ')})`)).join(', ')})`
      : '';
    return { target, text: `${target.name}${params}  (module ${target.module})` };
  }
  const lines = source.split('\n').slice(target.range.start.line - 1, target.range.end.line);
  const shown = lines.slice(0, HOVER_LINES);
  if (lines.length > HOVER_LINES) shown.push('…');
  return { target, text: dedent(shown).join('\n') };
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length),
  );
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0).trimEnd());
}

function symbolTarget(analysis: Analysis, symbol: SymbolInfo): DefinitionTarget {
  return {
    name: symbol.name,
    kind: symbol.kind,
    module: symbol.module,
    file: analysis.fileOf.get(symbol.module),
    range: symbol.range,
    nameRange: symbol.nameRange,
    paramArities: symbol.paramArities,
  };
}

function moduleTarget(analysis: Analysis, name: string): DefinitionTarget {
  const module = findModule(analysis, name);
  return {
    name,
    kind: 'module',
    module: name,
    file: analysis.fileOf.get(name),
    range: module?.range,
    nameRange: module?.range,
  };
}

function patternTarget(analysis: Analysis, name: string, range: Range): DefinitionTarget {
  return {
    name,
    kind: 'bound',
    module: range.module,
    file: analysis.fileOf.get(range.module),
    range,
    nameRange: range,
  };
}

/** A definition whose own name (or parameter) is under the cursor. */
function definitionOfUnit(
  analysis: Analysis,
  u: Unit,
  moduleName: string,
  position: Position,
): DefinitionTarget | undefined {
  const file = analysis.fileOf.get(moduleName);
  const at = (
    name: string,
    kind: SymbolKind,
    range: Range,
    nameRange: Range,
  ): DefinitionTarget => ({ name, kind, module: moduleName, file, range, nameRange });
  if (
    'nameRange' in u &&
    u.nameRange &&
    contains(u.nameRange, position) &&
    'name' in u &&
    u.name !== undefined
  ) {
    return at(
      u.name,
      u.kind === 'Instance' ? 'instance' : u.kind === 'FcnDef' ? 'function' : 'operator',
      u.range,
      u.nameRange,
    );
  }
  if (u.kind === 'Variables')
    for (const v of u.names)
      if (contains(v.range, position)) return at(v.name, 'variable', u.range, v.range);
  if (u.kind === 'Constants' || u.kind === 'Recursive') {
    for (const d of u.decls)
      if (contains(d.range, position))
        return at(d.name, u.kind === 'Constants' ? 'constant' : 'recursive', u.range, d.range);
  }
  if (u.kind === 'OpDef' || u.kind === 'Instance') {
    for (const p of u.params)
      if (contains(p.range, position)) return at(p.name, 'parameter', p.range, p.range);
  }
  return undefined;
}

/** Names bound by an expression (quantifiers, CHOOSE, set and function constructors). */
function boundsOf(e: Expr): { name: string; range: Range }[] {
  const bounds =
    e.kind === 'Quant' || e.kind === 'SetMap' || e.kind === 'FcnCtor'
      ? e.bounds
      : e.kind === 'SetFilter' || e.kind === 'Choose'
        ? [e.bound]
        : [];
  return bounds.map((b) => ({
    name: b.pattern.kind === 'Var' ? b.pattern.name : b.pattern.names.join(', '),
    range: b.pattern.range,
  }));
}

function nestedAt(module: Module, position: Position): Module | undefined {
  for (const u of module.units)
    if (u.kind === 'Submodule' && contains(u.range, position)) return u.module;
  return undefined;
}

function findModule(analysis: Analysis, name: string): Module | undefined {
  const search = (modules: Iterable<Module>): Module | undefined => {
    for (const m of modules) {
      if (m.name === name) return m;
      const inner = search(m.units.flatMap((u) => (u.kind === 'Submodule' ? [u.module] : [])));
      if (inner) return inner;
    }
    return undefined;
  };
  return search(analysis.modules.values());
}

function contains(range: Range, p: Position): boolean {
  return compare(range.start, p) <= 0 && compare(p, range.end) < 0;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
