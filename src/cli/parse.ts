/**
 * `specstage parse Spec.tla [--lib DIR]...`: parse a spec and the modules it uses, and print
 * every syntax and semantic problem the front end finds as `file:line:column: message [code]`
 * on stderr. Modules are looked up beside the spec, then in each `--lib` directory in order; the
 * standard and Community modules are known without files. Exit 0 when there is no error, 150
 * otherwise (154 for a bad command line, 155 when the spec cannot be read).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { analyzeSpec } from '../tla/analyze/analyze';
import type { Diagnostic } from '../tla/ast/ast';
import type { SourceFile } from '../tla/load/modules';
import { initParser, moduleNameOfFile } from '../tla/parse/parser';
import { nodeParserAssets } from '../tla/parse/parser-assets-node';
import { EXIT } from './exit-codes';

export const PARSE_USAGE = `Usage: specstage parse Spec.tla [--lib DIR]...

Parses Spec.tla and every module it EXTENDS or INSTANCEs (found beside it, then in each --lib
directory), and prints syntax errors, undefined names, wrong arities, duplicate definitions,
misplaced primes and missing modules as file:line:column: message [code].
Exit code: 0 no error, 150 errors found, 154 bad command line, 155 unreadable file.`;

interface ParseArgs {
  spec: string;
  libs: string[];
}

function parseArgs(args: string[]): ParseArgs | string {
  const libs: string[] = [];
  let spec: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lib') {
      const dir = args[++i];
      if (dir === undefined) return '--lib needs a directory';
      libs.push(dir);
    } else if (arg.startsWith('--lib=')) {
      libs.push(arg.slice('--lib='.length));
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (spec === undefined) {
      spec = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  return spec === undefined ? 'no spec file given' : { spec, libs };
}

export async function runParse(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(PARSE_USAGE + '\n');
    return EXIT.success;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`specstage parse: ${parsed}\n${PARSE_USAGE}\n`);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = readFileSync(parsed.spec, 'utf8');
  } catch (e) {
    process.stderr.write(`specstage parse: cannot read ${parsed.spec}: ${(e as Error).message}\n`);
    return EXIT.io;
  }
  await initParser(nodeParserAssets());
  const dirs = [dirname(parsed.spec), ...parsed.libs];
  const loader = (name: string): SourceFile | undefined => {
    for (const dir of dirs) {
      const file = join(dir, `${name}.tla`);
      if (existsSync(file)) return { fileName: file, text: readFileSync(file, 'utf8') };
    }
    return undefined;
  };
  const analysis = analyzeSpec(moduleNameOfFile(parsed.spec), {
    files: { [parsed.spec]: text },
    loader,
  });
  const fileOf = (d: Diagnostic) => displayPath(analysis.fileOf.get(d.range.module) ?? parsed.spec);
  for (const d of analysis.diagnostics) process.stderr.write(formatDiagnostic(d, fileOf(d)) + '\n');
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    process.stderr.write(`${errors} error${errors === 1 ? '' : 's'} in ${basename(parsed.spec)}\n`);
  }
  return errors > 0 ? EXIT.specError : EXIT.success;
}

export function formatDiagnostic(d: Diagnostic, file: string): string {
  const severity = d.severity === 'error' ? '' : `${d.severity}: `;
  return `${file}:${d.range.start.line}:${d.range.start.column}: ${severity}${d.message} [${d.code}]`;
}

/** Relative to the working directory when that is shorter, as compilers print paths. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}
