#!/usr/bin/env node
// Offline check of the XML add-in manifest (the online `office-addin-manifest validate` needs the
// network, and the public XSDs predate shared runtimes and custom functions).
// Usage: node scripts/check-manifest.js [manifest.xml]   (exit 1 when a problem is found)
'use strict';
const fs = require('fs');
const path = require('path');
const xml2js = require('xml2js');

const MAX_RESID = 32;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:\/\//i;
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'DefaultSettings/SourceLocation',
  'Permissions',
];
/** Which resource list an element's resid must point into. */
const RESID_KIND = {
  Runtime: 'Url',
  SourceLocation: 'Url',
  FunctionFile: 'Url',
  LearnMoreUrl: 'Url',
  Image: 'Image',
  Label: 'ShortString',
  Title: 'ShortString',
  Namespace: 'ShortString',
  Description: 'LongString',
};
const RESOURCE_LISTS = {
  'Images/Image': 'Image',
  'Urls/Url': 'Url',
  'ShortStrings/String': 'ShortString',
  'LongStrings/String': 'LongString',
};
const ACTION_CALL = /Office\.actions\.associate\(\s*(["'`])([^"'`]+)\1/g;

/** xml2js element → its text ('' when none). */
function text(node) {
  if (typeof node === 'string') return node.trim();
  if (node && typeof node._ === 'string') return node._.trim();
  return '';
}

/** Attribute by local name (prefix ignored, namespace declarations skipped). */
function attr(node, local) {
  if (!node || typeof node !== 'object' || !node.$) return undefined;
  for (const [k, v] of Object.entries(node.$)) {
    if (k === local || k.endsWith(':' + local)) return v;
  }
  return undefined;
}

function children(node, name) {
  if (!node || typeof node !== 'object') return [];
  const list = node[name];
  return Array.isArray(list) ? list : [];
}

/** Every element below node, depth first, with its local name and path. */
function* walk(node, at) {
  if (!node || typeof node !== 'object') return;
  for (const [key, list] of Object.entries(node)) {
    if (key === '$' || key === '_' || !Array.isArray(list)) continue;
    for (const child of list) {
      const p = `${at}/${key}`;
      yield { name: key, node: child, path: p };
      yield* walk(child, p);
    }
  }
}

function at(node, steps) {
  let cur = [node];
  for (const s of steps.split('/')) cur = cur.flatMap((n) => children(n, s));
  return cur;
}

function originOf(value) {
  try {
    const v = HAS_SCHEME.test(value) ? value : `https://${value}`;
    return new URL(v).origin;
  } catch {
    return null;
  }
}

/**
 * Checks a manifest's XML text. actionNames: the ExecuteFunction names the commands code
 * registers (null skips that check). Resolves to a list of problems, empty when fine.
 */
async function checkManifestXml(xml, options = {}) {
  const actionNames = options.actionNames === undefined ? null : options.actionNames;
  const problems = [];
  const add = (code, message) => problems.push({ code, message });

  let doc;
  try {
    doc = await new xml2js.Parser({
      tagNameProcessors: [xml2js.processors.stripPrefix],
      explicitArray: true,
    }).parseStringPromise(xml);
  } catch (e) {
    add('xml-invalid', `not well-formed XML: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    return problems;
  }
  const app = doc && doc.OfficeApp;
  if (!app) {
    add('xml-invalid', 'root element is not <OfficeApp>');
    return problems;
  }
  if (attr(app, 'type') !== 'TaskPaneApp') add('not-taskpane-app', 'OfficeApp xsi:type must be TaskPaneApp');

  for (const req of REQUIRED) {
    if (at(app, req).length === 0) add('missing-element', `missing <${req}>`);
  }

  const id = text(at(app, 'Id')[0]);
  if (at(app, 'Id').length && !GUID.test(id)) add('bad-id', `<Id> "${id}" is not a GUID`);
  const version = text(at(app, 'Version')[0]);
  if (at(app, 'Version').length && !VERSION.test(version)) {
    add('bad-version', `<Version> "${version}" is not n.n.n.n`);
  }
  const permissions = at(app, 'Permissions').map(text);
  if (permissions.length && (permissions.length !== 1 || permissions[0] !== 'ReadWriteDocument')) {
    add('bad-permissions', `<Permissions> must be exactly ReadWriteDocument, not "${permissions.join(', ')}"`);
  }
  if (!at(app, 'Hosts/Host').some((h) => attr(h, 'Name') === 'Workbook')) {
    add('no-workbook-host', 'no <Host Name="Workbook"/>');
  }

  // Every URL-looking value (attributes and texts) must be https.
  for (const el of [{ name: 'OfficeApp', node: app, path: '/OfficeApp' }, ...walk(app, '/OfficeApp')]) {
    const values = [];
    if (el.node && typeof el.node === 'object' && el.node.$) {
      for (const [k, v] of Object.entries(el.node.$)) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
        values.push(v);
      }
    }
    const t = text(el.node);
    if (t) values.push(t);
    for (const v of values) {
      if (HAS_SCHEME.test(v) && !/^\s*https:\/\//i.test(v)) add('url-not-https', `${el.path}: "${v}" is not https`);
    }
  }

  // Origin: AppDomains may only name the add-in's own origin.
  const source = attr(at(app, 'DefaultSettings/SourceLocation')[0], 'DefaultValue') || '';
  const ownOrigin = originOf(source);
  for (const d of at(app, 'AppDomains/AppDomain').map(text)) {
    if (originOf(d) !== ownOrigin) add('appdomain-foreign', `<AppDomain> "${d}" is not the add-in origin ${ownOrigin}`);
  }

  // Resources: defined ids with their kind.
  const defined = new Map();
  for (const el of walk(app, '/OfficeApp')) {
    if (el.name !== 'Resources') continue;
    for (const [list, kind] of Object.entries(RESOURCE_LISTS)) {
      for (const item of at(el.node, list)) {
        const rid = attr(item, 'id') || '';
        if (defined.has(rid)) add('resid-duplicate', `resource id "${rid}" is defined twice`);
        defined.set(rid, kind);
        if (rid.length > MAX_RESID) add('resid-too-long', `resource id "${rid}" is longer than ${MAX_RESID}`);
        if (!attr(item, 'DefaultValue')) add('resource-empty', `resource "${rid}" has no DefaultValue`);
      }
    }
  }
  // References: every resid used anywhere is defined, short, and of the right kind.
  for (const el of walk(app, '/OfficeApp')) {
    const rid = attr(el.node, 'resid');
    if (rid === undefined) continue;
    if (rid.length > MAX_RESID) add('resid-too-long', `${el.path}: resid "${rid}" is longer than ${MAX_RESID}`);
    const kind = defined.get(rid);
    if (!kind) {
      add('resid-undefined', `${el.path}: resid "${rid}" is not defined in <Resources>`);
      continue;
    }
    const want = RESID_KIND[el.name];
    if (want && want !== kind) add('resid-wrong-kind', `${el.path}: resid "${rid}" is a ${kind}, expected a ${want}`);
  }

  // Shared runtime + custom functions + ribbon, per VersionOverrides host.
  const hosts = [...walk(app, '/OfficeApp')].filter(
    (el) => el.name === 'Host' && el.path.includes('/VersionOverrides/') && attr(el.node, 'type'),
  );
  for (const host of hosts) {
    const runtimes = at(host.node, 'Runtimes/Runtime');
    const runtimeIds = runtimes.map((r) => attr(r, 'resid'));
    for (const r of runtimes) {
      if (attr(r, 'lifetime') !== 'long') add('runtime-not-long', `<Runtime resid="${attr(r, 'resid')}"> must have lifetime="long"`);
    }
    const cfPoints = [...walk(host.node, host.path)].filter(
      (el) => el.name === 'ExtensionPoint' && attr(el.node, 'type') === 'CustomFunctions',
    );
    for (const cf of cfPoints) {
      for (const part of ['Script/SourceLocation', 'Page/SourceLocation', 'Metadata/SourceLocation']) {
        if (at(cf.node, part).length === 0) add('missing-element', `${cf.path}: missing <${part}>`);
      }
      const page = attr(at(cf.node, 'Page/SourceLocation')[0], 'resid');
      if (runtimes.length === 0) add('no-shared-runtime', `${host.path}: custom functions without a <Runtimes><Runtime>`);
      else if (page !== undefined && !runtimeIds.includes(page)) {
        add('runtime-page-mismatch', `custom functions <Page> resid "${page}" is not the shared <Runtime> resid "${runtimeIds.join(', ')}"`);
      }
      const ns = at(cf.node, 'Namespace');
      if (ns.length === 0 || !attr(ns[0], 'resid')) add('missing-namespace', `${cf.path}: no <Namespace resid=…>`);
    }
    const actions = [...walk(host.node, host.path)].filter(
      (el) => el.name === 'Action' && attr(el.node, 'type') === 'ExecuteFunction',
    );
    const functionFiles = [...walk(host.node, host.path)].filter((el) => el.name === 'FunctionFile');
    if (actions.length && functionFiles.length === 0) add('missing-element', `${host.path}: ExecuteFunction without <FunctionFile>`);
    for (const ff of functionFiles) {
      const rid = attr(ff.node, 'resid');
      if (runtimes.length && !runtimeIds.includes(rid)) {
        add('function-file-mismatch', `<FunctionFile> resid "${rid}" is not the shared <Runtime> resid`);
      }
    }
    for (const a of actions) {
      const name = text(at(a.node, 'FunctionName')[0]);
      if (!name) add('missing-element', `${a.path}: ExecuteFunction without <FunctionName>`);
      else if (actionNames && !actionNames.includes(name)) {
        add('action-not-registered', `ExecuteFunction "${name}" is not registered with Office.actions.associate in addin/commands`);
      }
    }
  }
  return problems;
}

/** Names registered with Office.actions.associate("name", …) in the .ts/.js files below dir. */
function findActionNames(dir) {
  const names = [];
  const visit = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (/\.(ts|js)$/.test(entry.name)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(ACTION_CALL)) names.push(m[2]);
      }
    }
  };
  visit(dir);
  return names;
}

async function checkManifestFile(file, options = {}) {
  const root = options.root || path.resolve(__dirname, '..');
  const manifest = path.resolve(root, file || 'manifest.xml');
  const xml = fs.readFileSync(manifest, 'utf8');
  return checkManifestXml(xml, { actionNames: findActionNames(path.join(root, 'addin', 'commands')) });
}

module.exports = { checkManifestXml, checkManifestFile, findActionNames };

if (require.main === module) {
  const file = process.argv[2] || 'manifest.xml';
  checkManifestFile(path.resolve(process.cwd(), file), { root: path.resolve(__dirname, '..') }).then(
    (problems) => {
      if (problems.length === 0) {
        console.log(`${file}: OK`);
        return;
      }
      for (const p of problems) console.error(`${file}: ${p.code}: ${p.message}`);
      process.exitCode = 1;
    },
    (e) => {
      console.error(`${file}: ${e instanceof Error ? e.message : e}`);
      process.exitCode = 2;
    },
  );
}
