// Build the widget: one minified IIFE at build/widget/widget.js (repo root), CSS inlined as text,
// clients/starters.json bundled.
//   npm ci --prefix clients/widget && npm run --prefix clients/widget build
// Prints the bundle size (bytes and gzip bytes) and writes them to build/widget/size.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, "..", "..", "build", "widget");
const outfile = join(outdir, "widget.js");
const pkg = (name) => JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));

// CSS is imported as a minified string and given to the shadow root.
const cssAsText = {
  name: "css-as-text",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      const { code } = await esbuild.transform(source, { loader: "css", minify: true });
      return { contents: code.trim(), loader: "text" };
    });
  },
};

const own = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const banner = `/*! ${own.name} ${own.version} | includes socket.io-client ${pkg("socket.io-client").version}`
  + " (MIT, (c) 2014-present Guillermo Rauch and Socket.IO contributors) */";

// The starter questions under the greeting (clients/starters.json, shared with the Telegram bridge):
// a list of {title, payload} strings, bundled into widget.js. A malformed file stops the build.
const startersFile = resolve(here, "..", "starters.json");
const starters = JSON.parse(readFileSync(startersFile, "utf8"));
if (!Array.isArray(starters) || !starters.every((s) => s && typeof s.title === "string" && s.title.trim()
    && typeof s.payload === "string" && s.payload.trim())) {
  throw new Error(`${startersFile}: must be a list of {"title": "…", "payload": "…"}`);
}

mkdirSync(outdir, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, "src", "widget.js")],
  outfile,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  banner: { js: banner },
  charset: "utf8",
  plugins: [cssAsText],
  logLevel: "warning",
});

const bundle = readFileSync(outfile);
const size = { bytes: bundle.length, gzip_bytes: gzipSync(bundle, { level: 9 }).length };
writeFileSync(join(outdir, "size.json"), JSON.stringify(size) + "\n");
console.log(`build/widget/widget.js: ${size.bytes} bytes, ${size.gzip_bytes} bytes gzipped`);
