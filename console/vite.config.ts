import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { en } from './src/i18n/en.ts';
import { es } from './src/i18n/es.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Three inputs, one output directory that the Maven module packages into its jar:
 *  - index.html: the technician console (hashed assets, served at /);
 *  - src/join/main.tsx: the customer's join-page script. The server renders the join page itself
 *    and links /assets/join.js and /assets/join.css by name, so those two names never carry a hash;
 *  - src/portal/main.tsx: the portal's customer page (/portal/{slug}), linked the same way as
 *    /assets/portal.js and /assets/portal.css (on top of join.css).
 * Shared code between the two lands in hashed chunks next to them under assets/.
 */
/**
 * The console's catalogues as JSON beside the pages (i18n/en.json, i18n/es.json): the server reads
 * them from its classpath to word transcript lines, prompts and audit details in each reader's
 * language, so a sentence is written once, in src/i18n, for the browser and the server alike.
 */
function catalogues(): Plugin {
  return {
    name: 'tandem-catalogues',
    apply: 'build',
    generateBundle() {
      for (const [lang, messages] of Object.entries({ en, es })) {
        this.emitFile({ type: 'asset', fileName: `i18n/${lang}.json`, source: JSON.stringify(messages) });
      }
    },
  };
}

export default defineConfig({
  plugins: [preact(), catalogues()],
  build: {
    outDir: resolve(root, 'target/classes/tandem/console'),
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      // noVNC (lazily loaded by the Viewer window only) probes H.264 support with a top-level await.
      // The es2020 target cannot express it, so the bundler keeps it as is: fine for the technician's
      // browser (top-level await: Chrome/Edge 89, Firefox 89, Safari 15), and neither the console's
      // first chunk nor join.js contains it. Only that one known case is kept out of the build log.
      onLog(level, log, handler) {
        if (log.code === 'TOLERATED_TRANSFORM' && `${log.id ?? ''}${log.message}`.includes('@novnc/novnc/core/util/browser.js')) return;
        handler(level, log);
      },
      input: {
        console: resolve(root, 'index.html'),
        join: resolve(root, 'src/join/main.tsx'),
        portal: resolve(root, 'src/portal/main.tsx'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'join' || chunk.name === 'portal' ? `assets/${chunk.name}.js` : 'assets/[name]-[hash].js',
        // A chunk loaded on demand (noVNC, for the Viewer window) keeps its own name; the rest is shared code.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js'),
        assetFileNames: (asset) =>
          asset.names.includes('join.css')
            ? 'assets/join.css'
            : asset.names.includes('portal.css')
              ? 'assets/portal.css'
              : 'assets/[name]-[hash][extname]',
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
