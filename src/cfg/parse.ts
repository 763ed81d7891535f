/**
 * Parser for TLC's model configuration language (`.cfg`), following what TLC 2.x accepts:
 * keyword sections in any order, constant lists that run until the next keyword whatever the line
 * breaks, `N = value`, `N <- Op`, `N <- [Mod] Op`, `N = [Mod] value`, `F(1, 2) = value`, and values
 * that are integers, strings, TRUE/FALSE, model values and (nested) sets.
 *
 * Errors carry the range of the offending token. After an error the parser skips to the next
 * keyword and goes on, so one run reports every broken section; the config is returned only when
 * there is no error.
 */
import type { Position, Range } from '../tla/ast/ast';
import type { CfgError, CfgValue, ConstantAssignment, ModelConfig, NamedEntry } from './types';
import { tokenize, type Token } from './lexer';

type SingleKey =
  'init' | 'next' | 'specification' | 'symmetry' | 'view' | 'alias' | 'postcondition';
type ListKey = 'invariants' | 'properties' | 'constraints' | 'actionConstraints';

const SINGLE: Record<string, SingleKey> = {
  INIT: 'init',
  NEXT: 'next',
  SPECIFICATION: 'specification',
  SYMMETRY: 'symmetry',
  VIEW: 'view',
  ALIAS: 'alias',
  POSTCONDITION: 'postcondition',
};

const LIST: Record<string, ListKey> = {
  INVARIANT: 'invariants',
  INVARIANTS: 'invariants',
  PROPERTY: 'properties',
  PROPERTIES: 'properties',
  CONSTRAINT: 'constraints',
  CONSTRAINTS: 'constraints',
  ACTION_CONSTRAINT: 'actionConstraints',
  ACTION_CONSTRAINTS: 'actionConstraints',
};

/** Keywords TLC knows that this checker does not support; reported rather than misread as names. */
const UNSUPPORTED = new Set(['TYPE', 'TYPE_CONSTRAINT']);

const KEYWORDS = new Set([
  'CONSTANT',
  'CONSTANTS',
  'CHECK_DEADLOCK',
  ...Object.keys(SINGLE),
  ...Object.keys(LIST),
  ...UNSUPPORTED,
]);

/** TLC's integers are 32-bit; a larger literal in a .cfg is an error there too. */
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Thrown inside a section to abandon it; the section loop records the error and resynchronises. */
class SectionError extends Error {
  constructor(
    message: string,
    readonly token: Token,
  ) {
    super(message);
  }
}

