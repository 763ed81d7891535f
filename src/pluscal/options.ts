/**
 * The translator's options: pcal.trans's command-line options, which a module may also give in a
 * `PlusCal options (...)` statement anywhere in its text (there the `-` may be dropped:
 * `PlusCal options (-termination, wf)`). The module's statement is read after the command line;
 * its first fairness option replaces a fairness option given on the command line.
 */
import { PlusCalError } from './errors';

export type FairnessOption = '' | 'wf' | 'sf' | 'wfNext' | 'nof';

export interface TranslatorOptions {
  /** Fairness of Spec: `wf`/`sf` for each process (or WF of Next for a uniprocess algorithm). */
  fairness: FairnessOption;
  /** `-termination`: the .cfg gets `PROPERTY Termination`; fairness defaults to `wf`. */
  termination: boolean;
  /** `-nocfg`: no .cfg file is written. */
  nocfg: boolean;
  /** `-noDoneDisjunct`: Next without the stuttering-when-done disjunct `Terminating`. */
  noDoneDisjunct: boolean;
  /** `-label`: add missing labels (always done for a uniprocess algorithm with no label). */
  label: boolean;
  /** `-reportLabels`: like `-label`, and the added labels are listed. */
  reportLabels: boolean;
  /** `-labelRoot name`: added labels are name1, name2, ... (default `Lbl_`). */
  labelRoot: string;
  /** `-lineWidth n` (at least 60, default 78): where the translation tries to wrap lines. */
  lineWidth: number;
  /** `-version v`: the PlusCal version the algorithm is written for, times 1000. */
  version: number;
}

/** The version pcal.trans 1.12 reports as its own (1.11 weighs 1902; 1.x compares as x/1000). */
export const CURRENT_VERSION = 1903;

export function defaultOptions(): TranslatorOptions {
  return {
    fairness: '',
    termination: false,
    nocfg: false,
    noDoneDisjunct: false,
    label: false,
    reportLabels: false,
    labelRoot: 'Lbl_',
    lineWidth: 78,
    version: CURRENT_VERSION,
  };
}

/** `1.5` → 1500, as pcal.trans compares versions; -1 when not a version. */
export function versionNumber(s: string): number {
  let result = 0;
  let after = 0;
  let afterDot = false;
  for (const c of s) {
    if (c >= '0' && c <= '9') {
      result = 10 * result + (c.charCodeAt(0) - 48);
      if (afterDot && ++after > 3) return -1;
    } else if (c === '.') afterDot = true;
    else return -1;
  }
  for (let j = 0; j < 3 - after; j++) result *= 10;
  return result;
}

/** The word after a `PlusCal options` statement's option, or an error in pcal.trans's words. */
function commandLineError(msg: string): PlusCalError {
  return new PlusCalError(`Command-line error: ${msg}.`);
}

/**
 * Applies options to `opts`, as pcal.trans reads them from its command line (`inFile` false) or
 * from the module's options statement (`inFile` true). Returns the warnings to print.
 */
export function applyOptions(
  opts: TranslatorOptions,
  args: readonly string[],
  inFile: boolean,
): void {
  let firstFairness = inFile;
  let explicitNof = false;
  const is = (arg: string, name: string): boolean => arg === `-${name}` || (inFile && arg === name);
  const setFairness = (value: FairnessOption): void => {
    if (firstFairness) {
      opts.fairness = '';
      firstFairness = false;
    }
    if (opts.fairness !== '')
      throw commandLineError('Can only have one of -wf, -sf, -wfNext, and -nof options');
    opts.fairness = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (is(a, 'termination')) opts.termination = true;
    else if (a === '-nocfg') opts.nocfg = true;
    else if (a === '-noold' || (!inFile && (a === '-unixEOL' || a === '-debug'))) {
      // no effect on the translation
    } else if (is(a, 'noDoneDisjunct')) opts.noDoneDisjunct = true;
    else if (is(a, 'wf')) setFairness('wf');
    else if (is(a, 'sf')) setFairness('sf');
    else if (is(a, 'wfNext')) setFairness('wfNext');
    else if (is(a, 'nof')) {
      setFairness('nof');
      explicitNof = true;
    } else if (is(a, 'label')) opts.label = true;
    else if (!inFile && a === '-reportLabels') {
      opts.reportLabels = true;
      opts.label = true;
    } else if (is(a, 'labelRoot')) {
      const root = args[++i];
      if (root === undefined) throw commandLineError("Label root must follow `-labelRoot' option");
      if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(root))
        throw commandLineError(
          'Label root must be a valid PlusCal identifier (must start with a letter and contain only letters, numbers, and underscores)',
        );
      opts.labelRoot = root;
    } else if (is(a, 'version')) {
      const v = args[++i];
      if (v === undefined) throw commandLineError("Version number must follow `-version' option");
      const n = versionNumber(v);
      if (n < 0) throw new PlusCalError(`Illegal version ${v} specified`);
      if (n > CURRENT_VERSION)
        throw new PlusCalError(`Specified version ${v} later than current version 1.12`);
      opts.version = n;
    } else if (a === '-lineWidth') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 60)
        throw commandLineError("Integer value at least 60 must follow `-lineWidth' option");
      opts.lineWidth = n;
    } else if (inFile)
      throw commandLineError(`Unknown or illegal option in options statement: ${a}`);
    else throw commandLineError(`Unknown command-line option: ${a}`);
  }
  if (opts.termination && opts.fairness === '' && !explicitNof) opts.fairness = 'wf';
}

/**
 * The module's `PlusCal options (...)` statement: the first `PlusCal` word (after a blank or at a
 * line start) followed by `options`. Returns its arguments, or null when there is none.
 */
export function findOptionsStatement(lines: readonly string[]): string[] | null {
  let line = 0;
  let col = 0;
  const nextNonSpace = (): string => {
    while (line < lines.length) {
      const l = lines[line];
      while (col < l.length && l[col] === ' ') col++;
      if (col < l.length) return l;
      line++;
      col = 0;
    }
    return '';
  };
  const nextSpace = (l: string, from: number): number => {
    const k = l.indexOf(' ', from);
    return k === -1 ? l.length : k;
  };
  for (;;) {
    // find the word "PlusCal"
    let found = false;
    while (!found && line < lines.length) {
      const l = nextNonSpace();
      if (line >= lines.length) break;
      if (l.startsWith('PlusCal', col)) {
        const end = col + 7;
        if (end >= l.length || !(/[a-zA-Z]/.test(l[end]) || l[end] === '_')) {
          found = true;
          col = end;
        }
      }
      col = nextSpace(l, col);
    }
    if (!found) return null;
    const l = nextNonSpace();
    if (l.startsWith('options', col) && !/[a-zA-Z0-9_]/.test(l.charAt(col + 7))) {
      col += 7;
      let cur = nextNonSpace();
      if (cur.charAt(col) !== '(') throw new PlusCalError("`PlusCal options' not followed by '('");
      col++;
      cur = nextNonSpace();
      const args: string[] = [];
      while (line < lines.length && cur.charAt(col) !== ')') {
        if (cur.charAt(col) === ',') col++;
        else {
          const m = /^[^ ,)]*/.exec(cur.slice(col));
          const arg = m ? m[0] : '';
          args.push(arg);
          col += arg.length;
        }
        cur = nextNonSpace();
      }
      if (line >= lines.length) throw new PlusCalError("No closing ')' found in options statement");
      return args;
    }
  }
}
