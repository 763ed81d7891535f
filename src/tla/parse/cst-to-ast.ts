/**
 * CST → AST for a whole file: the top-level modules it holds (SANY accepts several modules in one
 * file and lets the first use the others, e.g. braf/BufferedRandomAccessFile.tla), each with its
 * EXTENDS list and units (cst-units.ts), expressions (cst-expr.ts).
 */
import type { Diagnostic, Module } from '../ast/ast';
import {
  type ConvertContext,
  type Converters,
  type CstNode,
  error,
  namedChildren,
  rangeOf,
} from './cst-context';
import { convertExpr } from './cst-expr';
import { convertLetDefinition, convertUnit } from './cst-units';
import { type ModuleExtras, attachExtras, newModuleExtras } from '../ast/module-extras';

/** Shared by all modules of one file. */
export interface FileContext {
  text: string;
  diagnostics: Diagnostic[];
}

const converters: Converters = {
  expr: convertExpr,
  letDefinition: convertLetDefinition,
  module: (node, ctx) => convertModule(node, ctx).module,
};

/** The context for converting one module of `file`. */
export function newConvertContext(
  moduleName: string,
  file: FileContext,
  extras: ModuleExtras = newModuleExtras(),
): ConvertContext {
  return {
    moduleName,
    text: file.text,
    diagnostics: file.diagnostics,
    extras,
    convert: converters,
  };
}

export function convertSourceFile(
  root: CstNode,
  file: FileContext,
  fallbackName: string,
): Module[] {
  const moduleNodes = namedChildren(root).filter((c) => c.type === 'module');
  if (moduleNodes.length > 0) return moduleNodes.map((m) => convertModule(m, file).module);
  // No module header at all: keep what can be read under the file's name, so that the editor
  // still has an outline, and say what is missing.
  const ctx = newConvertContext(fallbackName, file);
  if (file.text.trim() !== '' && !root.hasError) {
    error(ctx, 'syntax', 'expected a module header `---- MODULE Name ----`', {
      module: fallbackName,
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
    });
  }
  const module = readModuleBody(root, ctx, fallbackName);
  return module.units.length > 0 || module.extends.length > 0 ? [module] : [];
}

export function convertModule(node: CstNode, file: FileContext): { module: Module } {
  const nameNode = node.childForFieldName('name');
  const ctx = newConvertContext(nameNode?.text ?? '?', file);
  return { module: readModuleBody(node, ctx, ctx.moduleName) };
}

function readModuleBody(node: CstNode, ctx: ConvertContext, name: string): Module {
  const module: Module = { name, range: rangeOf(node, ctx), extends: [], units: [] };
  attachExtras(module, ctx.extras);
  appendModuleContent(node, module, ctx);
  return module;
}

/** Adds the EXTENDS names and units found in a module node (or a piece of one) to `module`. */
export function appendModuleContent(node: CstNode, module: Module, ctx: ConvertContext): void {
  for (const child of namedChildren(node)) {
    if (child.type === 'extends') {
      for (const ref of namedChildren(child)) {
        if (ref.type === 'identifier_ref' && !ref.isMissing && ref.text !== '') {
          module.extends.push({ name: ref.text, range: rangeOf(ref, ctx) });
        }
      }
      continue;
    }
    const unit = convertUnit(child, ctx);
    if (unit) module.units.push(unit);
  }
}
