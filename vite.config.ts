import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the renderer into dist/renderer. `base: './'` keeps asset URLs relative, so the same
// build loads from app://ouro/ in Electron and from the web host's root.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
