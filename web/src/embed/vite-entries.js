// Build entries for the documentation pages and the embedder, used by
// web/vite.config.js (build.rollupOptions). Node-side only.
//
//   dist/index.html            the playground (src/main.js)
//   dist/docs/*.html           the tutorial pages (web/docs/), each loading
//                              src/embed/ like any page would
//   dist/embed/otp-embed.js    the embedder under a fixed name, with
//   dist/embed/otp-embed.css   its stylesheet: what any static page
//                              includes (docs/embedding.md)
import fs from 'node:fs';
import path from 'node:path';

export function embedRollupOptions(root) {
  const input = {
    main: path.join(root, 'index.html'),
    'otp-embed': path.join(root, 'src/embed/index.js'),
  };
  const docs = path.join(root, 'docs');
  if (fs.existsSync(docs)) {
    for (const file of fs.readdirSync(docs, { recursive: true })) {
      if (String(file).endsWith('.html')) input[`docs/${String(file).slice(0, -5)}`] = path.join(docs, String(file));
    }
  }
  const isEmbedCss = (asset) => (asset.names ?? [asset.name]).some((n) => n === 'otp-embed.css');
  return {
    input,
    output: {
      entryFileNames: (chunk) => (chunk.name === 'otp-embed' ? 'embed/otp-embed.js' : 'assets/[name]-[hash].js'),
      assetFileNames: (asset) => (isEmbedCss(asset) ? 'embed/otp-embed.css' : 'assets/[name]-[hash][extname]'),
    },
  };
}
