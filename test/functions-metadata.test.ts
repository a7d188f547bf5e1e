// functions.json is generated from the JSDoc of addin/functions/functions.ts: check what Excel will see.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { generateCustomFunctionsMetadata, type IFunction } from 'custom-functions-metadata';
import { DIST, haveDist } from './helpers/browser';

const SOURCE = path.join(__dirname, '..', 'addin', 'functions', 'functions.ts');

// webpack.config.js: the post-processing of the generated functions.json, and the config itself.
const webpackConfig = require('../webpack.config.js') as ((env: object, argv: object) => Promise<{ plugins: object[] }>) & {
  withMetadataFlags(json: string): string;
};

describe('custom functions metadata', () => {
  let functions: IFunction[] = [];
  let errors: string[] = [];
  let associated: string[] = [];
  let generated = '';

  before(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    generated = result.metadataJson;
    errors = result.errors;
    associated = result.associate.map((a) => `${a.id}=${a.functionName}`);
    functions = result.metadataJson ? (JSON.parse(result.metadataJson) as { functions: IFunction[] }).functions : [];
  });

  const fn = (id: string): IFunction => {
    const f = functions.find((x) => x.id === id);
    assert.ok(f, `no function ${id}`);
    return f;
  };

  it('generates without errors', () => {
    assert.deepEqual(errors, []);
  });

  it('declares exactly PARSCORE, PARSUMMARY, PARCHECK, PARTARGET with upper-case ids and names', () => {
    assert.deepEqual(functions.map((f) => f.id).sort(), ['PARCHECK', 'PARSCORE', 'PARSUMMARY', 'PARTARGET']);
    for (const f of functions) assert.equal(f.name, f.id);
    assert.deepEqual(associated.sort(), [
      'PARCHECK=parcheck',
      'PARSCORE=parscore',
      'PARSUMMARY=parsummary',
      'PARTARGET=partarget',
    ]);
  });

  it('PARSCORE takes a matrix, an optional measure and an optional year, and returns a number', () => {
    const f = fn('PARSCORE');
    assert.equal(f.parameters.length, 3);
    // "any": a year typed as 2024 arrives as a number, as text when written "2024".
    assert.deepEqual([f.parameters[2]!.name, f.parameters[2]!.optional, f.parameters[2]!.type], ['year', true, 'any']);
    assert.equal(f.parameters[0]!.dimensionality, 'matrix');
    assert.notEqual(f.parameters[0]!.optional, true);
    assert.equal(f.parameters[1]!.optional, true);
    assert.equal(f.parameters[1]!.type, 'string');
    assert.equal(f.result?.type, 'number');
  });

  it('PARSUMMARY takes a matrix and spills a matrix', () => {
    const f = fn('PARSUMMARY');
    assert.equal(f.parameters[0]!.dimensionality, 'matrix');
    assert.deepEqual(f.parameters.slice(1).map((p) => [p.name, p.optional]), [['year', true]]);
    assert.equal(f.result?.dimensionality, 'matrix');
  });

  it('PARCHECK and PARTARGET return text and are neither streaming nor volatile', () => {
    assert.deepEqual(fn('PARCHECK').parameters.map((p) => [p.name, p.optional ?? false]), [['target', false], ['actual', false], ['year', true]]);
    // "any": Excel hands a number target cell (95% is 0.95) over as a number, not as text.
    assert.equal(fn('PARCHECK').parameters[0]!.type, 'any');
    assert.equal(fn('PARTARGET').parameters[0]!.type, 'any');
    assert.equal(fn('PARCHECK').result?.type, 'string');
    assert.equal(fn('PARTARGET').result?.type, 'string');
    for (const f of functions) {
      assert.notEqual(f.options?.stream, true, f.id);
      assert.notEqual(f.options?.volatile, true, f.id);
    }
  });

  describe('allowErrorForDataTypeAny: error cells reach the functions (else one #N/A in the table range stops PARSCORE)', () => {
    it('the generator cannot write it, so the build adds it and keeps everything else', () => {
      const plain = JSON.parse(generated) as Record<string, unknown>;
      // If a newer generator writes it, FunctionsMetadataFlagsPlugin in webpack.config.js can go.
      assert.equal(plain.allowErrorForDataTypeAny, undefined);
      const built = JSON.parse(webpackConfig.withMetadataFlags(generated)) as Record<string, unknown>;
      assert.equal(built.allowErrorForDataTypeAny, true);
      assert.equal(built.allowCustomDataForDataTypeAny, true);
      assert.deepEqual({ ...built, allowErrorForDataTypeAny: undefined }, { ...plain, allowErrorForDataTypeAny: undefined });
    });

    it('the webpack config runs that step after the metadata plugin, in every mode', async () => {
      for (const mode of ['production', 'development']) {
        const names = (await webpackConfig({}, { mode })).plugins.map((p) => p.constructor.name);
        const generator = names.indexOf('CustomFunctionsMetadataPlugin');
        assert.ok(generator >= 0 && names.indexOf('FunctionsMetadataFlagsPlugin') > generator, `${mode}: ${names.join(', ')}`);
      }
    });

    it('dist/functions.json, the file Excel loads, carries it', () => {
      assert.ok(haveDist(), 'dist/ is missing or incomplete: run `npm run build` first (`npm test` builds before mocha).');
      const shipped = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { allowErrorForDataTypeAny?: unknown; functions: IFunction[] };
      assert.equal(shipped.allowErrorForDataTypeAny, true);
      assert.deepEqual(shipped.functions, functions);
    });
  });

  it('every function and parameter has a description (Excel shows them while typing)', () => {
    for (const f of functions) {
      assert.ok(f.description, f.id);
      for (const p of f.parameters) assert.ok(p.description, `${f.id}.${p.name}`);
    }
  });
});
