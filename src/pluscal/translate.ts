/**
 * Translating the PlusCal algorithm of a module, as pcal.trans (TLA+'s translator, 1.12) does:
 *
 * 1. the module's `PlusCal options (...)` statement, after the command-line arguments;
 * 2. the `\* BEGIN TRANSLATION` / `\* END TRANSLATION` block: the old translation between them is
 *    dropped; with no block, the two lines are added right after the comment that holds the
 *    algorithm (the BEGIN line then gets checksums);
 * 3. the algorithm (`--algorithm` or `--fair algorithm`), with its comments blanked, is parsed
 *    (parse.ts), its names disambiguated (symtab.ts), its statements exploded (explode.ts) and the
 *    TLA+ written (generate.ts);
 * 4. the translation goes between the BEGIN and END lines, and the BEGIN line's checksums
 *    (`chksum(pcal)`, `chksum(tla)`), if it has them, are brought up to date.
 *
 * The result is the whole module as pcal.trans writes it (its lines joined with `\n`, a final
 * `\n`), or the error it reports, with the position its message cites.
 */
import type { Algorithm, Node } from './ast';
import { astText } from './ast-text';
import { CHECKSUM_PATTERN, CHECKSUM_TEMPLATE, crc32, translationChecksum } from './checksum';
import { PlusCalBug, PlusCalError } from './errors';
import { explode } from './explode';
import type { Region } from './expr';
import { generate } from './generate';
import {
  applyOptions,
  defaultOptions,
  findOptionsStatement,
  type TranslatorOptions,
} from './options';
import { Parser } from './parse';
import { detab, Source, splitLines, TokenStream, uncomment } from './scanner';
import { fixIds, SymbolTable } from './symtab';

export { PlusCalError } from './errors';

const BEGIN = '\\* BEGIN TRANSLATION';
const END = '\\* END TRANSLATION';

export interface Translation {
  /** The module with the new translation, as pcal.trans writes it. */
  text: string;
  /** The translation's lines (between the BEGIN and END lines). */
  translation: string[];
  /** The options the translation used (command line, then the module's options statement). */
  options: TranslatorOptions;
  /**
   * What pcal.trans prints (its version line and `New file ... written.` aside), line by line:
   * warnings, `Labels added.`, `Parsing completed.`, `Translation completed.`.
   */
  messages: string[];
  /** Line (0-based) of the BEGIN TRANSLATION line in `text`. */
  beginLine: number;
  /** Whether `defaultInitValue` is declared (a .cfg must give it a value). */
  hasDefaultInitialization: boolean;
  /** The algorithm's checksum (`chksum(pcal)`): it tells whether an algorithm changed. */
  pcalChecksum: string;
  /**
   * Where each label's statements are in the algorithm, by the label's name in the translation
   * (the action it becomes): 0-based lines and columns of the tab-expanded module text.
   */
  labels: { label: string; region: Region }[];
}

export type TranslateResult =
  ({ ok: true } & Translation) | { ok: false; error: PlusCalError | PlusCalBug };

/** Where `tok1` followed by spaces and `tok2` first stands on a line at or after `from`; -1 if nowhere. */
function findTokenPair(lines: readonly string[], from: number, tok1: string, tok2: string): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    const col = line.indexOf(tok1);
    if (col === -1) continue;
    let next = col + tok1.length;
    while (next < line.length && line[next] === ' ') next++;
    if (next < line.length && next === line.indexOf(tok2)) return i;
  }
  return -1;
}

/**
 * Translates the algorithm of `text` (a module). `args` are pcal.trans's command-line options
 * (`-wf`, `-termination`, ...); the module's options statement is read after them.
 */
export function translateModule(text: string, args: readonly string[] = []): TranslateResult {
  try {
    return { ok: true, ...translateOrThrow(text, args) };
  } catch (e) {
    if (e instanceof PlusCalError || e instanceof PlusCalBug) return { ok: false, error: e };
    throw e;
  }
}

