// vite builds the page (index.html + src/) into dist/: static files with
// relative URLs, so dist/ works from any static server, at any path.
//
// The node itself (otp_web.js + otp_web.wasm) comes from the wasm build of
// the C++ tree: OTP_WEB_NODE_DIR names the folder holding them (scripts/run.sh
// sets it); the default is the superbuild's build/wasm/bin.
import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedRollupOptions } from './src/embed/vite-entries.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeDir = path.resolve(process.env.OTP_WEB_NODE_DIR ?? path.join(here, '../build/wasm/bin'));

export default defineConfig({
  base: './',
  resolve: { alias: { '@otp-node': nodeDir } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    // The tutorial (docs/*.html) and the embedder's fixed-name bundle.
    rollupOptions: embedRollupOptions(here),
  },
  server: { fs: { allow: [here, nodeDir] } },
});
