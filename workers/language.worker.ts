/** Browser entry of the language worker (see languageApi.ts); Vite builds it into its own chunk. */
import * as Comlink from 'comlink';
import { initParser } from '../src/tla/parse/parser';
import { browserParserAssets } from '../src/tla/parse/parser-assets-browser';
import { createLanguageApi } from './languageApi';

Comlink.expose(createLanguageApi(() => initParser(browserParserAssets())));
