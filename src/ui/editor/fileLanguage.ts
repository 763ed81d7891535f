import { cfgLanguageId } from './cfgLanguage';
import { quintLanguageId } from './quintLanguage';
import { tlaLanguageId } from './tlaLanguage';

export function languageOfFile(name: string): string {
  if (name.endsWith('.tla')) return tlaLanguageId;
  if (name.endsWith('.cfg')) return cfgLanguageId;
  if (name.endsWith('.qnt')) return quintLanguageId;
  return 'plaintext';
}
