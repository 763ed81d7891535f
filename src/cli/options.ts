/**
 * The CLI's options as node:util's parseArgs reads them, as tokens in order: each command checks
 * them itself, so that its messages say which option and what it needs (parseArgs' strict mode
 * would word them its own way).
 */
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export type Token =
  | { kind: 'positional'; value: string }
  | { kind: 'terminator' }
  /**
   * `name` without dashes; `raw` the option (`--config`); `arg` the argument it came from as
   * written (`--config=X.cfg`, `-xy` for `-x` and `-y`); `value` for `--opt value` or `--opt=value`.
   */
  | { kind: 'option'; name: string; raw: string; arg: string; value: string | undefined };

/**
 * `argv` as tokens. Both `--opt value` and `--opt=value`; TLC's single-dash spellings, the keys of
 * `singleDash`, are read as the option they map to (`{ deadlock: 'no-deadlock' }`: `-deadlock` as
 * `--no-deadlock`).
 */
export function optionTokens(
  argv: string[],
  options: OptionSpec,
  singleDash: Record<string, string> = {},
): Token[] {
  const args = argv.map((a) =>
    /^-\w/.test(a) && Object.hasOwn(singleDash, a.slice(1)) ? `--${singleDash[a.slice(1)]}` : a,
  );
  const { tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  return tokens.map((t): Token => {
    if (t.kind === 'option-terminator') return { kind: 'terminator' };
    // Values as written (the single-dash rewrite applies to options only).
    if (t.kind === 'positional') return { kind: 'positional', value: argv[t.index] };
    const value = t.value === undefined || t.inlineValue ? t.value : argv[t.index + 1];
    return { kind: 'option', name: t.name, raw: t.rawName, arg: argv[t.index], value };
  });
}

/**
 * What every command refuses in the same words, or undefined: `--`, an argument that looks like an
 * option but is none of `options`, and a known option written with one dash (`-config`, unless the
 * command's TLC spellings rewrote it).
 */
export function refusedToken(t: Token, options: OptionSpec): string | undefined {
  if (t.kind === 'terminator') return 'unknown option --';
  if (t.kind === 'positional')
    return t.value.startsWith('-') ? `unknown option ${t.value}` : undefined;
  if (!Object.hasOwn(options, t.name) || !t.raw.startsWith('--')) return `unknown option ${t.arg}`;
  return undefined;
}