export function parseConfig(
  text: string,
  fileName: string,
): { config?: ModelConfig; errors: CfgError[] } {
  const lexed = tokenize(text);
  const errors: CfgError[] = lexed.errors.map((e) => ({
    message: e.message,
    range: { module: fileName, start: e.start, end: e.end },
  }));
  const tokens = lexed.tokens;
  let at = 0;

  const config: ModelConfig = {
    constants: [],
    invariants: [],
    properties: [],
    constraints: [],
    actionConstraints: [],
  };

  const range = (start: Position, end: Position): Range => ({ module: fileName, start, end });
  const peek = (): Token => tokens[at];
  /** Consumes a token; the final `eof` token is never consumed, so reading past the end is safe. */
  const next = (): Token => {
    const t = tokens[at];
    if (t.kind !== 'eof') at++;
    return t;
  };
  const isKeyword = (t: Token): boolean => t.kind === 'ident' && KEYWORDS.has(t.text);
  const describe = (t: Token): string => (t.kind === 'eof' ? 'end of file' : `'${t.text}'`);
  const isName = (t: Token): boolean =>
    (t.kind === 'ident' && !KEYWORDS.has(t.text)) || t.kind === 'symbol';

  const expectPunct = (p: string, context: string): Token => {
    const t = next();
    if (t.kind !== 'punct' || t.text !== p) {
      throw new SectionError(`expected '${p}' ${context}, found ${describe(t)}`, t);
    }
    return t;
  };

  const expectName = (context: string): Token => {
    const t = next();
    if (!isName(t)) throw new SectionError(`expected ${context}, found ${describe(t)}`, t);
    return t;
  };

  const parseValue = (): { value: CfgValue; end: Position } => {
    const t = next();
    if (
      t.kind === 'number' ||
      (t.kind === 'symbol' && t.text === '-' && peek().kind === 'number')
    ) {
      const digits = t.kind === 'number' ? t.text : `-${next().text}`;
      const n = Number(digits);
      if (n < INT_MIN || n > INT_MAX) {
        throw new SectionError(`integer ${digits} is out of TLC's range (-2^31 .. 2^31-1)`, t);
      }
      return { value: { kind: 'int', value: n }, end: tokens[at - 1].end };
    }
    if (t.kind === 'string') {
      // TLC keeps a .cfg string's characters as written: it does not process escapes there.
      return { value: { kind: 'string', value: t.text.slice(1, -1) }, end: t.end };
    }
    if (t.kind === 'ident' && (t.text === 'TRUE' || t.text === 'FALSE')) {
      return { value: { kind: 'bool', value: t.text === 'TRUE' }, end: t.end };
    }
    if (t.kind === 'punct' && t.text === '{') {
      const elems: CfgValue[] = [];
      if (peek().kind === 'punct' && peek().text === '}') {
        return { value: { kind: 'set', elems }, end: next().end };
      }
      for (;;) {
        elems.push(parseValue().value);
        const sep = next();
        if (sep.kind === 'punct' && sep.text === '}')
          return { value: { kind: 'set', elems }, end: sep.end };
        if (sep.kind !== 'punct' || sep.text !== ',') {
          throw new SectionError(`expected ',' or '}' in a set, found ${describe(sep)}`, sep);
        }
      }
    }
    if (isName(t) && t.kind === 'ident')
      return { value: { kind: 'modelValue', name: t.text }, end: t.end };
    throw new SectionError(
      `expected a value (integer, string, TRUE, FALSE, model value or set), found ${describe(t)}`,
      t,
    );
  };

  /** `[Mod]` after `<-` or `=`, when present. */
  const parseModuleQualifier = (): string | undefined => {
    if (peek().kind !== 'punct' || peek().text !== '[') return undefined;
    next();
    const mod = next();
    if (mod.kind !== 'ident')
      throw new SectionError(`expected a module name after '[', found ${describe(mod)}`, mod);
    expectPunct(']', 'after the module name');
    return mod.text;
  };

  const parseConstant = (): ConstantAssignment => {
    const first = expectName('a constant name');
    let name = first.text;
    // `I!N = 3`: TLC accepts instance-qualified constant names.
    while (peek().kind === 'punct' && peek().text === '!') {
      next();
      name += '!' + expectName(`a name after '!' in ${name}`).text;
    }
    let args: CfgValue[] | undefined;
    if (peek().kind === 'punct' && peek().text === '(') {
      next();
      args = [];
      for (;;) {
        args.push(parseValue().value);
        const sep = next();
        if (sep.kind === 'punct' && sep.text === ')') break;
        if (sep.kind !== 'punct' || sep.text !== ',') {
          throw new SectionError(
            `expected ',' or ')' in the arguments of ${name}, found ${describe(sep)}`,
            sep,
          );
        }
      }
    }
    const op = next();
    if (op.kind === 'punct' && op.text === '<-' && !args) {
      const module = parseModuleQualifier();
      const by = expectName(`the name of a definition after '${name} <-'`);
      const r = range(first.start, by.end);
      return module
        ? { kind: 'moduleReplace', module, name, by: by.text, range: r }
        : { kind: 'replace', name, by: by.text, range: r };
    }
    if (op.kind === 'punct' && op.text === '=') {
      const module = parseModuleQualifier();
      if (peek().kind === 'eof' || isKeyword(peek())) {
        throw new SectionError(
          `expected a value after '${name} =', found ${describe(peek())}`,
          peek(),
        );
      }
      const { value, end } = parseValue();
      const assignment: ConstantAssignment = {
        kind: 'value',
        name,
        value,
        range: range(first.start, end),
      };
      if (module) assignment.module = module;
      if (args) assignment.args = args;
      return assignment;
    }
    throw new SectionError(
      `expected '=' or '<-' after the constant ${name}, found ${describe(op)}`,
      op,
    );
  };

  const entry = (t: Token): NamedEntry => ({ name: t.text, range: range(t.start, t.end) });

  const parseSection = (keyword: Token): void => {
    const word = keyword.text;
    if (word === 'CONSTANT' || word === 'CONSTANTS') {
      while (peek().kind !== 'eof' && !isKeyword(peek())) config.constants.push(parseConstant());
    } else if (word in LIST) {
      const list = config[LIST[word]];
      while (peek().kind !== 'eof' && !isKeyword(peek()))
        list.push(entry(expectName(`the name of a definition in ${word}`)));
    } else if (word in SINGLE) {
      const key = SINGLE[word];
      const t = expectName(`the name of a definition after ${word}`);
      if (config[key]) throw new SectionError(`${word} is given twice`, keyword);
      config[key] = entry(t);
    } else if (word === 'CHECK_DEADLOCK') {
      const t = next();
      if (t.kind !== 'ident' || (t.text !== 'TRUE' && t.text !== 'FALSE')) {
        throw new SectionError(
          `expected TRUE or FALSE after CHECK_DEADLOCK, found ${describe(t)}`,
          t,
        );
      }
      if (config.checkDeadlock !== undefined)
        throw new SectionError('CHECK_DEADLOCK is given twice', keyword);
      config.checkDeadlock = t.text === 'TRUE';
    } else {
      throw new SectionError(`${word} is not supported`, keyword);
    }
  };

  while (peek().kind !== 'eof') {
    const keyword = next();
    try {
      if (!isKeyword(keyword)) {
        throw new SectionError(
          `expected a keyword (CONSTANT, INIT, NEXT, SPECIFICATION, INVARIANT, PROPERTY, ...), found ${describe(keyword)}`,
          keyword,
        );
      }
      parseSection(keyword);
    } catch (e) {
      if (!(e instanceof SectionError)) throw e;
      errors.push({ message: e.message, range: range(e.token.start, e.token.end) });
      while (peek().kind !== 'eof' && !isKeyword(peek())) next();
    }
  }

  errors.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column,
  );
  return errors.length > 0 ? { errors } : { config, errors };
}

/** `file.cfg:3:5: message`, the form the CLI prints. */
export function formatCfgError(e: CfgError): string {
  return `${e.range.module}:${e.range.start.line}:${e.range.start.column}: ${e.message}`;
}
