import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { retainDecks } from './build/vite-plugin-decks.ts';

export default defineConfig({
  plugins: [react(), retainDecks()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
});