export function translateOrThrow(text: string, args: readonly string[] = []): Translation {
  const input = splitLines(text);
  const opts = defaultOptions();
  applyOptions(opts, args, false);
  const untab = detab(input);
  const messages: string[] = [];
  const optionArgs = findOptionsStatement(untab);
  if (optionArgs !== null) {
    // pcal.trans reports a wrong option of the module's statement and translates all the same.
    try {
      applyOptions(opts, optionArgs, true);
    } catch (e) {
      if (!(e instanceof PlusCalError)) throw e;
      messages.push(
        ...e
          .report()
          .split('\n')
          .filter((l) => l !== ''),
      );
    }
  }

  const output = [...input];
  let translationLine = findTokenPair(untab, 0, 'BEGIN', 'TRANSLATION');
  if (translationLine !== -1) {
    const endLine = findTokenPair(untab, translationLine + 1, 'END', 'TRANSLATION');
    if (endLine === -1) throw new PlusCalError('No line containing `END TRANSLATION');
    output.splice(translationLine + 1, endLine - translationLine - 1);
    untab.splice(translationLine + 1, endLine - translationLine - 1);
  }

  let algLine = 0;
  let algCol = -1;
  let fair = false;
  for (; algLine < untab.length; algLine++) {
    const line = untab[algLine];
    const k = line.indexOf('--algorithm');
    if (k !== -1) {
      algCol = k + '--algorithm'.length;
      break;
    }
    const f = line.indexOf('--fair');
    if (f !== -1) {
      algCol = f + '--fair'.length;
      fair = true;
      break;
    }
  }
  if (algLine === untab.length)
    throw new PlusCalError('Beginning of algorithm string --algorithm not found.');

  if (translationLine === -1) {
    // The comment holding the algorithm ends at its matching `*)`.
    let depth = 1;
    let line = algLine;
    let col = algCol;
    let found = false;
    while (!found && line < untab.length) {
      const l = untab[line];
      while (!found && col < l.length - 1) {
        const c = l[col];
        const d = l[col + 1];
        if (c === '(' && d === '*') {
          depth++;
          col += 2;
        } else if (c === '*' && d === ')') {
          depth--;
          col += 2;
          if (depth === 0) found = true;
        } else col++;
      }
      if (!found) {
        line++;
        col = 0;
      }
    }
    if (!found) throw new PlusCalError('Algorithm not in properly terminated comment');
    const rest = untab[line].slice(col).trim();
    if (rest !== '' && !rest.startsWith('\\*'))
      throw new PlusCalError(
        "Text on same line following `*)' that ends the \n   comment containing the algorithm.",
      );
    output.splice(line + 1, 0, `${BEGIN} ${CHECKSUM_TEMPLATE('ffffffff', 'ffffffff')}`, `${END} `);
    untab.splice(line + 1, 0, BEGIN, END);
    translationLine = line + 1;
  }

  uncomment(untab, algLine, algCol);
  const parser = new Parser(
    new TokenStream(new Source(untab), { line: algLine, col: algCol }),
    opts,
  );
  const parsed = parser.parse(fair, { line: algLine, col: algCol });
  messages.push(...parsed.warnings);
  if (parsed.addedLabels.length > 0) {
    if (opts.reportLabels) {
      messages.push('The following labels were added:');
      for (const a of parsed.addedLabels) messages.push(`  ${a.label} at ${a.at}`);
    } else messages.push('Labels added.');
  }
  messages.push('Parsing completed.');

  const ast = parsed.ast;
  const st = new SymbolTable(ast);
  st.disambiguate();
  if (st.renamings.length > 0) messages.push('Warning: symbols were renamed.');
  const fixError = fixIds(ast, st);
  if (fixError !== null) throw new PlusCalError(fixError);
  const xast = explode(ast, st, parsed.omitPC);
  const translation = generate(xast, st, st.renamings, opts, {
    omitPC: parsed.omitPC,
    omitStutteringWhenDone: parsed.omitStutteringWhenDone,
    hasDefaultInitialization: parsed.hasDefaultInitialization,
    fairAlgorithm: parsed.fairAlgorithm,
  });
  if (parsed.hasDefaultInitialization) st.checkForDefaultInitValue();
  messages.push('Translation completed.');

  // The algorithm's checksum: its AST's text after the translation, or `fair` for a `--fair
  // algorithm` (pcal.trans's operator precedence leaves the AST out then).
  const pcalChecksum = fair ? crc32('fair') : crc32(astText(ast, opts.version < 1500));
  const beginText = output[translationLine];
  const m = CHECKSUM_PATTERN.exec(beginText);
  if (m?.groups !== undefined) {
    // Replace the checksums in place (tla first, then pcal, as pcal.trans does).
    let line = beginText;
    if (m.groups.tla !== undefined)
      line = replaceGroup(line, 'tla', translationChecksum(translation));
    if (m.groups.pcal !== undefined) line = replaceGroup(line, 'pcal', pcalChecksum);
    output[translationLine] = line;
  }
  output.splice(translationLine + 1, 0, ...translation);
  return {
    text: output.map((l) => l + '\n').join(''),
    translation,
    options: opts,
    messages,
    beginLine: translationLine,
    hasDefaultInitialization: parsed.hasDefaultInitialization,
    pcalChecksum,
    labels: labelRegions(ast),
  };
}

/** The labeled statements of an algorithm (after renaming), with where they are. */
function labelRegions(ast: Algorithm): { label: string; region: Region }[] {
  const out: { label: string; region: Region }[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (typeof v !== 'object' || v === null || !('kind' in v)) return;
    const node = v as Node;
    if (node.kind === 'labeledStmt' && node.origin !== null)
      out.push({ label: node.label, region: node.origin });
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(ast);
  return out;
}

const CHECKSUM_SPANS = new RegExp(CHECKSUM_PATTERN.source, 'd');

/** `line` with the checksum `group` of its BEGIN TRANSLATION pattern replaced by `value`. */
function replaceGroup(line: string, group: 'tla' | 'pcal', value: string): string {
  const span = CHECKSUM_SPANS.exec(line)?.indices?.groups?.[group];
  if (!span) return line;
  return line.slice(0, span[0]) + value + line.slice(span[1]);
}
