/**
 * The PlusCal parser's first layer: the token stream (`get`, `peek`, `gobble` with pcal.trans's
 * messages for what was expected), the parser's state shared by the passes, and small helpers.
 * The layers, each a class extending the one before: parse-tokens.ts (this), parse-labels.ts
 * (adding and checking labels, expanding macros), parse-statements.ts, parse.ts (`Parser`: the
 * algorithm, processes, procedures and declarations).
 */
import { location, type Node, type Procedure } from './ast';
import { PlusCalBug, PlusCalError } from './errors';
import { Expr, type Loc } from './expr';
import type { TranslatorOptions } from './options';
import { TokenStream } from './scanner';

/** A Java runtime exception in pcal.trans's parser, reported as "Unknown error at or before". */
export class ParserRuntimeError extends Error {}

export function originEnd(e: Expr): Loc {
  if (e.origin === null) throw new ParserRuntimeError('expression without origin');
  return e.origin.end;
}

export function lastOf<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new ParserRuntimeError('empty sequence');
  return xs[xs.length - 1];
}

export function nodeEnd(n: Node): Loc {
  if (n.origin === null) throw new ParserRuntimeError('statement without origin');
  return n.origin.end;
}

export function nodeBegin(n: Node): Loc {
  if (n.origin === null) throw new ParserRuntimeError('statement without origin');
  return n.origin.begin;
}

export function positioned(msg: string, n: Node): PlusCalError {
  if (n.line === 0) return new PlusCalError(msg);
  return new PlusCalError(`${msg}\n    at ${location(n)}`);
}

export function defaultInit(): Expr {
  return Expr.single('defaultInitValue', 'builtin');
}

export function copyInto(from: readonly string[], to: string[]): void {
  const copy = [...from];
  to.length = 0;
  to.push(...copy);
}

export function union(s: readonly string[], t: readonly string[]): string[] {
  const r = [...s];
  for (const x of t) if (!r.includes(x)) r.push(x);
  return r;
}

export function disjoint(s: readonly string[], t: readonly string[]): boolean {
  for (const x of t) if (s.includes(x)) return false;
  return true;
}

export abstract class TokenParser {
  protected pSyntax = false;
  protected cSyntax = false;
  protected hasLabel = false;
  protected readonly allLabels = new Set<string>();
  protected nextLabelNum = 1;
  readonly addedLabels: { label: string; at: string }[] = [];
  protected currentProcedure: string | null = null;
  protected readonly procedures: Procedure[] = [];
  protected plusLabels: string[] = [];
  protected minusLabels: string[] = [];
  protected proceduresCalled: string[] = [];
  protected gotoUsed = false;
  protected gotoDoneUsed = false;
  protected omitPC = true;
  protected omitSWD = true;
  protected hasDefaultInit = false;
  protected inGetMacro = false;
  protected labelLocation: Loc | null = null;
  protected readonly warnings: string[] = [];

  constructor(
    protected readonly ts: TokenStream,
    protected readonly opts: TranslatorOptions,
  ) {
    if (opts.version < 1500) {
      this.omitPC = false;
      this.omitSWD = false;
    }
  }

  // ---- tokens -------------------------------------------------------------------------------

  protected error(msg: string): never {
    throw new PlusCalError(
      `${msg}\n    line ${this.ts.lastTok.line}, column ${this.ts.lastTok.col}`,
    );
  }

  protected get(): string {
    return this.ts.get();
  }

  protected peek(n = 1): string {
    return this.ts.peek(n);
  }

  protected lastStart(): Loc {
    return { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col - 1 };
  }

  protected lastEnd(): Loc {
    return {
      line: this.ts.lastTok.line - 1,
      col: this.ts.lastTok.col - 1 + this.ts.lastTok.str.length,
    };
  }

  protected mustGobble(s: string): void {
    const t = this.get();
    if (t !== s) this.error(`Expected "${s}" but found "${t}"`);
  }

  /** Takes `s` (or an alternative); a `;` that is obviously unneeded may be missing. */
  protected gobble(s: string, ...alternatives: string[]): void {
    if (s === ';') {
      const nxt = this.peek();
      if (
        [
          'end',
          'begin',
          'else',
          'elsif',
          'or',
          'do',
          'macro',
          'procedure',
          'process',
          'fair',
          'define',
          '}',
          '{',
        ].includes(nxt)
      )
        return;
      if (
        [
          'if',
          'either',
          'while',
          'with',
          'call',
          'return',
          'goto',
          'print',
          'assert',
          'skip',
        ].includes(nxt)
      ) {
        const at = this.ts.peekAt(1);
        throw new PlusCalError(`Missing \`;' before line ${at.line + 1}, column ${at.col + 1}`);
      }
    }
    const t = this.get();
    if (t !== s && !alternatives.includes(t)) this.error(`Expected "${s}" but found "${t}"`);
  }

  protected gobbleCommaOrSemicolon(): void {
    if (this.peek() === ',') this.gobble(',');
    else this.gobble(';');
  }

  protected gobbleBeginOrLeftBrace(): void {
    if (this.pSyntax) this.gobble('begin');
    else if (this.cSyntax) this.gobble('{');
    else throw new PlusCalBug('Syntax not initialized.');
  }

  protected gobbleEndOrRightBrace(s: string): void {
    if (this.pSyntax) {
      this.gobble('end');
      this.gobble(s);
    } else if (this.cSyntax) this.gobble('}');
    else throw new PlusCalBug('Bad call of GobbleEndRightBrace');
  }

  /** `=` → true, `\in` → false. */
  protected gobbleEqualOrIn(): boolean {
    const t = this.get();
    if (t === '=') return true;
    if (t === '\\in' || t === '∈') return false;
    this.error(`Expected "=" or "\\in"  but found "${t}"`);
  }

  protected getExpr(): Expr {
    return this.ts.getExpr();
  }

  /** Line and column (1-based) of the next token. */
  protected nextTokPos(): { line: number; col: number } {
    const at = this.ts.peekAt(1);
    return { line: at.line + 1, col: at.col + 1 };
  }
}
