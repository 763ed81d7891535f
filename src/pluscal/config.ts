/**
 * The model config pcal.trans writes beside the module (`Spec.cfg`) unless it is given `-nocfg`:
 * what the user wrote after the line `\* Add statements after this line.` is kept (all of an
 * existing config without that line, which then gets it on top), and above it the translator puts
 * `SPECIFICATION Spec` (unless the config already has a SPECIFICATION statement not commented
 * out), `PROPERTY Termination` with `-termination`, and `CONSTANT defaultInitValue =
 * defaultInitValue` when a variable has no initial value.
 */
import { splitLines } from './scanner';
import type { Translation } from './translate';

export const CFG_DELIMITER = '\\* Add statements after this line.';

export interface TranslatorConfig {
  /** The config's text (lines ending in `\n`). */
  text: string;
  /** What pcal.trans prints about it. */
  messages: string[];
}

/** The config pcal.trans writes for `translation`, given the existing config text (if any). */
export function translatorConfig(
  existing: string | undefined,
  translation: Pick<Translation, 'options' | 'hasDefaultInitialization'>,
  cfgName = 'Spec.cfg',
): TranslatorConfig {
  const messages: string[] = [];
  let cfg = existing === undefined ? [CFG_DELIMITER] : splitLines(existing);
  const at = cfg.findIndex((l) => l.includes(CFG_DELIMITER));
  if (at >= 0) cfg = cfg.slice(at);
  else cfg.unshift(CFG_DELIMITER);
  if (translation.hasDefaultInitialization)
    cfg.unshift('CONSTANT defaultInitValue = defaultInitValue');
  if (translation.options.termination) cfg.unshift('PROPERTY Termination');
  const hasSpec = cfg.some((l) => {
    const spec = l.indexOf('SPECIFICATION');
    const comment = l.indexOf('\\*');
    return spec !== -1 && (comment === -1 || comment > spec);
  });
  if (hasSpec)
    messages.push(
      `File ${cfgName} already contains SPECIFICATION statement,`,
      '   so new one not written.',
    );
  else cfg.unshift('SPECIFICATION Spec');
  return { text: cfg.map((l) => l + '\n').join(''), messages };
}
