// `parscore score` patches the input's zip (cli/patch) instead of re-saving it through ExcelJS:
// the scored copy must hold the same content as the ExcelJS writer's (xlsx/write.ts), every part
// parscore does not change must be the input's bytes, and anything unusual falls back to ExcelJS.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeExcelWorkbook, applyScore, scoreAdditions } from '../xlsx/score-workbook';
import { scorePatch, withDefinedNames } from '../cli/patch/score-patch';
import { patchAppendixSheet } from '../cli/patch/sheet';
import { StylesPatch } from '../cli/patch/styles';
import { PatchUnsupported } from '../cli/patch/xml';
import { readZip } from '../cli/patch/zip';
import { readZip as unzip, writeZip as zipOf } from './helpers/zip';
import { sheetReferences, type InlineMarks } from '../model';
import { EXAMPLE, FIXTURES, HAGIANG, LAOCAI, VINHPHUC } from './helpers/fixtures';

// The example workbook opened and saved again by LibreOffice Calc 7 (soffice --convert-to xlsx).
const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What an officer sees of a cell: its value (empty text is no value) and the look parscore sets. */
function seen(c: ExcelJS.Cell): string {
  const v = c.value === '' ? null : c.value;
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return JSON.stringify([
    v,
    !!c.font?.bold,
    c.font?.size === 13,
    // An unstyled cell takes the workbook's default font: black, said or not (LibreOffice says it).
    c.font?.color?.argb === 'FF000000' ? '' : (c.font?.color?.argb ?? ''),
    fill?.fgColor?.argb ?? '',
    // ExcelJS's re-save drops an explicit "General" format (LibreOffice writes one); the patch keeps it.
    c.numFmt === 'General' ? '' : (c.numFmt ?? ''),
    !!c.alignment?.wrapText,
    c.alignment?.vertical ?? '',
  ]);
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      const s = seen(c);
      if (JSON.parse(s)[0] !== null) out.set(c.address, s);
    }),
  );
  return out;
}

const rulesOf = (ws: ExcelJS.Worksheet) =>
  ((ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] })
    .conditionalFormattings ?? []).map((cf) => JSON.stringify([cf.ref, cf.rules.map((r) => [r.formulae, r.style?.fill?.bgColor?.argb])]));

