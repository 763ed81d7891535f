/**
 * Your files: projects, each a set of .tla/.cfg files with its model settings, kept in the
 * browser. This module is the pure part (no storage, no DOM): what a project is, how one is made
 * from dropped files, and when a change to the open files means another spec was opened.
 */
import type { AppState, ModelSettings } from '../store';
import type { QuintModel } from '../store/state';
import { quintModelOf } from '../store/fileNames';

export interface Project {
  id: string;
  name: string;
  /** File name → text, in tab order. */
  files: Record<string, string>;
  activeFile: string;
  model: ModelSettings;
  createdAt: number;
  updatedAt: number;
}

export type ProjectContent = Pick<Project, 'files' | 'activeFile' | 'model'>;

/** What the project list shows, without the files' text. */
export interface ProjectSummary {
  id: string;
  name: string;
  updatedAt: number;
  fileNames: string[];
}

export const summaryOf = (p: Project): ProjectSummary => ({
  id: p.id,
  name: p.name,
  updatedAt: p.updatedAt,
  fileNames: Object.keys(p.files),
});

export function contentOf(state: Pick<AppState, 'files' | 'activeFile' | 'model'>): ProjectContent {
  return { files: state.files, activeFile: state.activeFile, model: state.model };
}

/** Same files with the same text (the order of the tabs aside). */
export function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => Object.hasOwn(b, name) && b[name] === a[name]);
}

/**
 * Whether going from `before` to `after` opened another spec (an example, a share link, restored
 * work) rather than edited this one: the files were replaced at once, none of the old names kept.
 * Such a change goes into a project of its own, so the one that was open is not overwritten.
 */
export function isReplacement(
  before: Pick<AppState, 'files' | 'traceView'>,
  after: Pick<AppState, 'files' | 'traceView'>,
): boolean {
  if (before.files === after.files || before.traceView === after.traceView) return false;
  const names = Object.keys(after.files);
  return names.length > 0 && names.every((name) => !Object.hasOwn(before.files, name));
}

/** `wanted`, or `wanted 2`, `wanted 3`… whichever no other project has. */
export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  const base = wanted.trim() || 'Untitled';
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function newProjectId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The files a new, empty project starts with: a small spec that checks at once. */
export function blankProjectFiles(): Record<string, string> {
  return {
    'Spec.tla': [
      '---- MODULE Spec ----',
      'EXTENDS Naturals',
      '',
      'VARIABLE x',
      '',
      'Init == x = 0',
      '',
      "Next == x' = (x + 1) % 3",
      '',
      'TypeOK == x \\in 0..2',
      '====',
      '',
    ].join('\n'),
    'Spec.cfg': ['INIT Init', 'NEXT Next', 'INVARIANT TypeOK', ''].join('\n'),
  };
}

export const isSpecFile = (name: string) => /\.(tla|cfg|qnt)$/i.test(name);

const baseName = (name: string) => name.replace(/\.[^.]*$/, '');

/**
 * The main module and model config of a set of files: a module with a .cfg of the same name,
 * else the first module and the first config. A spec without a .cfg gets a `<Main>.cfg` naming
 * `Init` and `Next`, so that it can be checked at once (the user edits it as needed).
 */
export function modelOfFiles(files: Record<string, string>): {
  mainModule: string;
  cfgFile: string;
  addedCfg?: { name: string; text: string };
  quint?: QuintModel;
} {
  const names = Object.keys(files);
  const modules = names.filter((n) => /\.tla$/i.test(n));
  const quintFile = names.find((n) => /\.qnt$/i.test(n));
  if (modules.length === 0 && quintFile) {
    // Quint files only: a Quint model, with Quint's default names (the side panel changes them).
    return { ...quintModelOf(quintFile, files[quintFile]), cfgFile: '' };
  }
  const configs = names.filter((n) => /\.cfg$/i.test(n));
  const paired = modules.find((m) => configs.some((c) => baseName(c) === baseName(m)));
  const main = paired ?? modules[0];
  const mainModule = main ? baseName(main) : 'Spec';
  const cfgFile =
    configs.find((c) => baseName(c) === mainModule) ?? configs[0] ?? `${mainModule}.cfg`;
  if (configs.length > 0) return { mainModule, cfgFile };
  return { mainModule, cfgFile, addedCfg: { name: cfgFile, text: 'INIT Init\nNEXT Next\n' } };
}

/** Orders files as the tabs show them: modules first (the main one leading), then configs. */
export function orderFiles(
  files: Record<string, string>,
  mainModule: string,
): Record<string, string> {
  const rank = (name: string) =>
    name === `${mainModule}.tla`
      ? 0
      : /\.(tla|qnt)$/i.test(name)
        ? 1
        : /\.cfg$/i.test(name)
          ? 2
          : 3;
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(names.map((n) => [n, files[n]]));
}

/** A file name safe to download under: the project name without path or control characters. */
export function fileNameOf(projectName: string): string {
  const safe = [...projectName].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c));
  return safe.join('').replace(/-+/g, '-').trim() || 'project';
}
