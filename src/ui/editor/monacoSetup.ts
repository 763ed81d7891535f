/**
 * Monaco's editor core with the few contributions this app uses, TLA+ and .cfg languages and our
 * themes. Loaded only through loadMonaco.ts (a dynamic import): it is most of the app's code.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/documentSymbols/register';
import 'monaco-editor/features/quickOutline/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import { cfgLanguageConfiguration, cfgLanguageId, cfgMonarch } from './cfgLanguage';
import { quintLanguageConfiguration, quintLanguageId, quintMonarch } from './quintLanguage';
import { darkTheme, editorThemeNames, lightTheme } from './themes';
import { tlaLanguageConfiguration, tlaLanguageId, tlaMonarch } from './tlaLanguage';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.languages.register({ id: tlaLanguageId, extensions: ['.tla'], aliases: ['TLA+'] });
monaco.languages.setMonarchTokensProvider(tlaLanguageId, tlaMonarch);
monaco.languages.setLanguageConfiguration(tlaLanguageId, tlaLanguageConfiguration);

monaco.languages.register({ id: cfgLanguageId, extensions: ['.cfg'], aliases: ['TLC config'] });
monaco.languages.setMonarchTokensProvider(cfgLanguageId, cfgMonarch);
monaco.languages.setLanguageConfiguration(cfgLanguageId, cfgLanguageConfiguration);

monaco.languages.register({ id: quintLanguageId, extensions: ['.qnt'], aliases: ['Quint'] });
monaco.languages.setMonarchTokensProvider(quintLanguageId, quintMonarch);
monaco.languages.setLanguageConfiguration(quintLanguageId, quintLanguageConfiguration);

monaco.editor.defineTheme(editorThemeNames.light, lightTheme);
monaco.editor.defineTheme(editorThemeNames.dark, darkTheme);

export { monaco };
export type Monaco = typeof monaco;
