/**
 * Syntax errors from tree-sitter's error recovery: an ERROR node holds tokens it could not fit,
 * a MISSING node is a token it pretended to see. Each becomes one 'syntax' diagnostic naming the
 * token and what precedes it, on the innermost node (an ERROR can wrap a whole module).
 */
import type { Diagnostic, Range } from '../ast/ast';
import { type CstNode, isExtra, positionOf } from './cst-context';

const MAX_DIAGNOSTICS = 20;

/** `fallbackName` names the module of errors outside any `---- MODULE … ----`. */
export function syntaxDiagnostics(root: CstNode, fallbackName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (root.hasError) collect(root, fallbackName, out);
  return out;
}

function collect(node: CstNode, enclosing: string, out: Diagnostic[]): void {
  if (out.length >= MAX_DIAGNOSTICS) return;
  const moduleName =
    node.type === 'module' ? (node.childForFieldName('name')?.text ?? enclosing) : enclosing;
  if (node.isMissing) {
    out.push(
      diagnostic(
        `expected ${describeToken(node.type)}${afterPrevious(node)}`,
        pointRange(node, moduleName),
      ),
    );
    return;
  }
  if (node.isError && !hasNestedError(node)) {
    const token = firstLeaf(node);
    const shown = shorten(token.text || node.text);
    out.push(
      diagnostic(`unexpected \`${shown}\`${afterPrevious(node)}`, leafRange(token, moduleName)),
    );
    return;
  }
  for (const child of node.children)
    if (child && (child.hasError || child.isMissing || child.isError))
      collect(child, moduleName, out);
}

function hasNestedError(node: CstNode): boolean {
  return node.children.some((c) => c !== null && (c.hasError || c.isMissing || c.isError));
}

function diagnostic(message: string, range: Range): Diagnostic {
  return { severity: 'error', code: 'syntax', message, range };
}

/** Names of grammar symbols that a message can show as words rather than as node types. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  identifier_ref: 'an expression',
  identifier: 'a name',
  def_eq: '`==`',
  set_in: '`\\in`',
  rangle_bracket: '`>>`',
  langle_bracket: '`<<`',
  double_line: 'the end of the module `====`',
  single_line: '`----`',
  all_map_to: '`|->`',
  maps_to: '`->`',
  case_arrow: '`->`',
  label_as: '`::`',
  gets: '`<-`',
};

function describeToken(type: string): string {
  return DESCRIPTIONS[type] ?? `\`${type}\``;
}

function afterPrevious(node: CstNode): string {
  const previous = previousLeaf(node);
  return previous ? ` after \`${shorten(previous.text)}\`` : '';
}

function shorten(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 30 ? `${line.slice(0, 30)}…` : line;
}

function firstLeaf(node: CstNode): CstNode {
  let current = node;
  for (;;) {
    const first = current.children.find((c): c is CstNode => c !== null && !isExtra(c));
    if (!first) return current;
    current = first;
  }
}

/** The last real token before `node`, looking through ancestors' earlier siblings. */
function previousLeaf(node: CstNode): CstNode | undefined {
  let current: CstNode | null = node;
  while (current) {
    let sibling: CstNode | null = current.previousSibling;
    while (sibling && (isExtra(sibling) || sibling.endIndex === sibling.startIndex))
      sibling = sibling.previousSibling;
    if (sibling) {
      let last: CstNode = sibling;
      for (;;) {
        const children = last.children.filter(
          (c): c is CstNode => c !== null && !isExtra(c) && c.endIndex > c.startIndex,
        );
        const tail = children.at(-1);
        if (!tail) return last;
        last = tail;
      }
    }
    current = current.parent;
  }
  return undefined;
}

function pointRange(node: CstNode, moduleName: string): Range {
  const at = positionOf(node.startPosition);
  return { module: moduleName, start: at, end: at };
}

function leafRange(node: CstNode, moduleName: string): Range {
  return {
    module: moduleName,
    start: positionOf(node.startPosition),
    end: positionOf(node.endPosition),
  };
}
