import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  BUILTIN_FRAMEWORKS,
  FrameworkSchema,
  codeDepth,
  frameworkFor,
  matchNode,
  nameSimilarity,
  nodeIndex,
  normalizeCode,
  parseFramework,
  recognizeIndex,
  titleYear,
  type Framework,
  type FrameworkNode,
} from '../model/frameworks';
import { PAR_2019_PROVINCE } from '../model/frameworks/par-2019-province';
import { node } from '../model/frameworks/schema';
import { PAPI_2021 } from '../model/frameworks/papi-2018';
import { SIPAS_2017 } from '../model/frameworks/sipas-2017';
import { en as enLocale } from 'zod/locales';
import { zodMessage } from '../model/zod';
import { analyzeSheet, type SheetSnapshot } from '../model';

const FIXTURES = path.join(__dirname, 'fixtures');
const TITLES = {
  par: 'PHÂN CÔNG TRÁCH NHIỆM CẢI THIỆN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP TỈNH (PAR INDEX) NĂM 2019',
  papiVinhPhuc: 'PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ HÀNH CHÍNH CÔNG TỈNH VĨNH PHÚC, GIAI ĐOẠN 2022 - 2025',
  papiHaGiang: 'NHIỆM VỤ CẢI THIỆN, NÂNG CAO CHỈ SỐ PAPI CẤP TỈNH NĂM 2023',
  sipas:
    'KẾ HOẠCH NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC NĂM 2021',
};

function allNodes(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])]);
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** A minimal valid custom framework; tests mutate copies of it. */
function custom(): Record<string, unknown> {
  return {
    id: 'custom-dept-2024',
    index: 'PAR',
    name: 'Chỉ số CCHC các sở',
    source: 'Quyết định 1/QĐ-UBND',
    validFrom: 2024,
    totalMax: 3,
    nodes: [
      { code: '1', name: 'Công tác chỉ đạo', max: 2, children: [{ code: '1.1', name: 'Kế hoạch', max: 0.5 }, { code: '1.2', name: 'Báo cáo', max: 1.5 }] },
      { code: '2', name: 'Thủ tục hành chính', max: 1 },
    ],
  };
}

// ---------------------------------------------------------------- reading fixtures

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}

interface Row {
  row: number;
  code: string;
  name: string;
  third: string;
}

async function readRows(file: string): Promise<{ title: string; rows: Row[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, file));
  const ws = wb.worksheets[0]!;
  const rows: Row[] = [];
  ws.eachRow((r, row) => {
    const get = (c: number): string => cellText(r.getCell(c).value);
    rows.push({ row, code: get(1), name: get(2), third: get(3) });
  });
  const title = rows.find((r) => /CHỈ SỐ/.test(r.code))?.code ?? '';
  return { title, rows };
}

const topLevel = (rows: Row[], code: RegExp): string[] => rows.filter((r) => code.test(r.code)).map((r) => r.name);

// ---------------------------------------------------------------- tests

