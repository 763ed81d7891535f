/**
 * Generates src/tla/library/sources.generated.ts from the library modules' TLA+ source in
 * src/tla/library/modules/{standard,community,tlaps,apalache}: the text of every module (so the
 * engine has them in the browser, in workers and in the CLI with nothing to read from disk) and,
 * for "EXTENDS missing?" hints, which modules define each public name.
 *
 *   npx tsx src/tla/tools/gen-library.ts                      regenerate from the .tla files
 *   npx tsx src/tla/tools/gen-library.ts --refresh ../shared/corpus/modules
 *                                                             copy the .tla files (and LICENSEs) first
 *
 * `library.test.ts` fails when the generated file and the .tla files disagree.
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initParser, parseModuleText } from '../parse/parser';
import { nodeParserAssets } from '../parse/parser-assets-node';
import { LIBRARY_DIRS, renderLibrary } from '../library/render';

const here = import.meta.dirname;
const modulesDir = join(here, '../library/modules');

function refresh(from: string): void {
  for (const dir of LIBRARY_DIRS) {
    for (const name of readdirSync(join(from, dir))) {
      if (name.endsWith('.tla') || name === 'LICENSE') {
        copyFileSync(join(from, dir, name), join(modulesDir, dir, name));
      }
    }
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--refresh');
  if (at >= 0) refresh(process.argv[at + 1]);
  await initParser(nodeParserAssets());
  const files = LIBRARY_DIRS.flatMap((dir) =>
    readdirSync(join(modulesDir, dir))
      .filter((n) => n.endsWith('.tla'))
      .sort()
      .map((n) => ({ dir, fileName: n, text: readFileSync(join(modulesDir, dir, n), 'utf8') })),
  );
  const out = join(here, '../library/sources.generated.ts');
  const licenses = Object.fromEntries(
    LIBRARY_DIRS.map((d) => [d, readFileSync(join(modulesDir, d, 'LICENSE'), 'utf8')]),
  );
  writeFileSync(
    out,
    renderLibrary(files, (text, name) => parseModuleText(text, name), licenses),
  );
}

await main();
