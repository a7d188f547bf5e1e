// Builds the Excel add-in into dist/: one shared-runtime page (taskpane.html loading
// functions.js + commands.js + taskpane.js), functions.json generated from the JSDoc of
// addin/functions/functions.ts (plus FunctionsMetadataFlagsPlugin's flags), the browser checker
// page (checker.html + checker.js, and its ExcelJS engine checker-engine.js, run as a Web Worker),
// the manifest and the icons.
//   npm run build        production (minified, no source maps, no eval)
//   npm run build:dev    development (source maps)
//   npm run dev-server   https://localhost:3000 with the Office dev certificate
// Production origin: PARSCORE_ORIGIN=https://host/path npm run build (or --env origin=…)
// rewrites every https://localhost:3000 URL of dist/manifest.xml; the source manifest stays dev.
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { checkManifestXml, findActionNames } = require('./scripts/check-manifest');

const DEV_ORIGIN = 'https://localhost:3000';
const EXCELJS_BROWSER = require.resolve('exceljs/dist/exceljs.bare.min.js');
const EVAL_RE = /(?<![\w$.])eval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(/;

/** Fails a production build whose JS still contains eval-like code (Office add-ins ship without). */
class NoEvalPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('NoEvalPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'NoEvalPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        (assets) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!name.endsWith('.js')) continue;
            const m = EVAL_RE.exec(asset.source().toString());
            if (m) compilation.errors.push(new compiler.webpack.WebpackError(`${name}: eval-like code "${m[0]}"`));
          }
        },
      );
    });
  }
}

/**
 * Top-level flags functions.json needs beyond what custom-functions-metadata writes (it writes
 * allowCustomDataForDataTypeAny, and has no JSDoc tag for more). allowErrorForDataTypeAny: without
 * it Excel never calls a function whose `any` argument holds an error, so one #N/A or #REF! cell
 * in the table range stopped PARSCORE / PARSUMMARY outright (Microsoft: the flag "can only be used
 * with manually created JSON metadata"; addin/functions/logic.ts reads the errors it lets in).
 */
const FUNCTIONS_METADATA_FLAGS = { allowErrorForDataTypeAny: true };

/** The generated functions.json text with FUNCTIONS_METADATA_FLAGS set (the functions untouched). */
function withMetadataFlags(json) {
  return JSON.stringify({ ...JSON.parse(json), ...FUNCTIONS_METADATA_FLAGS }, null, 4);
}

/** Rewrites the functions.json CustomFunctionsMetadataPlugin emitted (see withMetadataFlags). */
class FunctionsMetadataFlagsPlugin {
  constructor(asset) {
    this.asset = asset;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadataFlagsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsMetadataFlagsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.asset);
          // None when the JSDoc had errors: the metadata plugin reports those itself.
          if (!asset) return;
          const json = withMetadataFlags(asset.source.source().toString());
          compilation.updateAsset(this.asset, new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

function productionOrigin(value) {
  const url = new URL(value);
  if (url.protocol !== 'https:') throw new Error(`add-in origin must be https: ${value}`);
  return url.href.replace(/\/+$/, '');
}

/** dist/manifest.xml: dev URLs replaced by the deployment origin, then checked offline. */
async function manifestFor(content, origin) {
  let xml = content.toString('utf8');
  if (origin !== DEV_ORIGIN) {
    xml = xml
      .replace(/<!--[\s\S]*?-->\s*/g, '') // the comments describe the dev setup
      .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
      .join(`<AppDomain>${new URL(origin).origin}</AppDomain>`)
      .split(DEV_ORIGIN)
      .join(origin);
  }
  const problems = await checkManifestXml(xml, {
    actionNames: findActionNames(path.join(__dirname, 'addin', 'commands')),
  });
  if (problems.length) {
    throw new Error(`manifest.xml: ${problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
  }
  return xml;
}

async function devHttpsOptions() {
  // Only for `webpack serve`: installs/reads the trusted localhost certificate.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const origin = productionOrigin(env.origin || process.env.PARSCORE_ORIGIN || DEV_ORIGIN);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      // functions.js carries the webpack runtime and the model; the other page bundles
      // depend on it, so the page holds ONE instance of each module (e.g. the language).
      functions: './addin/functions/functions.ts',
      commands: { import: './addin/commands/commands.ts', dependOn: 'functions' },
      taskpane: { import: './addin/taskpane/taskpane.ts', dependOn: ['functions', 'commands'] },
      checker: './addin/checker/checker.ts',
      // The checker's ExcelJS + model engine: started as a Web Worker by checker.js, or loaded
      // into the page as a script where workers cannot start (file://).
      'checker-engine': './addin/checker/checker-engine.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // ExcelJS's browser build without polyfills (modern browsers only; its "browser" field
      // points to the polyfilled one, which also needs regenerator's Function(...) fallback).
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      // A self-contained browserify bundle: nothing for webpack to resolve in it (and parsing it
      // would pull in webpack's `global` shim, whose fallback is `new Function`).
      // (A RegExp: noParse strings are matched against the request, loaders included.)
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/,
      rules: [
        { test: EXCELJS_BROWSER, use: path.resolve(__dirname, 'scripts/webpack/exceljs-no-eval-loader.js') },
        {
          test: /[\\/]node_modules[\\/]zod[\\/].*\.js$/,
          use: path.resolve(__dirname, 'scripts/webpack/no-eval-loader.js'),
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: 'tsconfig.addin.json', onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    performance: { maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    plugins: [
      ...(dev ? [] : [new NoEvalPlugin()]),
      new CustomFunctionsMetadataPlugin({ input: './addin/functions/functions.ts', output: 'functions.json' }),
      new FunctionsMetadataFlagsPlugin('functions.json'),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({
        filename: 'checker.html',
        template: './addin/checker/checker.html',
        chunks: ['checker'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'addin/help/help.html', to: 'help.html' },
          { from: 'addin/help/findings.html', to: 'findings.html' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'addin/checker/checker.css', to: 'checker.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content, origin) },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: env.WEBPACK_SERVE ? await devHttpsOptions() : {} },
    },
  };
};
// For test/functions-metadata.test.ts: the flags as the build sets them.
module.exports.withMetadataFlags = withMetadataFlags;
module.exports.FUNCTIONS_METADATA_FLAGS = FUNCTIONS_METADATA_FLAGS;