describe('frameworks: built-in data', () => {
  it('every built-in passes the schema and parseFramework', () => {
    assert.deepEqual(
      BUILTIN_FRAMEWORKS.map((f) => f.id),
      ['par-2019-province', 'papi-2021', 'sipas-2017'],
    );
    assert.equal(BUILTIN_FRAMEWORKS[0], PAR_2019_PROVINCE);
    for (const fw of [PAR_2019_PROVINCE, PAPI_2021, SIPAS_2017]) {
      assert.equal(FrameworkSchema.safeParse(fw).success, true, fw.id);
      const parsed = parseFramework(JSON.parse(JSON.stringify(fw)));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n'));
    }
  });

  it('node() makes the node a literal would: only the keys given, in the literal\'s order', () => {
    assert.deepEqual(Object.keys(node('1.1', 'Kế hoạch CCHC năm')), ['code', 'name']);
    assert.deepEqual(Object.keys(node('1', 'A', 0, [node('1.1', 'B', 0)])), ['code', 'name', 'max', 'children']);
    assert.deepStrictEqual(node('1', 'A', 1.25, [node('1.1', 'B', 1.25)]), { code: '1', name: 'A', max: 1.25, children: [{ code: '1.1', name: 'B', max: 1.25 }] });
    // No key set to undefined anywhere in the built-in framework made by it.
    for (const n of allNodes(PAR_2019_PROVINCE.nodes)) for (const [k, v] of Object.entries(n)) assert.notEqual(v, undefined, `${n.code}.${k}`);
  });

  it('PAR 2019: 8 fields totalling 64.5 with the expected field maxima', () => {
    const par = PAR_2019_PROVINCE;
    assert.equal(par.index, 'PAR');
    assert.match(par.source, /2636\/QĐ-BNV/);
    assert.equal(par.nodes.length, 8);
    assert.deepEqual(par.nodes.map((n) => n.max), [9, 5, 13, 7.5, 7.5, 8.5, 9.5, 4.5]);
    assert.equal(par.totalMax, 64.5);
    assert.ok(near(par.nodes.reduce((s, n) => s + (n.max ?? 0), 0), 64.5));
  });

  it("PAR 2019: every parent's max equals the sum of its children's", () => {
    let parents = 0;
    for (const node of allNodes(PAR_2019_PROVINCE.nodes)) {
      if (!node.children) continue;
      parents++;
      const sum = node.children.reduce((s, c) => s + (c.max ?? 0), 0);
      assert.ok(near(sum, node.max ?? NaN), `${node.code}: ${sum} ≠ ${node.max}`);
    }
    assert.ok(parents >= 30, `only ${parents} parents`);
  });

  it('PAR 2019: 8.1 is survey-only without points; every other node has points', () => {
    const nodes = allNodes(PAR_2019_PROVINCE.nodes);
    const survey = nodes.filter((n) => n.surveyOnly);
    assert.deepEqual(survey.map((n) => n.code), ['8.1']);
    assert.equal(survey[0]!.max, undefined);
    assert.match(survey[0]!.name, /SIPAS/);
    assert.ok(nodes.filter((n) => !n.surveyOnly).every((n) => typeof n.max === 'number'));
  });

  it('PAR 2019: numbered items inside 1.2 are coded 1.2(1)…1.2(5) with the numbering removed', () => {
    const c12 = PAR_2019_PROVINCE.nodes[0]!.children!.find((n) => n.code === '1.2')!;
    assert.deepEqual(c12.children!.map((n) => n.code), ['1.2(1)', '1.2(2)', '1.2(3)', '1.2(4)', '1.2(5)']);
    assert.equal(c12.children![0]!.name, 'Báo cáo định kỳ về CCHC');
    assert.equal(c12.max, 1.75);
  });

  it('PAPI: 8 indices on a 1–10 scale, 29 sub-dimensions, no points', () => {
    const papi = PAPI_2021;
    assert.equal(papi.nodes.length, 8);
    assert.deepEqual(papi.nodes.map((n) => n.children?.length), [4, 4, 3, 5, 3, 4, 3, 3]);
    assert.equal(papi.nodes.flatMap((n) => n.children ?? []).length, 29);
    assert.deepEqual(papi.scale, { min: 1, max: 10, unit: 'điểm' });
    assert.equal(papi.validFrom, 2021);
    assert.ok(allNodes(papi.nodes).every((n) => n.max === undefined));
    assert.equal(papi.nodes[3]!.children![0]!.name, 'Kiểm soát tham nhũng trong chính quyền địa phương');
  });

  it('SIPAS: 5 component indices in percent', () => {
    assert.equal(SIPAS_2017.nodes.length, 5);
    assert.deepEqual(SIPAS_2017.scale, { min: 0, max: 100, unit: '%' });
    assert.ok(SIPAS_2017.nodes.every((n) => n.max === undefined && !n.children));
  });
});

