/**
 * Shared by the front-end tests: load the parser once per test file, analyse a spec given as
 * text (with more modules by name), and read the corpus.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Analysis, analyzeSpec } from '../../src/tla/analyze/analyze';
import type { LoadSpecOptions, SourceFile } from '../../src/tla/load/modules';
import { initParser } from '../../src/tla/parse/parser';
import { nodeParserAssets } from '../../src/tla/parse/parser-assets-node';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

export function loadParser(): Promise<void> {
  return initParser(nodeParserAssets());
}

/**
 * Analyses module `main` given the texts of its module files by module name; `fileDir` prefixes
 * the file names (the parser keeps the last tree of each file name for incremental re-parsing).
 */
export function analyzeTexts(
  main: string,
  modules: Record<string, string>,
  options: Omit<LoadSpecOptions, 'files'> & { fileDir?: string } = {},
): Analysis {
  const dir = options.fileDir ? `${options.fileDir}/` : '';
  const files = Object.fromEntries(Object.entries(modules).map(([n, t]) => [`${dir}${n}.tla`, t]));
  return analyzeSpec(main, { ...options, files });
}

/** `---- MODULE name ----` + body + `====`: keeps test sources short. */
export function moduleText(name: string, body: string): string {
  return `---- MODULE ${name} ----\n${body}\n====\n`;
}

export function tlaFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? tlaFilesUnder(join(dir, e.name))
        : e.name.endsWith('.tla')
          ? [join(dir, e.name)]
          : [],
    )
    .sort();
}

/**
 * Looks a module up beside `specFile`, as TLC does first; the library modules come with the
 * front end (src/tla/library), as they would for a user with no library path.
 */
export function corpusLoader(specFile: string): (name: string) => SourceFile | undefined {
  const dir = dirname(specFile);
  return (name) => {
    const file = join(dir, `${name}.tla`);
    return existsSync(file) ? { fileName: file, text: readFileSync(file, 'utf8') } : undefined;
  };
}
