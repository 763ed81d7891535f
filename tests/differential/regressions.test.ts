/**
 * Every disagreement with TLC the differential harness found, kept: each corpus file's cases form
 * one module (tests/differential/corpus), evaluated by our engine in a fresh process as the harness
 * does, and judged against TLC's answers recorded in the file (no Java needed). A case still known
 * to disagree (`known`, with its reason) is listed as a todo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type OurOutcome, runOursBatch } from '../../scripts/differential/child';
import { judge } from '../../scripts/differential/compare';
import { CORPUS_FILES, corpusModule, readCorpus } from '../../scripts/differential/corpus';
import { libraryFiles } from '../../scripts/differential/libs';

for (const file of CORPUS_FILES) {
  const corpus = readCorpus(file);
  describe(`differential regressions: ${file}`, () => {
    let ours = new Map<number, OurOutcome>();
    beforeAll(async () => {
      const { module, cfg } = corpusModule(corpus);
      ours = await runOursBatch(
        module,
        cfg,
        libraryFiles(),
        corpus.cases.map((c) => c.id),
        60_000,
      );
    }, 120_000);

    it('has TLC answers recorded for every case', () => {
      expect(corpus.cases.filter((c) => !c.tlc).map((c) => c.id)).toEqual([]);
    });

    for (const c of corpus.cases) {
      const title = `#${c.id} [${c.found}] ${c.expr.length > 100 ? c.expr.slice(0, 100) + '…' : c.expr}`;
      if (c.known) {
        it.todo(`${title} (known: ${c.known})`);
        continue;
      }
      it(title, () => {
        const j = judge(c.tlc, ours.get(c.id));
        expect(j, `${c.note}\n${JSON.stringify(j)}`).toMatchObject({ agree: true });
      });
    }
  });
}