describe('frameworks: parseFramework', () => {
  it('accepts a minimal custom framework, as an object or as JSON text', () => {
    const r = parseFramework(custom());
    assert.ok(r.ok);
    assert.equal(r.framework.id, 'custom-dept-2024');
    const fromText = parseFramework(JSON.stringify({ id: 'm', index: 'SIPAS', name: 'M', source: 'S', validFrom: 2024, nodes: [{ code: '1', name: 'A' }] }));
    assert.ok(fromText.ok);
  });

  it("rejects a parent whose max differs from its children's sum, naming the code", () => {
    const fw = custom();
    (fw.nodes as { max: number }[])[0]!.max = 2.5;
    fw.totalMax = 3.5;
    const r = parseFramework(fw);
    assert.ok(!r.ok);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!, /^nodes\[0\]\.max: .*"1".*2\.5.*2\b/);
  });

  it('tolerates float noise in sums', () => {
    const r = parseFramework({
      id: 'f', index: 'PAR', name: 'F', source: 'S', validFrom: 2020, totalMax: 0.3,
      nodes: [{ code: '1', name: 'A', max: 0.3, children: [{ code: '1.1', name: 'B', max: 0.1 }, { code: '1.2', name: 'C', max: 0.2 }] }],
    });
    assert.ok(r.ok);
  });

  it('rejects duplicate codes, naming the code and where it first appeared', () => {
    const fw = custom();
    (fw.nodes as { children: { code: string }[] }[])[0]!.children[1]!.code = '1.1';
    const r = parseFramework(fw);
    assert.ok(!r.ok);
    assert.ok(r.errors.some((e) => /^nodes\[0\]\.children\[1\]\.code: duplicate code "1\.1"/.test(e)), r.errors.join('\n'));
  });

  it('rejects a totalMax that is not the sum of the top-level maxima', () => {
    const r = parseFramework({ ...custom(), totalMax: 4 });
    assert.ok(!r.ok);
    assert.ok(r.errors.some((e) => e.startsWith('totalMax:')));
  });

  it('rejects survey-only nodes with points and bad shapes, without throwing', () => {
    const fw = custom();
    (fw.nodes as Record<string, unknown>[])[1]!.surveyOnly = true;
    const survey = parseFramework(fw);
    assert.ok(!survey.ok && survey.errors.some((e) => /survey-only node "2"/.test(e)));
    for (const bad of [null, 42, '{not json', { ...custom(), index: 'XYZ' }, { ...custom(), nodes: [] }, { ...custom(), validTo: 2000 }]) {
      const r = parseFramework(bad);
      assert.ok(!r.ok);
      assert.ok(r.errors.length > 0 && r.errors.every((e) => /^[^:]+: ./.test(e)), r.errors.join('\n'));
    }
  });
});

describe('zod messages (model/zod.ts)', () => {
  it('word each issue the model’s schemas raise as zod’s English locale does', () => {
    const en = enLocale().localeError!;
    const issues = [
      { code: 'invalid_type', expected: 'array', input: 'x' },
      { code: 'invalid_type', expected: 'number', input: null },
      { code: 'invalid_type', expected: 'string', input: [1] },
      { code: 'invalid_type', expected: 'number', input: Number.NaN },
      { code: 'invalid_type', expected: 'number', input: Number.POSITIVE_INFINITY },
      { code: 'invalid_type', expected: 'number', input: Number.NEGATIVE_INFINITY },
      { code: 'invalid_type', expected: 'object', input: new Date(0) },
      { code: 'invalid_type', expected: 'array', input: new Map() },
      { code: 'invalid_type', expected: 'object', input: Object.create(null) },
      { code: 'invalid_value', values: ['PAR', 'PAPI', 'SIPAS'], input: 'X' },
      { code: 'invalid_value', values: [true], input: false },
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: true, input: -1 },
      { code: 'too_small', origin: 'number', minimum: 1, inclusive: false, input: 1 },
      { code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: '' },
      { code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: [] },
      { code: 'too_big', origin: 'number', maximum: 10, inclusive: true, input: 11 },
      { code: 'too_big', origin: 'array', maximum: 2, inclusive: true, input: [1, 2, 3] },
      { code: 'unrecognized_keys', keys: ['x'], input: {} },
      { code: 'unrecognized_keys', keys: ['x', 'y'], input: {} },
      { code: 'invalid_format', format: 'regex', pattern: '/^[a-z]+$/', input: 'A' },
      { code: 'invalid_union', errors: [], input: 1 },
    ] as unknown as Parameters<typeof zodMessage>[0][];
    for (const issue of issues) assert.equal(zodMessage(issue), en(issue), JSON.stringify(issue));
  });

  it('reach the model’s own errors: a bad snapshot names the field and what it expected', () => {
    const a = analyzeSheet({ name: 'X', values: 'not rows', merges: [] } as unknown as SheetSnapshot);
    assert.ok(!a.ok);
    assert.equal(a.error?.message, 'Dữ liệu trang tính không hợp lệ: values: Invalid input: expected array, received string');
  });
});

describe('frameworks: frameworkFor', () => {
  it('returns the newest framework valid in the year, or null', () => {
    assert.equal(frameworkFor('PAR', 2019)?.id, 'par-2019-province');
    assert.equal(frameworkFor('PAR', 2018)?.id, 'par-2019-province');
    assert.equal(frameworkFor('PAR', 2023), null);
    assert.equal(frameworkFor('PAPI', 2023)?.id, 'papi-2021');
    assert.equal(frameworkFor('PAPI', 2019), null);
    assert.equal(frameworkFor('PAPI')?.id, 'papi-2021');
    assert.equal(frameworkFor('SIPAS', 2021)?.id, 'sipas-2017');
    assert.equal(frameworkFor('unknown'), null);
  });

  it('prefers a newer user-supplied framework', () => {
    const r = parseFramework({ ...custom(), validFrom: 2022 });
    assert.ok(r.ok);
    const list = [...BUILTIN_FRAMEWORKS, r.framework];
    assert.equal(frameworkFor('PAR', 2024, list)?.id, 'custom-dept-2024');
    assert.equal(frameworkFor('PAR', 2019, list)?.id, 'par-2019-province');
  });
});

