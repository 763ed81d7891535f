/**
 * Corpus specs with messages, opened in the app as a user's saved workspace (the store's
 * localStorage entry), for the state graph and sequence diagram tests: two-phase commit, Paxos
 * with three acceptors, and EWD998 with channels under an invariant that yields a counterexample.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const read = (path: string) => readFileSync(corpus + path, 'utf8');
const fromDir = (dir: string, names: string[]) =>
  Object.fromEntries(names.map((n) => [n.split('/').pop()!, read(`${dir}/${n}`)]));

export interface Workspace {
  files: Record<string, string>;
  mainModule: string;
  cfgFile: string;
  /** States the run records for the graph (the app's default: 2,000). */
  maxGraphStates?: number;
}

export const twoPhase: Workspace = {
  files: fromDir('examples/transaction_commit', ['TwoPhase.tla', 'TwoPhase.cfg', 'TCommit.tla']),
  mainModule: 'TwoPhase',
  cfgFile: 'TwoPhase.cfg',
};

/** MCPaxos with three acceptors and one value: 1,681 states, the size the graph draws whole. */
export const paxos: Workspace = {
  files: {
    ...fromDir('examples/Paxos', ['MCPaxos.tla', 'Paxos.tla', 'Voting.tla', 'Consensus.tla']),
    ...fromDir('modules', [
      'tlaps/TLAPS.tla',
      'tlaps/FiniteSetTheorems.tla',
      'tlaps/WellFoundedInduction.tla',
      'tlaps/NaturalsInduction.tla',
      'community/Functions.tla',
      'community/FiniteSetsExt.tla',
      'community/Folds.tla',
    ]),
    'MCPaxos.cfg': `CONSTANTS a1 = a1 a2 = a2 a3 = a3 v1 = v1 v2 = v2 None = None
  Acceptor = {a1, a2, a3}
  Value = {v1}
  Quorum = {{a1, a2}, {a1, a3}, {a2, a3}}
  Ballot <- MCBallot
  Ballot <-[Voting] MCBallot
SPECIFICATION Spec
INVARIANT Inv1 Inv2 Inv3 Inv4
`,
  },
  mainModule: 'MCPaxos',
  cfgFile: 'MCPaxos.cfg',
};

/**
 * EWD998 with an inbox sequence per node (N = 3), and an invariant that fails once the token comes
 * back to node 0 with a count after a message was received: 12,301 states, too many to draw whole.
 */
export const ewd998Chan: Workspace = {
  files: {
    ...fromDir('examples/ewd998', [
      'EWD998Chan.tla',
      'EWD998.tla',
      'Utils.tla',
      'AsyncTerminationDetection.tla',
    ]),
    ...fromDir('modules', [
      'community/SequencesExt.tla',
      'community/Folds.tla',
      'community/Functions.tla',
      'community/FiniteSetsExt.tla',
      'standard/Bags.tla',
    ]),
    'EWD998ChanMC.tla': `---- MODULE EWD998ChanMC ----
EXTENDS EWD998Chan
TokenBackEmpty ==
  ~ /\\ \\E j \\in 1..Len(inbox[0]) : inbox[0][j].type = "tok" /\\ inbox[0][j].q # 0
    /\\ \\E i \\in Node : counter[i] < 0
====
`,
    'EWD998ChanMC.cfg':
      'CONSTANTS N = 3\nCONSTRAINTS StateConstraint\nSPECIFICATION Spec\nINVARIANT TokenBackEmpty\nCHECK_DEADLOCK FALSE\n',
  },
  mainModule: 'EWD998ChanMC',
  cfgFile: 'EWD998ChanMC.cfg',
};

/**
 * Opens the app on the workspace (once: a reload keeps what the app saved since), with the views
 * given most of the height, and runs the check.
 */
export async function openAndCheck(page: Page, ws: Workspace, theme: 'light' | 'dark' = 'light') {
  const state = {
    files: ws.files,
    activeFile: `${ws.mainModule}.tla`,
    model: {
      mainModule: ws.mainModule,
      cfgFile: ws.cfgFile,
      maxGraphStates: ws.maxGraphStates ?? 2000,
    },
    view: { theme, activeView: 'trace', sidePanelWidth: 300, editorFraction: 0.25 },
  };
  await page.addInitScript((saved) => {
    if (sessionStorage.getItem('specstage-seeded')) return;
    localStorage.setItem('specstage', JSON.stringify({ state: saved, version: 1 }));
    sessionStorage.setItem('specstage-seeded', '1');
  }, state);
  await page.goto('/');
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toBeVisible({ timeout: 60_000 });
}

export async function openView(page: Page, name: 'Trace' | 'State graph' | 'Sequence') {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
}

/**
 * The whole recorded graph, as the graph view shows it for a readable graph and on request for a
 * larger one (which it starts around the trace).
 */
export async function showWholeGraph(page: Page) {
  await page.getByRole('button', { name: /^Whole graph/ }).click();
  await expect(page.getByRole('button', { name: /^Whole graph/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

/** Boxes of the visible elements matching `selector` that overlap another one (none is good). */
export async function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const stage = document.querySelector('.gv-stage, .sq-scroll')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll(sel)]
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.right > stage.left &&
          r.left < stage.right &&
          r.bottom > stage.top &&
          r.top < stage.bottom,
      );
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        // A pixel of antialiasing is not an overlap.
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) out.push(`${boxes[i].text} / ${boxes[j].text}`);
      }
    }
    return out;
  }, selector);
}
