import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './src/offline/vite-plugin.js';
import { inlineWorkerCode } from './workers/inlineWorkerCode.js';

const checks = {
  // web-tree-sitter's Emscripten loader uses eval on purpose; nothing of ours does.
  eval: false,
  // Timing reports are noise in `npm start`'s output, which must show the URL.
  bundlerTimings: false,
};

// Quint's front end (loaded with a .qnt file) imports a few Node modules; in the browser these
// small shims stand in for what it uses (src/quint/browser/).
const nodeShims = {
  'node:util': fileURLToPath(new URL('./src/quint/browser/util.ts', import.meta.url)),
  util: fileURLToPath(new URL('./src/quint/browser/util.ts', import.meta.url)),
  assert: fileURLToPath(new URL('./src/quint/browser/assert.cjs', import.meta.url)),
};

/**
 * Writes Monaco's chunk file name into the app where src/ui/editor/loadMonaco.ts has a
 * placeholder, so that the page can download it before running it. The importing chunk already
 * names that file in its dynamic import, so its hash does not change with this.
 */
function monacoChunkName(): Plugin {
  const placeholder = '__specstage_monaco_chunk__';
  return {
    name: 'specstage-monaco-chunk-name',
    apply: 'build',
    generateBundle(_options, bundle) {
      const monaco = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/editor/monacoSetup.ts'),
      );
      if (!monaco) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes(placeholder))
          chunk.code = chunk.code.replaceAll(placeholder, `/${monaco.fileName}`);
      }
    },
  };
}

/**
 * Starts the first checker worker from a line of script in the built page's head, before the
 * app's modules download (workers/earlyWorker.ts adopts it): the worker's script, the engine and
 * the parser's wasm then load in parallel with the app instead of after it (issue #23, time to the
 * first verdict). The worker's small bootstrap is written into that line and started from a blob,
 * so the worker does not wait for its own script's download (which took 140-450 ms of the first
 * verdict's ~1.1 s in the browser bench, against ~40 ms for the page's other small files); later
 * workers load it from its URL. The worker's file name is only known once the bundle is written;
 * in the dev server the app starts the worker itself.
 */
function earlyWorkerScript(): Plugin {
  let base = '/';
  return {
    name: 'specstage-early-worker',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const found = Object.entries(context.bundle ?? {}).find(([name]) =>
          /(^|\/)checker\.worker-[\w-]+\.js$/.test(name),
        );
        if (!found) throw new Error('specstage-early-worker: no checker worker in the bundle');
        const [fileName, output] = found;
        const url = `${base}${fileName}`;
        const code =
          output.type === 'chunk'
            ? output.code
            : typeof output.source === 'string'
              ? output.source
              : new TextDecoder().decode(output.source);
        const inline = inlineWorkerCode(code, url.slice(0, url.lastIndexOf('/') + 1));
        const options = '{type:"module",name:"specstage-checker"}';
        const byUrl = `new Worker(${JSON.stringify(url)},${options})`;
        // `<` escaped so that no `</script>` in the code can end the script element.
        const byBlob =
          inline &&
          `new Worker(URL.createObjectURL(new Blob([${JSON.stringify(inline).replace(/</g, '\\u003c')}],{type:"text/javascript"})),${options})`;
        return [
          {
            tag: 'script',
            injectTo: 'head-prepend',
            children: `try{window.__specstageEarlyWorker=${byBlob || byUrl}}catch(e){}`,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  resolve: { alias: nodeShims },
  // offlinePlugin: the service worker that keeps the built app usable offline (src/offline).
  plugins: [react(), offlinePlugin(), monacoChunkName(), earlyWorkerScript()],
  // Module workers, so the checker worker can share chunks and load the parser lazily.
  worker: { format: 'es', rolldownOptions: { checks } },
  build: {
    target: 'es2022',
    // Monaco's lazily loaded chunk is large by nature; the first-load budget is watched in e2e.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { checks },
  },
  // The dev server finds the worker's dependencies only when the worker starts; listing them here
  // spares a page reload at the first check. web-tree-sitter is ESM already and locates its
  // wasm relative to itself, so it is served as is.
  optimizeDeps: { include: ['comlink'], exclude: ['web-tree-sitter'] },
  server: { port: 5173 },
  preview: { port: 5173, strictPort: true },
});