describe('frameworks: recognizeIndex', () => {
  it('recognises the real titles', () => {
    const cases: [string, string, string | null][] = [
      [TITLES.par, 'PAR', 'par-2019-province'],
      [TITLES.papiVinhPhuc, 'PAPI', 'papi-2021'],
      [TITLES.papiHaGiang, 'PAPI', 'papi-2021'],
      [TITLES.sipas, 'SIPAS', 'sipas-2017'],
    ];
    for (const [title, index, id] of cases) {
      const r = recognizeIndex(title, []);
      assert.equal(r.index, index, title);
      assert.equal(r.framework?.id ?? null, id, title);
      assert.ok(r.confidence >= 0.6 && r.confidence <= 1, `${title}: ${r.confidence}`);
    }
  });

  it('lets PAPI wording win over the generic "cải cách hành chính"', () => {
    const r = recognizeIndex('Đẩy mạnh cải cách hành chính, nâng cao Chỉ số hiệu quả quản trị và hành chính công năm 2023', []);
    assert.equal(r.index, 'PAPI');
    assert.equal(recognizeIndex('Kế hoạch cải cách hành chính năm 2019', []).index, 'PAR');
  });

  it('returns unknown with no evidence, and no framework outside its years', () => {
    assert.deepEqual(recognizeIndex('Danh sách cán bộ năm 2020', ['Phòng Nội vụ', 'Phòng Tư pháp']), {
      index: 'unknown',
      framework: null,
      confidence: 0,
    });
    const old = recognizeIndex('Kế hoạch nâng cao chỉ số PAPI năm 2019', []);
    assert.equal(old.index, 'PAPI');
    assert.equal(old.framework, null);
    assert.equal(titleYear(TITLES.papiVinhPhuc), 2022);
  });

  it('recognises PAR from the Lào Cai top-level names, and is surer with the title', async () => {
    const { title, rows } = await readRows('laocai-221-2019-par-index.xlsx');
    const names = topLevel(rows, /^\d+$/);
    assert.equal(names.length, 8);
    const byNames = recognizeIndex('', names);
    assert.equal(byNames.index, 'PAR');
    assert.equal(byNames.framework?.id, 'par-2019-province');
    assert.ok(byNames.confidence >= 0.85);
    const both = recognizeIndex(title, names);
    assert.equal(both.index, 'PAR');
    assert.ok(both.confidence > recognizeIndex(title, []).confidence);
  });

  it('recognises PAPI from the Hà Giang and Vĩnh Phúc top-level names ("Chỉ số nội dung n:" prefix)', async () => {
    const haGiang = await readRows('hagiang-2023-papi-city.xlsx');
    const hg = topLevel(haGiang.rows, /^\d+$/);
    assert.equal(hg.length, 8);
    assert.equal(recognizeIndex('', hg).index, 'PAPI');
    assert.equal(recognizeIndex(haGiang.title, hg).framework?.id, 'papi-2021');

    const vinhPhuc = await readRows('vinhphuc-232-2022-papi.xlsx');
    const vp = topLevel(vinhPhuc.rows, /^[IVX]+$/);
    assert.equal(vp.length, 8);
    assert.match(vp[0]!, /^Chỉ số nội dung 1:/);
    const r = recognizeIndex('', vp);
    assert.equal(r.index, 'PAPI');
    assert.ok(r.confidence >= 0.85, String(r.confidence));
    assert.equal(recognizeIndex(vinhPhuc.title, vp).index, 'PAPI');
  });

  it('recognises SIPAS from the component names of seed 002', () => {
    const names = [
      'Chỉ số hài lòng về “Tiếp cận dịch vụ”',
      'Chỉ số hài lòng về “Thủ tục hành chính”',
      'Chỉ số hài lòng về “Công chức”',
      'Chỉ số hài lòng về “Kết quả giải quyết”',
      'Chỉ số hài lòng về “Tiếp nhận, xử lý ý kiến góp ý, phản ánh kiến nghị”',
    ];
    const r = recognizeIndex('', names);
    assert.equal(r.index, 'SIPAS');
    assert.equal(r.framework?.id, 'sipas-2017');
  });
});

