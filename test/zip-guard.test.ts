// xlsx/zip-guard.ts: the one pre-parse check of the CLI and the browser checker. The same hostile
// bytes go through the guard with both inflaters — Node's zlib (the CLI) and DecompressionStream
// ('deflate-raw', the browser's, which Node 20 also has) — and through both hosts' wrappers
// (cli/workbook-io.ts checkZip, addin/checker/inspect.ts): same verdict, same code, same params.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { inspectXlsx, LIMITS } from '../addin/checker/inspect';
import { CliError } from '../cli/errors';
import { checkZip, DEFAULT_LIMITS, nodeCappedInflate } from '../cli/workbook-io';
import { cappedInflateStream, guardXlsx, megabytes, paramText, type CappedInflate, type DecompressionStreamCtor, type ZipRefusal } from '../xlsx/zip-guard';
import { EXAMPLE, HAGIANG, LAOCAI } from './helpers/fixtures';
import { readZip, writeZip, type ZipEntry } from './helpers/zip';

const ENCRYPTED = path.join(__dirname, 'fixtures', 'hostile', 'encrypted-matkhau.xlsx');
const MB = 1024 * 1024;
const webInflate = cappedInflateStream(DecompressionStream);

describe('zip guard (one check for the CLI and the browser checker)', function () {
  this.timeout(60000);
  let parts: ZipEntry[];
  const cases: { name: string; bytes: () => Buffer; code: ZipRefusal['code'] | null; junk?: true }[] = [];
  /** Does this runtime's DecompressionStream reject data after the end of a deflate stream? */
  let strictStreams = true;
  before(async () => {
    parts = readZip(fs.readFileSync(HAGIANG));
    const packed = Buffer.concat([zlib.deflateRawSync(Buffer.from('abc')), Buffer.from('junk')]);
    strictStreams = await Promise.resolve(webInflate(packed, 4)).then(
      () => false,
      () => true,
    );
  });

  const add = (name: string, code: ZipRefusal['code'] | null, bytes: () => Buffer, junk?: true) =>
    cases.push({ name, code, bytes, ...(junk ? { junk } : {}) });
  const workbook = (...extra: ZipEntry[]) => writeZip([...parts, ...extra]);
  const deflated = (data: Buffer) => zlib.deflateRawSync(data, { level: 9 });

  add('an honest workbook (Hà Giang)', null, () => fs.readFileSync(HAGIANG));
  add('an honest workbook (Lào Cai, example)', null, () => fs.readFileSync(EXAMPLE));
  add('an honest workbook with stored and deflated entries', null, () =>
    writeZip(readZip(fs.readFileSync(LAOCAI)).map((e) => ({ ...e, store: e.name.endsWith('.rels') }))),
  );
  add('an empty file', 'not-xlsx', () => Buffer.alloc(0));
  add('text', 'not-xlsx', () => Buffer.from('not a workbook'));
  add('a zip signature and nothing else', 'truncated', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  add('the first half of a real workbook (a download cut short)', 'truncated', () => {
    const whole = fs.readFileSync(EXAMPLE);
    return whole.subarray(0, whole.length >> 1);
  });
  add('a password-protected workbook (real encrypted OOXML, CFB)', 'encrypted', () => fs.readFileSync(ENCRYPTED));
  add('a plain zip', 'not-xlsx', () => writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]));
  add('a zip without xl/workbook.xml (a .docx)', 'not-xlsx', () =>
    writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]),
  );
  add('an absurd compression ratio', 'bomb', () => workbook({ name: 'xl/media/zeros.bin', data: Buffer.alloc(30 * MB) }));
  add('more than 50 MB declared', 'too-large', () => workbook({ name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * MB) }));
  add('an end record whose count hides the large entry', 'too-large', () =>
    writeZip([...parts, { name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * MB) }], { eocdCount: parts.length }),
  );
  add('a central directory that under-declares (100 MB behind 1 KB)', 'zip-mismatch', () =>
    workbook({ name: 'xl/media/image1.png', data: Buffer.alloc(100 * MB), centralSize: 1024, localSize: 1024 }),
  );
  add('a central directory that over-declares', 'zip-mismatch', () =>
    workbook({ name: 'xl/media/image1.png', data: Buffer.alloc(1000, 7), centralSize: 5000, localSize: 5000 }),
  );
  add('a local header that disagrees with the central directory', 'zip-mismatch', () =>
    writeZip(parts.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, localSize: e.data.length * 1000 } : e))),
  );
  add('a truncated deflate stream', 'zip-mismatch', () => {
    const data = Buffer.from('<x>'.repeat(5000));
    const full = deflated(data);
    return workbook({ name: 'xl/media/cut.xml', data, packed: full.subarray(0, full.length >> 1) });
  });
  add('data after the end of the deflate stream', 'zip-mismatch', () => {
    const data = Buffer.from('<x>'.repeat(5000));
    return workbook({ name: 'xl/media/junk.xml', data, packed: Buffer.concat([deflated(data), Buffer.from('junk')]) });
  }, true);
  add('random bytes as a deflate stream', 'zip-mismatch', () => {
    // Deterministic noise: a chain of SHA-256 digests.
    const noise = Buffer.concat(Array.from({ length: 63 }, (_, i) => createHash('sha256').update(`noise ${i}`).digest()));
    return workbook({ name: 'xl/media/noise.bin', data: Buffer.alloc(4000), packed: noise });
  });
  add('an unknown compression method', 'unreadable', () => workbook({ name: 'xl/media/x.bin', data: Buffer.from('abc'), store: true, method: 12 }));

  it('gives the same verdict with Node’s zlib and with DecompressionStream, as expected, for every case', async () => {
    assert.equal(typeof DecompressionStream, 'function', 'Node 20 has DecompressionStream');
    for (const c of cases) {
      const bytes = c.bytes();
      const node = await guardXlsx(bytes, DEFAULT_LIMITS, nodeCappedInflate);
      assert.equal(node?.code ?? null, c.code, `${c.name}: ${JSON.stringify(node)}`);
      // Browsers' DecompressionStream refuses trailing data (as the Node inflater does); Node 20's
      // own does not, so that one case is held to the browser in test/browser-checker.test.ts.
      if (c.junk && !strictStreams) continue;
      const web = await guardXlsx(bytes, DEFAULT_LIMITS, webInflate);
      assert.deepEqual(web, node, `${c.name}: the two inflaters disagree`);
    }
  });

  it('both hosts turn the verdict into the same error code and message parameters', async () => {
    assert.deepEqual(LIMITS, DEFAULT_LIMITS);
    for (const c of cases) {
      if (c.junk && !strictStreams) continue;
      const bytes = c.bytes();
      const file = 'phụ lục.xlsx';
      const checker = await inspectXlsx(bytes, file);
      let cli: { code: string; params: Record<string, string | number> } | null = null;
      try {
        await checkZip(bytes, file, DEFAULT_LIMITS);
      } catch (e) {
        assert.ok(e instanceof CliError, String(e));
        cli = { code: e.code, params: e.params };
      }
      assert.deepEqual(checker, cli, c.name);
      if (c.code) assert.equal(checker?.params.file, file, c.name);
    }
  });

  it('inflates no more than the declared size + 1 byte (plus one chunk of the stream)', async () => {
    const bomb = deflated(Buffer.alloc(100 * MB));
    assert.equal(nodeCappedInflate(bomb, 1025), 1025);
    let produced = 0;
    const Counting = class {
      readable: ReadableStream<Uint8Array>;
      writable: WritableStream<BufferSource>;
      constructor(format: 'deflate-raw') {
        const ds = new DecompressionStream(format);
        this.writable = ds.writable;
        this.readable = ds.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, out) {
              produced += chunk.byteLength;
              out.enqueue(chunk);
            },
          }),
        );
      }
    } satisfies DecompressionStreamCtor;
    const inflate: CappedInflate = cappedInflateStream(Counting);
    assert.equal(await inflate(bomb, 1025), 1025);
    assert.ok(produced < 4 * MB, `${produced} bytes inflated for a cap of 1025`);
    // An honest entry inflates in full, in both.
    const text = Buffer.from('Kế hoạch cải cách hành chính '.repeat(1000));
    assert.equal(await webInflate(deflated(text), text.length + 1), text.length);
    assert.equal(nodeCappedInflate(deflated(text), text.length + 1), text.length);
  });

  it('a browser without DecompressionStream refuses a workbook rather than reading it unchecked', async () => {
    const ok = fs.readFileSync(LAOCAI);
    assert.deepEqual(await inspectXlsx(ok, 'a.xlsx', LIMITS, null), { code: 'old-browser', params: { file: 'a.xlsx' } });
    // What is refused before any inflating keeps its own message there too.
    assert.equal((await inspectXlsx(fs.readFileSync(ENCRYPTED), 'b.xlsx', LIMITS, null))?.code, 'encrypted');
    assert.equal(await inspectXlsx(ok, 'a.xlsx'), null);
  });
});

describe('sizes in refusals', () => {
  it('never reads "0" or no more than the limit it broke; Vietnamese with a decimal comma', () => {
    const MiB = 1024 * 1024;
    assert.equal(megabytes(0.16 * MiB, 0.001), 0.2);
    assert.equal(megabytes(100, 0.00001), 0.001); // 100 bytes: not "0"
    assert.equal(megabytes(0.12 * MiB, 0.11), 0.12); // not "0.1" over a 0.11 MB limit
    assert.equal(megabytes(60.2 * MiB, 50), 60);
    assert.equal(megabytes(60.4 * MiB, 60.3), 60.4);
    assert.equal(paramText(0.2, 'vi'), '0,2');
    assert.equal(paramText(0.2, 'en'), '0.2');
    assert.equal(paramText('a.b', 'vi'), 'a.b');
  });
});
