// The offline manifest check: the real manifest passes, and each kind of breakage is caught.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkManifestFile, checkManifestXml, findActionNames } from '../scripts/check-manifest';

const ROOT = path.join(__dirname, '..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ACTIONS = ['scoreAndSummarise'];

async function codes(xml: string, actionNames: string[] | null = ACTIONS): Promise<string[]> {
  return (await checkManifestXml(xml, { actionNames })).map((p) => p.code);
}

/** Replaces exactly one occurrence, so a broken fixture never silently equals the original. */
function once(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  assert.notEqual(out, xml, `fixture edit did not apply: ${from}`);
  return out;
}

describe('manifest.xml (offline check)', () => {
  it('the repository manifest has no problems, with the actions registered in addin/commands', async () => {
    assert.deepEqual(await checkManifestFile('manifest.xml', { root: ROOT }), []);
  });

  it('finds the ribbon action registered in addin/commands', () => {
    assert.ok(findActionNames(path.join(ROOT, 'addin', 'commands')).includes('scoreAndSummarise'));
  });

  it('has the shape the add-in relies on', () => {
    assert.match(XML, /<Id>[0-9a-f-]{36}<\/Id>/);
    assert.match(XML, /<Version>1\.0\.0\.0<\/Version>/);
    assert.match(XML, /<DefaultLocale>vi-VN<\/DefaultLocale>/);
    assert.match(XML, /<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
    assert.match(XML, /<bt:String id="Functions\.Namespace" DefaultValue="CCHC"\/>/);
    assert.match(XML, /<FunctionName>scoreAndSummarise<\/FunctionName>/);
    assert.match(XML, /<OfficeTab id="TabHome">/);
    assert.match(XML, /<bt:Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    assert.match(XML, /<bt:Set Name="CustomFunctionsRuntime" MinVersion="1\.1"\/>/);
    for (const size of [16, 32, 80]) assert.ok(fs.existsSync(path.join(ROOT, 'assets', `icon-${size}.png`)));
  });

  it('every user-visible string has an en-US override', () => {
    const strings = [...XML.matchAll(/<bt:String id="([^"]+)"\s+DefaultValue="[^"]*"\s*(?:\/>|>([\s\S]*?)<\/bt:String>)/g)];
    assert.ok(strings.length >= 8);
    const missing = strings
      .filter((m) => !(m[2] ?? '').includes('Locale="en-US"'))
      .map((m) => m[1])
      .filter((id) => id !== 'Functions.Namespace');
    assert.deepEqual(missing, []);
    assert.match(XML, /<DisplayName [^>]*>\s*<Override Locale="en-US"/);
    assert.match(XML, /<Description [^>]*>\s*<Override Locale="en-US"/);
  });

  it('catches a resid that is referenced but not defined', async () => {
    const xml = once(XML, /\s*<bt:String id="Group\.Label"[\s\S]*?<\/bt:String>/, '');
    assert.ok((await codes(xml)).includes('resid-undefined'));
  });

  it('catches a resid longer than 32 characters', async () => {
    const long = 'Taskpane.Url.That.Is.Far.Too.Long.For.Office';
    const xml = XML.split('"Taskpane.Url"').join(`"${long}"`);
    assert.ok((await codes(xml)).includes('resid-too-long'));
  });

  it('catches a resid of the wrong kind (a label pointing at a URL)', async () => {
    const xml = once(XML, '<Label resid="Group.Label"/>', '<Label resid="Help.Url"/>');
    assert.deepEqual(await codes(xml), ['resid-wrong-kind']);
  });

  it('catches an http URL', async () => {
    const xml = once(XML, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"');
    assert.deepEqual(await codes(xml), ['url-not-https']);
  });

  it('catches custom functions whose page is not the shared runtime', async () => {
    const xml = once(
      XML,
      /<Page>\s*<SourceLocation resid="Taskpane\.Url"\/>/,
      '<Page><SourceLocation resid="Help.Url"/>',
    );
    assert.deepEqual(await codes(xml), ['runtime-page-mismatch']);
  });

  it('catches a runtime that is not long-lived and a function file outside the runtime', async () => {
    assert.deepEqual(await codes(once(XML, 'lifetime="long"', 'lifetime="short"')), ['runtime-not-long']);
    assert.deepEqual(
      await codes(once(XML, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Help.Url"/>')),
      ['function-file-mismatch'],
    );
  });

  it('catches a missing namespace', async () => {
    const xml = once(XML, /\s*<Namespace resid="Functions\.Namespace"\/>/, '');
    assert.deepEqual(await codes(xml), ['missing-namespace']);
  });

  it('catches a foreign app domain', async () => {
    const xml = once(XML, '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>https://example.com</AppDomain>');
    assert.deepEqual(await codes(xml), ['appdomain-foreign']);
  });

  it('catches wrong permissions, a non-GUID id and a bad version', async () => {
    assert.deepEqual(await codes(once(XML, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>')), [
      'bad-permissions',
    ]);
    assert.deepEqual(await codes(once(XML, /<Id>[^<]+<\/Id>/, '<Id>parscore</Id>')), ['bad-id']);
    assert.deepEqual(await codes(once(XML, '<Version>1.0.0.0</Version>', '<Version>1.0</Version>')), ['bad-version']);
  });

  it('catches a missing required element', async () => {
    const xml = once(XML, /\s*<SupportUrl [^>]*\/>/, '');
    assert.deepEqual(await codes(xml), ['missing-element']);
  });

  it('catches a ribbon action that addin/commands does not register', async () => {
    assert.deepEqual(await codes(XML, []), ['action-not-registered']);
    assert.deepEqual(await codes(XML, null), []);
  });

  it('reports malformed XML instead of throwing', async () => {
    assert.deepEqual(await codes('<OfficeApp><Id>'), ['xml-invalid']);
    assert.deepEqual(await codes(XML.replace('<!--', '<!-- -- ')), ['xml-invalid']);
  });
});