describe('frameworks: matchNode and nodeIndex', () => {
  const par = PAR_2019_PROVINCE;
  const papi = PAPI_2021;

  it('indexes every node by code, once per framework', () => {
    const index = nodeIndex(par);
    assert.equal(index.size, allNodes(par.nodes).length);
    assert.equal(index.size, 116);
    assert.equal(nodeIndex(par), index);
    assert.equal(index.get('1.2(3)')?.max, 0.25);
  });

  it('finds numbered items such as 1.2(3), however the code is written', () => {
    assert.equal(matchNode(par, '1.2(3)', '(3) Báo cáo năm về theo dõi thi hành pháp luật.')?.code, '1.2(3)');
    assert.equal(matchNode(par, '1.2.(3)', '')?.code, '1.2(3)');
    assert.equal(matchNode(par, ' 1.2 (3) ', 'Báo cáo năm về theo dõi thi hành pháp luật')?.code, '1.2(3)');
    assert.equal(normalizeCode('1.1.'), '1.1');
    assert.equal(codeDepth('1.2(3)'), 3);
    assert.equal(codeDepth('IV'), undefined);
  });

  it('confirms a code by name, tolerating small typos and abbreviations', () => {
    assert.equal(matchNode(par, '1.3', 'Kiểm tra công tác cải cách hành chính')?.code, '1.3');
    assert.equal(matchNode(par, '5.4', 'Thực hiện quy đinh về bổ nhiệm vị trí lảnh đạo tại các cơ quan hành chánh')?.code, '5.4');
    assert.equal(matchNode(papi, '4.1', 'Kiểm soát tham những trong chính quyền địa phương')?.code, '4.1');
  });

  it('falls back to the best name at the same depth when the code is wrong or missing', () => {
    assert.equal(matchNode(par, '1.4', 'Sáng kiến trong cải cách hành chinh')?.code, '1.5');
    assert.equal(matchNode(par, '', 'Tỷ lệ giảm biên chế so với năm 2015')?.code, '4.2.3');
    assert.equal(matchNode(papi, 'II', 'Chỉ số nội dung 2: Công khai minh bạch trong hoạch định chính sách')?.code, '2');
    assert.equal(matchNode(par, '1.1', 'Phân loại rác thải tại nguồn'), null);
    assert.equal(matchNode(par, '9.9', ''), null);
  });

  it('nameSimilarity accepts the short SIPAS wording of seed 002', () => {
    assert.ok(nameSimilarity('Công chức', SIPAS_2017.nodes[2]!.name) >= 0.5);
    assert.ok(nameSimilarity('Kết quả giải quyết', SIPAS_2017.nodes[3]!.name) >= 0.5);
    assert.ok(nameSimilarity('Y tế công lập', 'Quản trị môi trường') < 0.5);
  });

  it('matches every coded row of the Hà Giang appendix to the node with that code', async () => {
    const { rows } = await readRows('hagiang-2023-papi-city.xlsx');
    const coded = rows.filter((r) => /^\d+(\.\d+)?$/.test(r.code));
    assert.equal(coded.length, 8 + 29);
    for (const r of coded) assert.equal(matchNode(papi, r.code, r.name)?.code, r.code, `${r.code} ${r.name}`);
  });
});

describe('frameworks: cross-check with the Lào Cai appendix', () => {
  let rows: Row[] = [];
  before(async () => {
    rows = (await readRows('laocai-221-2019-par-index.xlsx')).rows;
  });

  const points = (text: string): number => Number(text.replace(',', '.'));

  it("every coded row's max equals the framework node's max", () => {
    const par: Framework = PAR_2019_PROVINCE;
    let parent = '';
    let checked = 0;
    for (const r of rows.filter((x) => x.row >= 7 && x.code !== 'Tổng số:')) {
      const item = /^\((\d+)\)/.exec(r.name);
      const code = r.code || (item ? `${parent}(${item[1]})` : '');
      if (r.code) parent = r.code;
      if (!code) continue;
      const node = matchNode(par, code, r.name);
      assert.ok(node, `row ${r.row}: no node for ${code}`);
      assert.equal(node.code, code, `row ${r.row}`);
      if (node.surveyOnly) assert.equal(r.third, 'Điều tra XHH', `row ${r.row}`);
      else assert.ok(near(points(r.third), node.max ?? NaN), `row ${r.row} ${code}: ${r.third} ≠ ${node.max}`);
      checked++;
    }
    assert.equal(checked, nodeIndex(par).size);
  });

  it('the appendix total equals totalMax', () => {
    const total = rows.find((r) => r.code === 'Tổng số:');
    assert.ok(total);
    assert.equal(points(total.third), PAR_2019_PROVINCE.totalMax);
  });
});
