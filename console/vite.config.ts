import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two inputs, one output directory that the Maven module packages into its jar:
 *  - index.html: the technician console (hashed assets, served at /);
 *  - src/join/main.tsx: the customer's join-page script. The server renders the join page itself
 *    and links /assets/join.js and /assets/join.css by name, so those two names never carry a hash.
 * Shared code between the two lands in hashed chunks next to them under assets/.
 */
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: resolve(root, 'target/classes/tandem/console'),
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      input: {
        console: resolve(root, 'index.html'),
        join: resolve(root, 'src/join/main.tsx'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'join' ? 'assets/join.js' : 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/shared-[hash].js',
        assetFileNames: (asset) =>
          asset.names.includes('join.css') ? 'assets/join.css' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    // `npm run dev` against a server started with `./tandem server` on the default port.
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
