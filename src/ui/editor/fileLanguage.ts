import { cfgLanguageId } from './cfgLanguage';
import { tlaLanguageId } from './tlaLanguage';

export function languageOfFile(name: string): string {
  if (name.endsWith('.tla')) return tlaLanguageId;
  if (name.endsWith('.cfg')) return cfgLanguageId;
  return 'plaintext';
}
