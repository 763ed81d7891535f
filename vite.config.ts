import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Module workers, so the checker worker can share chunks and load the parser lazily.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco's lazily loaded chunk is large by nature; the first-load budget is watched in e2e.
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173 },
  preview: { port: 5173, strictPort: true },
});