describe('score by patching the input zip', () => {
  for (const [what, file] of [
    ['Lào Cai', LAOCAI],
    ['Vĩnh Phúc', VINHPHUC],
    ['Hà Giang', HAGIANG],
    ['the example self-assessment (findings on many rows)', EXAMPLE],
    ['the example as LibreOffice saves it (its own XML style, column ranges to split)', LIBREOFFICE],
  ] as const) {
    it(`${what}: the same sheets, cells, looks, rules and layout as the ExcelJS writer; other parts byte for byte`, async () => {
      const bytes = fs.readFileSync(file);
      const wb = await load(bytes);
      const analysis = analyzeExcelWorkbook(wb);
      const additions = scoreAdditions(wb, analysis);
      assert.ok(additions, 'a fresh workbook is patched');
      const patched = scorePatch(bytes, { sheet: analysis.sheet, ...additions });
      applyScore(wb, analysis);
      const viaExcelJs = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
      const viaPatch = await load(patched);

      assert.deepEqual(viaPatch.worksheets.map((w) => w.name), viaExcelJs.worksheets.map((w) => w.name));
      for (const e of viaExcelJs.worksheets) {
        const p = viaPatch.getWorksheet(e.name)!;
        assert.deepEqual([...cellsOf(p)].sort(), [...cellsOf(e)].sort(), `${e.name}: cells`);
        assert.deepEqual(rulesOf(p), rulesOf(e), `${e.name}: highlight rules`);
        assert.deepEqual((p.model as { merges?: string[] }).merges?.sort(), (e.model as { merges?: string[] }).merges?.sort(), `${e.name}: merges`);
        for (let c = 1; c <= e.columnCount; c++) {
          assert.equal(!!p.getColumn(c).hidden, !!e.getColumn(c).hidden, `${e.name}: column ${c} hidden`);
          assert.equal(p.getColumn(c).width, e.getColumn(c).width, `${e.name}: column ${c} width`);
        }
        assert.deepEqual((p.views ?? []).map((v) => [v.state, (v as { ySplit?: number }).ySplit]), (e.views ?? []).map((v) => [v.state, (v as { ySplit?: number }).ySplit]), `${e.name}: frozen rows`);
        assert.deepEqual(p.autoFilter, e.autoFilter, `${e.name}: filter`);
        assert.deepEqual(
          [p.pageSetup.orientation, p.pageSetup.fitToWidth, p.pageSetup.printTitlesRow],
          [e.pageSetup.orientation, e.pageSetup.fitToWidth, e.pageSetup.printTitlesRow],
          `${e.name}: print setup`,
        );
      }

      const input = readZip(bytes)!;
      const output = readZip(patched)!;
      assert.deepEqual(output.slice(0, input.length).map((o) => o.name), input.map((i) => i.name), 'input parts keep their order');
      assert.equal(output.length, input.length + 3, 'three new parts: the summary sheets');
      const rewritten = input.filter((i, k) => !Buffer.from(output[k]!.local).equals(Buffer.from(i.local))).map((i) => i.name);
      const known = ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'];
      const sheets = rewritten.filter((n) => !known.includes(n));
      assert.equal(sheets.length, 1, `only the appendix sheet's part besides the lists: ${rewritten}`);
      assert.match(sheets[0]!, /^xl\/worksheets\/sheet\d+\.xml$/);
    });
  }

  it('the ExcelJS writer asks Excel to recalculate on open where a formula refers to a summary it adds, not otherwise', async () => {
    const flag = async (formulas: ExcelJS.CellValue[], name?: string) => {
      const wb = await load(fs.readFileSync(EXAMPLE));
      const report = wb.addWorksheet('Báo cáo');
      formulas.forEach((v, i) => (report.getCell(i + 1, 1).value = v));
      if (name) wb.definedNames.add(name, 'TongDiem');
      applyScore(wb, analyzeExcelWorkbook(wb));
      return wb.calcProperties.fullCalcOnLoad === true;
    };
    assert.equal(await flag([{ formula: "'Tổng hợp điểm'!E12", result: 0 }]), true);
    assert.equal(await flag([{ formula: 'SUM(B1:B9)', result: 0 }, { formula: "COUNTA('Danh sách vấn đề'!C4:C9)", result: 0 }]), true);
    assert.equal(await flag([{ formula: 'SUM(B1:B9)', result: 0 }, "'Tổng hợp điểm'!E12 (a text, not a formula)"]), false);
    // A name into a summary, used by a formula ("=TongDiem").
    assert.equal(await flag([{ formula: 'TongDiem', result: 0 }], "'Tổng hợp điểm'!$E$12"), true);
    assert.equal(await flag([{ formula: 'TongDiem', result: 0 }], "'Báo cáo'!$E$12"), false);
  });

  it('sheetReferences finds a sheet as Excel writes it in a formula: quoted, case aside, also with XML-escaped quotes', () => {
    assert.ok(sheetReferences(['Theo cơ quan', 'Tổng hợp điểm'])("='Tổng hợp điểm'!E12"));
    assert.ok(sheetReferences(['Tổng hợp điểm (2)'])('<f>SUM(&apos;Tổng hợp điểm (2)&apos;!C4:C9)</f>'), 'a name with brackets');
    assert.ok(sheetReferences(['Theo cơ quan'])('<f>&#39;Theo cơ quan&#39;!B4</f>'), 'a decimal character reference');
    assert.ok(sheetReferences(['Theo cơ quan'])('<f>1+&#x27;Theo cơ quan&#x27;!B4</f>'), 'a hexadecimal one');
    assert.ok(sheetReferences(['Tổng hợp điểm'])("='TỔNG HỢP ĐIỂM'!E12"), 'another case');
    assert.ok(sheetReferences(["O'Brien"])("='O''Brien'!A1"), 'a quote in the name, doubled');
    assert.ok(!sheetReferences(['Tổng hợp điểm'])("='Tổng hợp điểm x'!E12"), 'a longer name');
    assert.ok(!sheetReferences(['Tổng hợp điểm'])("='Tổng hợp điểm (2)'!E12"), 'another sheet whose name starts the same');
    assert.ok(!sheetReferences([])("='Tổng hợp điểm'!E12"));
  });

  it('leaves a workbook holding parscore’s marks to the ExcelJS writer (they are cleared first)', async () => {
    const wb = await load(fs.readFileSync(EXAMPLE));
    const analysis = analyzeExcelWorkbook(wb);
    applyScore(wb, analysis);
    const scored = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
    assert.equal(scoreAdditions(scored, analyzeExcelWorkbook(scored)), null);
    // Only a highlight rule of parscore's left (its columns deleted by hand): still cleared first.
    const ruleOnly = await load(fs.readFileSync(EXAMPLE));
    assert.ok(scoreAdditions(ruleOnly, analyzeExcelWorkbook(ruleOnly)));
    ruleOnly.worksheets[0]!.addConditionalFormatting({
      ref: 'M7:M9',
      rules: [{ type: 'expression', priority: 1, formulae: ['ISNUMBER(SEARCH("missing-evidence@M",$P7))'] }],
    });
    assert.equal(scoreAdditions(ruleOnly, analyzeExcelWorkbook(ruleOnly)), null);
  });

  /** The example with one part's text changed, as another tool might have written it. */
  function exampleWith(part: string, change: (xml: string) => string): Buffer {
    return zipOf(unzip(fs.readFileSync(EXAMPLE)).map((e) => (e.name === part ? { name: e.name, data: Buffer.from(change(e.data.toString('utf8'))) } : e)));
  }
  async function additionsOf(bytes: Buffer) {
    const wb = await load(bytes);
    const analysis = analyzeExcelWorkbook(wb);
    return { sheet: analysis.sheet, ...scoreAdditions(wb, analysis)! };
  }

  it('leaves templates and odd sheet lists to ExcelJS, and never reuses a part name another tool listed', async () => {
    const template = exampleWith('[Content_Types].xml', (x) => x.replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.template.main+xml'));
    assert.throws(() => scorePatch(template, { sheet: 'Phụ lục', marks: null, tables: [] }), PatchUnsupported);
    const openSheet = exampleWith('xl/workbook.xml', (x) => x.replace(/<sheet ([^>]*)\/>/, '<sheet $1></sheet>'));
    assert.throws(() => scorePatch(openSheet, { sheet: 'Phụ lục', marks: null, tables: [] }), PatchUnsupported);
    // A content-type entry left for sheet2 (and a case variant of sheet3 in the zip): the new parts skip both.
    const listed = exampleWith('[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/xml"/></Types>'));
    const withCase = zipOf([...unzip(listed), { name: 'xl/worksheets/Sheet3.xml', data: Buffer.from('<x/>') }]);
    const out = readZip(scorePatch(withCase, await additionsOf(withCase)))!;
    const added = out.slice(unzip(withCase).length).map((e) => e.name);
    assert.deepEqual(added, ['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml', 'xl/worksheets/sheet6.xml']);
  });

  it('puts the print titles where the workbook schema wants them', () => {
    const d = '<definedName name="x">1</definedName>';
    assert.equal(withDefinedNames('<workbook><sheets><sheet/></sheets><calcPr/></workbook>', d), `<workbook><sheets><sheet/></sheets><definedNames>${d}</definedNames><calcPr/></workbook>`);
    assert.equal(
      withDefinedNames('<workbook><sheets/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><calcPr/></workbook>', d),
      `<workbook><sheets/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><definedNames>${d}</definedNames><calcPr/></workbook>`,
    );
    assert.equal(withDefinedNames('<sheets></sheets><definedNames><definedName name="a">1</definedName></definedNames>', d), `<sheets></sheets><definedNames><definedName name="a">1</definedName>${d}</definedNames>`);
    assert.equal(withDefinedNames('<sheets></sheets><definedNames/>', d), `<sheets></sheets><definedNames>${d}</definedNames>`);
    assert.throws(() => withDefinedNames('<workbook/>', d), PatchUnsupported);
  });

  describe('the appendix sheet part', () => {
    const marks: InlineMarks = {
      headerRow: 2,
      firstRow: 3,
      lastRow: 6,
      statusCol: 3,
      codesCol: 4,
      statusHeader: 'parscore: kết quả kiểm tra',
      codesHeader: 'parscore: mã',
      status: ['• A & <B>', '', '• "C"', '• D'],
      codes: ['over-max@B', '', 'x@B', 'y@B'],
      rules: [{ range: 'B3:B6', formula: 'ISNUMBER(SEARCH("over-max@B",$D3))', kind: 'over-max', severity: 'error', color: 'FFFFC7CE' }],
      cells: [],
    };
    const styles = () =>
      new StylesPatch(
        '<styleSheet><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill/><fill/></fills><cellXfs count="1"><xf/></cellXfs></styleSheet>',
      );
    const sheet = (rows: string, extra = '') =>
      `<worksheet><dimension ref="A1:B6"/><cols><col min="1" max="5" width="12" customWidth="1"/></cols><sheetData>${rows}</sheetData>${extra}<pageMargins/></worksheet>`;

    it('puts cells in column order, replaces only an empty unstyled cell, creates missing rows in order, escapes text', () => {
      const out = patchAppendixSheet(
        sheet('<row r="2" spans="1:5"><c r="A2" t="s"><v>0</v></c><c r="C2"/><c r="E2" s="0"/></row><row r="4"><c r="A4"><v>1</v></c></row><row r="5"/>'),
        marks,
        styles(),
      );
      assert.match(out, /<row r="2"><c r="A2" t="s"><v>0<\/v><\/c><c r="C2" s="\d+" t="inlineStr"><is><t xml:space="preserve">parscore: kết quả kiểm tra<\/t><\/is><\/c><c r="D2" s="\d+" t="inlineStr">.*?<\/c><c r="E2" s="0"\/><\/row>/);
      assert.match(out, /<\/row><row r="3"><c r="C3" s="\d+" t="inlineStr"><is><t xml:space="preserve">• A &amp; &lt;B&gt;<\/t><\/is><\/c><c r="D3" t="inlineStr">/);
      assert.match(out, /<row r="4"><c r="A4"><v>1<\/v><\/c><\/row>/, 'a clean row is left as it was');
      assert.match(out, /<row r="5"><c r="C5" s="\d+" t="inlineStr"><is><t xml:space="preserve">• &quot;C&quot;<\/t>/);
      assert.match(out, /<\/row><row r="6"><c r="C6"/);
      assert.ok(out.indexOf('<row r="2"') < out.indexOf('<row r="3"') && out.indexOf('<row r="5"') < out.indexOf('<row r="6"'));
      // The officer's width for A:E is kept around parscore's two columns.
      assert.match(out, /<cols><col min="1" max="2" width="12" customWidth="1"\/><col min="3" max="3" width="48" customWidth="1"\/><col min="4" max="4" width="9" hidden="1" customWidth="1"\/><col min="5" max="5" width="12" customWidth="1"\/><\/cols>/);
      assert.match(out, /<dimension ref="A1:D6"\/>/);
      assert.match(out, /<\/sheetData><conditionalFormatting sqref="B3:B6"><cfRule type="expression" dxfId="0" priority="1"><formula>ISNUMBER\(SEARCH\(&quot;over-max@B&quot;,\$D3\)\)<\/formula><\/cfRule><\/conditionalFormatting><pageMargins\/>/);
    });

    it('puts the rules after the worksheet’s own customSheetViews, never inside one', () => {
      const views = '<customSheetViews><customSheetView guid="{1}"><pageMargins left="1"/><pageSetup/></customSheetView></customSheetViews>';
      const out = patchAppendixSheet(sheet('<row r="3"/>', views), marks, styles());
      assert.ok(out.includes(`${views}<conditionalFormatting sqref="B3:B6">`), out.slice(out.indexOf('</sheetData>')));
      // Then the officer's width for A:E the two columns were cut from, recorded for clear (last, in the extension list).
      assert.ok(out.includes('</conditionalFormatting><pageMargins/><extLst><ext uri="'), out.slice(out.indexOf('</customSheetViews>')));
      assert.ok(out.endsWith('<ps:cols>&lt;col min=&quot;1&quot; max=&quot;5&quot; width=&quot;12&quot; customWidth=&quot;1&quot;/&gt;</ps:cols></ext></extLst></worksheet>'));
    });

    it('records the officer’s ranges inside an extension list of their own, and none when no range was cut', () => {
      const own = '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="0"/></ext></extLst>';
      const withExt = patchAppendixSheet(sheet('<row r="3"/>', '').replace('<pageMargins/>', `<pageMargins/>${own}`), marks, styles());
      assert.match(withExt, /<extLst><ext uri="\{7D3F[^"]*" xmlns:ps="urn:parscore:cols"><ps:cols>[^<]*<\/ps:cols><\/ext><ext uri="\{CCE6A557/);
      assert.equal(withExt.match(/<extLst>/g)?.length, 1);
      const bare = patchAppendixSheet('<worksheet><sheetData><row r="3"/></sheetData><pageMargins/></worksheet>', marks, styles());
      assert.doesNotMatch(bare, /extLst|urn:parscore/);
      // A record an earlier score left (its columns since removed by the add-in) is replaced, never stacked…
      const record = /<ext uri="\{7D3F[\s\S]*?<\/ext>/.exec(withExt)![0].replace('min=&quot;1&quot;', 'min=&quot;2&quot;');
      const again = patchAppendixSheet(sheet('<row r="3"/>').replace('<pageMargins/>', `<pageMargins/><extLst>${record}</extLst>`), marks, styles());
      assert.equal(again.match(/urn:parscore:cols/g)?.length, 1);
      assert.match(again, /min=&quot;1&quot;/);
      // …and dropped when this score cut no range.
      const none = patchAppendixSheet(`<worksheet><sheetData><row r="3"/></sheetData><pageMargins/><extLst>${record}</extLst></worksheet>`, marks, styles());
      assert.doesNotMatch(none, /urn:parscore|extLst/);
    });

    it('splits a column range written with single quotes, and counts single-quoted priorities', () => {
      const xml = `<worksheet><cols><col min='1' max='30' width='12' customWidth='1'/></cols><sheetData/><conditionalFormatting sqref='A1'><cfRule type='expression' priority='7'><formula>1</formula></cfRule></conditionalFormatting></worksheet>`;
      const out = patchAppendixSheet(xml, marks, styles());
      assert.match(out, /<cols><col min="1" max="2" width='12' customWidth='1'\/><col min="3" max="3" width="48"[^>]*\/><col min="4" max="4" [^>]*hidden="1"[^>]*\/><col min="5" max="30" width='12' customWidth='1'\/><\/cols>/);
      assert.match(out, /priority="8"/);
    });

    it('refuses (so ExcelJS writes instead) a styled cell in its way, or a part it does not know', () => {
      assert.throws(() => patchAppendixSheet(sheet('<row r="3"><c r="C3" s="4"/></row>'), marks, styles()), PatchUnsupported);
      assert.throws(() => patchAppendixSheet(sheet('<row r="3"><c r="C3"><v>1</v></c></row>'), marks, styles()), PatchUnsupported);
      assert.throws(() => patchAppendixSheet('<x:worksheet><x:sheetData/></x:worksheet>', marks, styles()), PatchUnsupported);
      assert.throws(() => new StylesPatch('<x:styleSheet/>'), PatchUnsupported);
    });

    it('appends its styles after the officer’s', () => {
      const s = styles();
      const head = s.xf({ font: 'bold', fill: true, wrap: true, vertical: 'center' });
      const num = s.xf({ numFmt: '#,##0.00' });
      const custom = s.xf({ numFmt: '0.0' });
      assert.deepEqual([head, num, custom, s.xf({ font: 'bold', fill: true, wrap: true, vertical: 'center' })], [1, 2, 3, 1]);
      assert.equal(s.dxf('FFFFC7CE'), 0);
      const xml = s.result();
      assert.match(xml, /<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"\/><\/numFmts><fonts count="2">/);
      assert.match(xml, /<font><sz val="12"\/><name val="Times New Roman"\/><\/font><font><b\/><\/font><\/fonts>/, 'the fonts ExcelJS is given');
      assert.match(xml, /<fills count="3"><fill\/><fill\/><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6F7"\/><\/patternFill><\/fill><\/fills>/);
      assert.match(xml, /<cellXfs count="4"><xf\/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="center"\/><\/xf><xf numFmtId="4" [^>]*\/><xf numFmtId="164" /);
      assert.match(xml, /<\/cellXfs><dxfs count="1"><dxf>/);
    });

    it('keeps Excel’s reserved fills 0 and 1 when a styles part lacks them', () => {
      const s = new StylesPatch('<styleSheet><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs><cellStyles count="1"><cellStyle/></cellStyles><extLst/></styleSheet>');
      s.xf({ font: 'bold', fill: true });
      s.dxf('FFFFC7CE');
      const xml = s.result();
      assert.match(xml, /<fills count="3"><fill\/><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid">/);
      assert.match(xml, /fillId="2"/);
      assert.match(xml, /<\/cellStyles><dxfs count="1"><dxf>.*<\/dxfs><extLst\/>/);
    });
  });
});
