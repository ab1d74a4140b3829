// Builds the task pane (with the ribbon functions in the same page: one shared runtime), copies
// the icons and help page, and writes the manifest and the shortcuts JSON from the command
// registry, with production URLs in production builds.
require('tsx/cjs');
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { buildManifest, DEV_ORIGIN } = require('./scripts/buildManifest.ts');
const { shortcutsJson } = require('./src/commands/shortcuts.ts');

const FIRST_LOAD_BUDGET_KB = 300;

/** Prints the gzip size of the JavaScript the task pane loads first, and fails over budget. */
class FirstLoadSizePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FirstLoadSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FirstLoadSizePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get('taskpane');
          if (!entry) return;
          let gzip = 0;
          for (const file of entry.getFiles().filter((f) => f.endsWith('.js')))
            gzip += zlib.gzipSync(compilation.getAsset(file).source.buffer()).length;
          const kb = gzip / 1024;
          console.log(`task pane first-load JavaScript: ${kb.toFixed(1)} KB gzip (budget ${FIRST_LOAD_BUDGET_KB} KB)`);
          // Development builds are unminified with eval source maps: the budget is for what ships.
          if (compiler.options.mode === 'production' && kb > FIRST_LOAD_BUDGET_KB)
            compilation.errors.push(
              new Error(
                `the task pane's first JavaScript is ${kb.toFixed(1)} KB gzip, ` +
                  `over the ${FIRST_LOAD_BUDGET_KB} KB budget`,
              ),
            );
        },
      );
    });
  }
}

/**
 * The task pane must never include the embedded Excel (src/emulator): every module reachable from
 * the taskpane entry (its chunks and the lazy pages' chunks) is checked. The workbench entry,
 * built only for development and tests, may include it.
 */
class NoEmulatorInTaskpanePlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('NoEmulatorInTaskpanePlugin', (compilation) => {
      const emulator = path.join(__dirname, 'src', 'emulator') + path.sep;
      const entry = compilation.entrypoints.get('taskpane');
      if (!entry) return;
      const chunks = new Set();
      const visit = (group) => {
        for (const chunk of group.chunks) chunks.add(chunk);
        for (const child of group.getChildren()) visit(child);
      };
      visit(entry);
      for (const chunk of chunks) {
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          for (const inner of module.modules ?? [module]) {
            if (inner.resource && inner.resource.startsWith(emulator))
              compilation.errors.push(
                new Error(
                  `src/emulator must not be in the task pane bundle: ${path.relative(__dirname, inner.resource)}`,
                ),
              );
          }
        }
      }
    });
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  // The workbench (the embedded Excel beside the real pane) is for development and browser tests:
  // built in development, and in production only when asked (`--env workbench`), never shipped.
  const workbench = !production || Boolean(env && env.workbench);
  let origin = DEV_ORIGIN;
  if (production) {
    origin = (process.env.ADDIN_PRODUCTION_URL || 'https://moderation-qa.example.com').replace(/\/$/, '');
    if (!process.env.ADDIN_PRODUCTION_URL)
      console.warn(
        `ADDIN_PRODUCTION_URL is not set: the manifest in dist/ points to ${origin}. Set it to where you host dist/.`,
      );
  }
  let https;
  if (!production && argv.env && argv.env.WEBPACK_SERVE) {
    try {
      https = await require('office-addin-dev-certs').getHttpsServerOptions();
    } catch (error) {
      console.warn(`Dev certificates are not available (${error.message}); serving over http on localhost.`);
    }
  }
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval, in development too.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.tsx', ...(workbench ? { workbench: './src/workbench/index.tsx' } : {}) },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    optimization: { splitChunks: { chunks: 'async' } },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: 'workbench.html',
              template: './src/workbench/workbench.html',
              chunks: ['workbench'],
            }),
            new HtmlWebpackPlugin({
              filename: 'index.html',
              template: './src/workbench/workbench.html',
              chunks: ['workbench'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: () => buildManifest(origin) },
          // The workbench's embedded Excel answers Microsoft's own Excel client (dev-only page).
          ...(workbench
            ? [
                {
                  from: 'node_modules/@microsoft/office-js/dist/excel-web-16.00.js',
                  to: 'office-js/excel-web-16.00.js',
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('ShortcutsJson', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'ShortcutsJson', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                compilation.emitAsset(
                  'shortcuts.json',
                  new compiler.webpack.sources.RawSource(JSON.stringify(shortcutsJson('en'), null, 2)),
                );
              },
            );
          });
        },
      },
      new FirstLoadSizePlugin(),
      new NoEmulatorInTaskpanePlugin(),
    ],
    devServer: {
      port: 3000,
      host: 'localhost',
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      // `npm start` opens the workbench (the embedded Excel beside the real pane); BROWSER=none keeps it closed.
      open: process.env.BROWSER === 'none' ? false : ['/workbench.html'],
    },
  };
};
