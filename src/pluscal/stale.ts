/**
 * Does a module's translation still say what its PlusCal algorithm says? TLC checks the
 * translation, never the algorithm: an algorithm edited and not translated again is checked as its
 * old self, silently. `translationState` tells, as the Toolbox does where it can:
 *
 * - the BEGIN TRANSLATION line records `chksum(pcal)`, the checksum of the algorithm it was made
 *   from: the translation is current when it equals the algorithm's checksum now (a translation
 *   edited by hand after that is the user's and stays current). A `--fair algorithm` has a
 *   constant checksum (pcal.trans takes it of the word `fair`), so it is judged as below;
 * - otherwise the translation is current when it equals, token for token, the algorithm's
 *   translation (a translation written by an older translator differs and so is stale).
 */
import { CHECKSUM_PATTERN, crc32 } from './checksum';
import type { PlusCalBug, PlusCalError } from './errors';
import { translateModule, type Translation } from './translate';

/** The checksum of every `--fair algorithm`. */
const FAIR_CHECKSUM = crc32('fair');
const ALGORITHM = /--(?:fair\s+)?algorithm\b/;

export type TranslationState =
  /** No PlusCal algorithm in the module. */
  | { kind: 'none' }
  /** The translation is the algorithm's (`translation` is the algorithm's own, for reference). */
  | { kind: 'current'; translation: Translation }
  /** The translation is not the algorithm's: `translation` is. `reason` says how we know. */
  | { kind: 'stale'; reason: string; translation: Translation }
  /** The algorithm does not translate. */
  | { kind: 'error'; error: PlusCalError | PlusCalBug };

const tokens = (lines: readonly string[]): string =>
  lines.join('\n').split(/\s+/).filter(Boolean).join(' ');

/** Whether `text` holds a PlusCal algorithm (the translator's own test: `--algorithm` or `--fair`). */
export function hasAlgorithm(text: string): boolean {
  return ALGORITHM.test(text);
}

export function translationState(text: string): TranslationState {
  if (!hasAlgorithm(text)) return { kind: 'none' };
  const r = translateModule(text);
  if (!r.ok) return { kind: 'error', error: r.error };
  const lines = text.split(/\r\n|\r|\n/);
  const begin = lines.findIndex((l) => /BEGIN\s+TRANSLATION/.test(l));
  const end = begin < 0 ? -1 : lines.findIndex((l, i) => i > begin && /END\s+TRANSLATION/.test(l));
  if (begin < 0 || end < 0)
    return { kind: 'stale', reason: 'the module has no translation', translation: r };
  const recorded = CHECKSUM_PATTERN.exec(lines[begin])?.groups?.pcal;
  const now = r.pcalChecksum;
  if (recorded !== undefined && recorded !== FAIR_CHECKSUM && now !== FAIR_CHECKSUM) {
    return recorded === now
      ? { kind: 'current', translation: r }
      : {
          kind: 'stale',
          reason: 'the algorithm changed since it was translated (its checksum differs)',
          translation: r,
        };
  }
  return tokens(lines.slice(begin + 1, end)) === tokens(r.translation)
    ? { kind: 'current', translation: r }
    : {
        kind: 'stale',
        reason: "the translation is not the algorithm's translation",
        translation: r,
      };
}
