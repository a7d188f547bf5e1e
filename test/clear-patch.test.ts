// `clear`, and `score` on a scored copy, through the patch writers: every part of the officer's
// workbook comes back as it was — charts, notes and their authors, Excel 2010 dropdowns from another
// sheet, page breaks, "fit to page", the widths and formats of the columns parscore took — where
// ExcelJS's load-and-save dropped or changed them.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { clearPatch, danglingNamesPatch, danglingToRef } from '../cli/patch/clear-patch';
import { clearMarks, ownParts, WRITE_OPTIONS } from '../xlsx/write';
import { clearAppendixSheet } from '../cli/patch/clear-sheet';
import { PatchUnsupported } from '../cli/patch/xml';
import { withFullCalcOnLoad } from '../cli/patch/score-patch';
import { EXAMPLE, FIXTURES, HAGIANG } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { partsOf, readParts, replaceOnce, richWorkbook, writeParts } from './helpers/zip-parts';

const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');

/** A sheet part without what only hints (row spans, the declared used range): Excel recomputes both. */
const hintsOut = (xml: string) => xml.replace(/\sspans="[^"]*"/g, '').replace(/<dimension ref="[^"]*"\/>/, '');

/** The officer's own parts come back: the same names, the same texts (the sheet but for hints; parscore's unused styles stay in the styles part). */
function assertSameParts(before: Map<string, string>, after: Map<string, string>, what: string): void {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `${what}: parts`);
  for (const [name, text] of before) {
    if (name === 'xl/styles.xml') continue;
    const other = after.get(name)!;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) assert.equal(hintsOut(other), hintsOut(text), `${what}: ${name}`);
    else assert.equal(other, text, `${what}: ${name}`);
  }
}

function cols(sheet: string): string {
  return /<cols>[\s\S]*?<\/cols>/.exec(sheet)?.[0] ?? '';
}

describe('clear and score again keep every part of the officer’s workbook', function () {
  this.timeout(120_000);
  let dir: string;
  let rich: string;
  before(() => {
    ensureBuilt();
    dir = tmpDir('clear-patch');
    rich = path.join(dir, 'rich.xlsx');
    richWorkbook(HAGIANG, rich);
  });

  it('clear gives back a workbook with a chart, a note, a dropdown from another sheet and a page break part for part', () => {
    const scored = path.join(dir, 'rich-scored.xlsx');
    const cleared = path.join(dir, 'rich-cleared.xlsx');
    assert.equal(runCli(['score', rich, '-o', scored]).code, 0);
    const s = readParts(scored);
    assert.ok([...s.keys()].length > [...readParts(rich).keys()].length, 'the summaries were added');
    const r = runCli(['clear', scored, '-o', cleared]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Đã xóa 3 trang tổng hợp, 2 cột trạng thái/);
    const before = readParts(rich);
    const after = readParts(cleared);
    assertSameParts(before, after, 'clear');
    // What ExcelJS had dropped, named so a failure says which.
    const sheet = after.get('xl/worksheets/sheet1.xml')!;
    assert.match(sheet, /<x14:dataValidation [\s\S]*<xm:sqref>G7:G74<\/xm:sqref>/);
    assert.match(sheet, /<rowBreaks count="1"/);
    assert.ok(after.has('xl/charts/chart1.xml'));
    assert.match(after.get('xl/comments1.xml')!, /<author>Chuyên viên<\/author>/);
    assert.match(after.get('xl/workbook.xml')!, /<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!\$A\$1:\$G\$74<\/definedName>/);
    assert.doesNotMatch(after.get('xl/workbook.xml')!, /parscore_summary_/);
  });

  it('clear makes the officer’s names into a removed summary #REF! as Excel does, says so, and score again keeps them', () => {
    const scored = path.join(dir, 'named-scored.xlsx');
    const named = path.join(dir, 'named.xlsx');
    assert.equal(runCli(['score', HAGIANG, '-o', scored]).code, 0);
    const p = readParts(scored);
    const officer = `<definedName name="TongDiem">'Tổng hợp điểm'!$C$5</definedName><definedName name="BangGoc">Sheet1!$A$1:$B$4</definedName>`;
    p.set('xl/workbook.xml', replaceOnce(p.get('xl/workbook.xml')!, '</definedNames>', `${officer}</definedNames>`));
    writeParts(named, p);

    const cleared = path.join(dir, 'named-cleared.xlsx');
    const r = runCli(['clear', named, '-o', cleared]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /nay là #REF![^\n]*: TongDiem$/m);
    const w = readParts(cleared).get('xl/workbook.xml')!;
    assert.match(w, /<definedName name="TongDiem">#REF!\$C\$5<\/definedName>/);
    assert.match(w, /<definedName name="BangGoc">Sheet1!\$A\$1:\$B\$4<\/definedName>/);
    assert.doesNotMatch(w, /Tổng hợp điểm/);
    assert.match(runCli(['clear', named, '-o', path.join(dir, 'named-cleared-en.xlsx'), '--lang', 'en']).stdout, /now read #REF![^\n]*: TongDiem$/m);

    // Scored again, the summaries come back under their names, and so does what the name means.
    const again = path.join(dir, 'named-again.xlsx');
    assert.equal(runCli(['score', named, '-o', again]).code, 0);
    assert.match(readParts(again).get('xl/workbook.xml')!, /<definedName name="TongDiem">'Tổng hợp điểm'!\$C\$5<\/definedName>/);
  });

  it('clear through ExcelJS (the fallback) makes the same names #REF!, and leaves a copy without such names as ExcelJS wrote it', async () => {
    const named = path.join(dir, 'named.xlsx'); // from the test above
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(named);
    const gone = ownParts(wb).sheets;
    clearMarks(wb);
    const written = Buffer.from(await wb.xlsx.writeBuffer(WRITE_OPTIONS));
    assert.match(partsOf(written).get('xl/workbook.xml')!, /TongDiem">&apos;Tổng hợp điểm&apos;!/, 'ExcelJS keeps the name as it was');
    const fixed = danglingNamesPatch(written, gone);
    assert.deepEqual(fixed.names, ['TongDiem']);
    const after = partsOf(fixed.bytes);
    assert.match(after.get('xl/workbook.xml')!, /<definedName name="TongDiem">#REF!\$C\$5<\/definedName><definedName name="BangGoc">Sheet1!\$A\$1:\$B\$4<\/definedName>/);
    const before = partsOf(written);
    for (const [name, text] of before) if (name !== 'xl/workbook.xml') assert.equal(after.get(name), text, name);
    assert.equal(danglingNamesPatch(fixed.bytes, gone).bytes, fixed.bytes);
    // Without a zip writer (Node before 20.15): the copy as ExcelJS wrote it, never a failed clear.
    const z = zlib as { crc32?: unknown };
    const crc32 = z.crc32;
    z.crc32 = undefined;
    try {
      assert.deepEqual(danglingNamesPatch(written, gone), { bytes: written, names: [] });
    } finally {
      z.crc32 = crc32;
    }
  });

  it('rewrites a removed sheet’s references in a name, quoted or not, case aside, and nothing else', () => {
    const names: string[] = [];
    const wb =
      `<definedNames><definedName name="a">SUM('Tổng hợp điểm'!$C$5,'tổng hợp điểm'!C6,Sheet1!A1)</definedName>` +
      `<definedName name="b">IF(Sheet1!A1="'Tổng hợp điểm'!A1",1,0)</definedName>` +
      `<definedName name="c">TongHop!$A$1+XTongHop!$A$1+'O''Neil'!A1</definedName>` +
      `<definedName name="d">'It''s'!A1&amp;"x"</definedName></definedNames>`;
    const out = danglingToRef(wb, ['Tổng hợp điểm', 'TongHop', "It's"], names);
    assert.equal(
      out,
      `<definedNames><definedName name="a">SUM(#REF!$C$5,#REF!C6,Sheet1!A1)</definedName>` +
        `<definedName name="b">IF(Sheet1!A1="'Tổng hợp điểm'!A1",1,0)</definedName>` +
        `<definedName name="c">#REF!$A$1+XTongHop!$A$1+'O''Neil'!A1</definedName>` +
        `<definedName name="d">#REF!A1&amp;&quot;x&quot;</definedName></definedNames>`, // written back escaped
    );
    assert.deepEqual(names, ['a', 'c', 'd']);

    // 3-D references with a removed end are #REF! whole; other workbooks' sheets are theirs.
    const three = `<definedName name="e">SUM('Sheet1:Tổng hợp điểm'!A1,'Sheet1:Ghi chú'!A1)</definedName><definedName name="f">SUM(Sheet1:TongHop!A1,[1]TongHop!A1,'[1]Tổng hợp điểm'!A1)</definedName>`;
    assert.equal(danglingToRef(three, ['Tổng hợp điểm', 'TongHop'], []), `<definedName name="e">SUM(#REF!A1,'Sheet1:Ghi chú'!A1)</definedName>${three.slice(three.indexOf('<definedName name="f">'))}`);
    // Excel's own names for a removed sheet go with it; a hidden name is rewritten but not listed.
    const listed: string[] = [];
    const builtIn = `<definedName name="_xlnm._FilterDatabase" hidden="1">'Tổng hợp điểm'!$A$3:$I$20</definedName><definedName name="h" hidden="1">'Tổng hợp điểm'!A1</definedName>`;
    assert.equal(danglingToRef(builtIn, ['Tổng hợp điểm'], listed), '<definedName name="h" hidden="1">#REF!A1</definedName>');
    assert.deepEqual(listed, []);
  });

  it('a summary the officer renamed comes back under parscore’s name when scored again: their name into it reads #REF!', () => {
    const scored = path.join(dir, 'renamed-scored.xlsx');
    const renamed = path.join(dir, 'renamed.xlsx');
    assert.equal(runCli(['score', HAGIANG, '-o', scored]).code, 0);
    const p = readParts(scored);
    const w = p.get('xl/workbook.xml')!.replace(/Tổng hợp điểm/g, 'Tổng hợp điểm (2)');
    p.set('xl/workbook.xml', replaceOnce(w, '</definedNames>', `<definedName name="TongDiem">'Tổng hợp điểm (2)'!$C$5</definedName><definedName name="Goc">Sheet1!$A$1</definedName></definedNames>`));
    writeParts(renamed, p);
    const again = path.join(dir, 'renamed-again.xlsx');
    assert.equal(runCli(['score', renamed, '-o', again]).code, 0);
    const after = readParts(again).get('xl/workbook.xml')!;
    assert.match(after, /<sheet [^>]*name="Tổng hợp điểm"/);
    assert.doesNotMatch(after, /Tổng hợp điểm \(2\)/);
    assert.match(after, /<definedName name="TongDiem">#REF!\$C\$5<\/definedName>/);
    assert.match(after, /<definedName name="Goc">Sheet1!\$A\$1<\/definedName>/);
  });

  it('score on a scored copy writes the same copy as the first score', () => {
    const once = path.join(dir, 'rich-once.xlsx');
    const twice = path.join(dir, 'rich-twice.xlsx');
    assert.equal(runCli(['score', rich, '-o', once]).code, 0);
    assert.equal(runCli(['score', once, '-o', twice]).code, 0);
    const a = readParts(once);
    const b = readParts(twice);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    // The second copy asks Excel to recalculate on open (its summaries hold new numbers under the
    // same names: a formula of the officer's quoting one holds last run's value); the first need not.
    assert.doesNotMatch(a.get('xl/workbook.xml')!, /fullCalcOnLoad/);
    assert.match(b.get('xl/workbook.xml')!, /<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    assert.equal(b.get('xl/workbook.xml'), withFullCalcOnLoad(a.get('xl/workbook.xml')!), 'xl/workbook.xml: the same but for the flag');
    // styles too: the second run reuses the styles the first added instead of adding them again.
    for (const [name, text] of a) if (name !== 'xl/workbook.xml') assert.equal(b.get(name), text, name);
  });

  it('a first score asks Excel to recalculate on open where a formula of the officer’s refers to a summary it adds, also after clear', () => {
    const FULL_CALC = /<calcPr\b[^>]*\bfullCalcOnLoad="1"/;
    /** The rich workbook with `insert` put before `marker` in `part`, written as formula-<tag>.xlsx. */
    const richWith = (tag: string, part: string, marker: string, insert: string): string => {
      const file = path.join(dir, `formula-${tag}.xlsx`);
      const p = readParts(rich);
      p.set(part, replaceOnce(p.get(part)!, marker, `${insert}${marker}`));
      writeParts(file, p);
      return file;
    };
    /** `file` scored (through the patch writers, which keep the Excel 2010 dropdown): its workbook part. */
    const scoredWorkbook = (file: string): string => {
      const out = file.replace(/\.xlsx$/, '-scored.xlsx');
      assert.equal(runCli(['score', file, '-o', out]).code, 0, file);
      const parts = readParts(out);
      assert.match(parts.get('xl/worksheets/sheet1.xml')!, /x14:dataValidation/, `${out}: written by the patch writers`);
      return parts.get('xl/workbook.xml')!;
    };
    // A report cell quoting the total, far below the table (kept through a clear, or written ahead of the first score).
    const officer = richWith('sheet', 'xl/worksheets/sheet1.xml', '</sheetData>', `<row r="999"><c r="A999"><f>'Tổng hợp điểm'!E12</f><v>0</v></c></row>`);
    const scored = path.join(dir, 'formula-scored.xlsx');
    const cleared = path.join(dir, 'formula-cleared.xlsx');
    assert.equal(runCli(['score', officer, '-o', scored]).code, 0);
    assert.equal(runCli(['clear', scored, '-o', cleared]).code, 0);
    // Saved in Excel since (which drops the request), then scored again: a first score once more.
    const saved = readParts(cleared);
    saved.set('xl/workbook.xml', saved.get('xl/workbook.xml')!.replace(/\s+fullCalcOnLoad="1"/, ''));
    writeParts(cleared, saved);
    assert.match(readParts(scored).get('xl/workbook.xml')!, FULL_CALC, scored);
    assert.match(readParts(scored).get('xl/worksheets/sheet1.xml')!, /x14:dataValidation/, `${scored}: written by the patch writers`);
    assert.match(scoredWorkbook(cleared), FULL_CALC, 'scored again after clear');
    // clear leaves the officer's formula as it was (Excel would make it #REF!, but the cell is theirs).
    assert.match(readParts(cleared).get('xl/worksheets/sheet1.xml')!, /<c r="A999"><f>'Tổng hợp điểm'!E12<\/f>/);
    // The same from another sheet, its quotes XML-escaped.
    const other = richWith('other', 'xl/worksheets/sheet2.xml', '</sheetData>', `<row r="999"><c r="A999"><f>SUM(&apos;Danh sách vấn đề&apos;!C4:C9)</f><v>0</v></c></row>`);
    assert.match(scoredWorkbook(other), FULL_CALC, 'another sheet');
    // parscore's own record of a summary since deleted (it goes, as clear's) is no formula of the officer's.
    const recorded = richWith('record', 'xl/workbook.xml', '</definedNames>', `<definedName name="parscore_summary_fields">'Tổng hợp điểm'!$A$1</definedName>`);
    assert.doesNotMatch(scoredWorkbook(recorded), /fullCalcOnLoad/, 'a record of parscore’s');
    // A name into a summary (the formula using it names only the name).
    const named = richWith('name', 'xl/workbook.xml', '</definedNames>', `<definedName name="TongDiem">'Tổng hợp điểm'!$E$12</definedName>`);
    assert.match(scoredWorkbook(named), FULL_CALC, 'a name');
  });

  it('asks for a full calculation on load in the calcPr the workbook has, or in one put where the schema wants it', () => {
    const sheets = '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>';
    assert.equal(withFullCalcOnLoad(`<workbook>${sheets}<calcPr calcId="191029"/></workbook>`), `<workbook>${sheets}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`);
    assert.equal(withFullCalcOnLoad(`<workbook>${sheets}<calcPr fullCalcOnLoad='0' calcId="1"></calcPr></workbook>`), `<workbook>${sheets}<calcPr fullCalcOnLoad="1" calcId="1"></calcPr></workbook>`);
    const names = '<definedNames><definedName name="x">A!$A$1</definedName></definedNames>';
    assert.equal(withFullCalcOnLoad(`<workbook>${sheets}${names}<oleSize ref="A1"/></workbook>`), `<workbook>${sheets}${names}<calcPr fullCalcOnLoad="1"/><oleSize ref="A1"/></workbook>`);
    assert.equal(withFullCalcOnLoad(`<workbook>${sheets}<externalReferences><externalReference r:id="rId9"/></externalReferences></workbook>`), `<workbook>${sheets}<externalReferences><externalReference r:id="rId9"/></externalReferences><calcPr fullCalcOnLoad="1"/></workbook>`);
    assert.throws(() => withFullCalcOnLoad('<workbook/>'), PatchUnsupported);
  });

  it('score on a scored copy the patch writers refuse reads it again with ExcelJS and reports the same analysis', () => {
    const once = path.join(dir, 'fallback-once.xlsx');
    const edited = path.join(dir, 'fallback-edited.xlsx');
    const twice = path.join(dir, 'fallback-twice.xlsx');
    const first = runCli(['score', rich, '-o', once]);
    assert.equal(first.code, 0, first.stderr);
    // A part of the officer's hung on parscore's summary: clearing it is left to ExcelJS (clearPatch
    // throws), and score then analyses the copy as ExcelJS reads it (the first analysis is not kept).
    const p = readParts(once);
    const rid = /<sheet [^>]*name="Tổng hợp điểm"[^>]*r:id="([^"]+)"/.exec(p.get('xl/workbook.xml')!)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="worksheets/(sheet\\d+\\.xml)"`).exec(p.get('xl/_rels/workbook.xml.rels')!)?.[1];
    assert.ok(rid && target, 'the summary sheet and its part');
    p.set(`xl/worksheets/_rels/${target}.rels`, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/drawing" Target="../drawings/drawing9.xml"/></Relationships>');
    writeParts(edited, p);
    assert.throws(() => clearPatch(fs.readFileSync(edited), { sheets: ['Tổng hợp điểm'], columns: new Map() }), PatchUnsupported);
    // The report without its first line (the file's name) and the last ("Đã ghi …").
    const report = (out: string) => out.slice(out.indexOf('\n'), out.lastIndexOf('\n\n'));
    // The options as given reach the analysis made there (the language, and the policy it names).
    for (const [lang, policy] of [['vi', 'zero'], ['en', 'flag']] as const) {
      const want = runCli(['score', rich, '-o', path.join(dir, `fallback-want-${lang}.xlsx`), '--lang', lang, '--policy', policy]);
      const again = runCli(['score', edited, '-o', twice, '--lang', lang, '--policy', policy]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(report(want.stdout), lang === 'vi' ? /Mục tiêu định tính[\s\S]*\(zero\)|\(zero\)[\s\S]*Mục tiêu định tính/ : /\(flag\)[\s\S]*Qualitative target/);
      assert.equal(report(again.stdout), report(want.stdout), lang);
      const after = readParts(twice);
      assert.equal((after.get('xl/workbook.xml')!.match(/name="Tổng hợp điểm"/g) ?? []).length, 1, 'one summary sheet, replaced');
      assert.match(after.get('xl/workbook.xml')!, /<calcPr\b[^>]*\bfullCalcOnLoad="1"/, 'recalculated on open, as the patch writers ask');
      // Written by ExcelJS's load-and-save, not the patch writers: it drops the Excel 2010 dropdown they keep.
      assert.match(readParts(once).get('xl/worksheets/sheet1.xml')!, /x14:dataValidation/);
      assert.doesNotMatch(after.get('xl/worksheets/sheet1.xml')!, /x14:dataValidation/, lang);
    }
  });

  it('the columns parscore took get their width, hidden state and whole-sheet format back', () => {
    const base = readParts(EXAMPLE);
    const variants: [string, string][] = [
      ['an officer’s width and a hidden column', '<col min="15" max="15" width="30" customWidth="1"/><col min="16" max="16" width="5" hidden="1" customWidth="1"/>'],
      ['a format on the whole sheet to its right', '<col min="15" max="16384" width="11" style="1" customWidth="1"/>'],
    ];
    for (const [what, extra] of variants) {
      const p = new Map(base);
      p.set('xl/worksheets/sheet1.xml', replaceOnce(p.get('xl/worksheets/sheet1.xml')!, '</cols>', `${extra}</cols>`));
      const input = path.join(dir, 'cols-in.xlsx');
      writeParts(input, p);
      const scored = path.join(dir, 'cols-scored.xlsx');
      const cleared = path.join(dir, 'cols-cleared.xlsx');
      assert.equal(runCli(['score', input, '-o', scored]).code, 0, what);
      const scoredSheet = readParts(scored).get('xl/worksheets/sheet1.xml')!;
      assert.match(cols(scoredSheet), /<col min="15" max="15" width="48" customWidth="1"\/>/, `${what}: parscore's status column in O`);
      assert.equal(runCli(['clear', scored, '-o', cleared]).code, 0, what);
      const clearedSheet = readParts(cleared).get('xl/worksheets/sheet1.xml')!;
      assert.equal(cols(clearedSheet), cols(p.get('xl/worksheets/sheet1.xml')!), what);
      assert.doesNotMatch(clearedSheet, /urn:parscore/, `${what}: parscore's record goes with its columns`);
    }
  });

  it('LibreOffice’s “fit to page” (fitToPage="true") survives clear and a second score', () => {
    const scored = path.join(dir, 'lo-scored.xlsx');
    const again = path.join(dir, 'lo-again.xlsx');
    const cleared = path.join(dir, 'lo-cleared.xlsx');
    assert.equal(runCli(['score', LIBREOFFICE, '-o', scored]).code, 0);
    assert.equal(runCli(['score', scored, '-o', again]).code, 0);
    assert.equal(runCli(['clear', again, '-o', cleared]).code, 0);
    const sheetPr = (file: string) => /<sheetPr[\s\S]*?<\/sheetPr>/.exec(readParts(file).get('xl/worksheets/sheet1.xml')!)?.[0];
    assert.match(sheetPr(LIBREOFFICE)!, /fitToPage="true"/);
    for (const f of [scored, again, cleared]) assert.equal(sheetPr(f), sheetPr(LIBREOFFICE), path.basename(f));
    // Part for part, but for the full calculation on load the second score asked for: clear
    // leaves that request (Excel drops it at its next save), so formulas into the removed
    // summaries show what they now are.
    const original = readParts(LIBREOFFICE);
    original.set('xl/workbook.xml', withFullCalcOnLoad(original.get('xl/workbook.xml')!));
    assertSameParts(original, readParts(cleared), 'LibreOffice');
  });
});

describe('clearing a sheet part', () => {
  const own = [3, 4];
  const rule = (f: string, p: number) => `<conditionalFormatting sqref="B3:B6"><cfRule type="expression" dxfId="0" priority="${p}"><formula>${f}</formula></cfRule></conditionalFormatting>`;
  const ours = rule('ISNUMBER(SEARCH(&quot;over-max@B&quot;,$D3))', 2);
  const officers = rule('$A3&gt;1', 1);

  it('takes out its cells and the rows it made, keeps the officer’s rows, rules and other cells', () => {
    const xml =
      '<worksheet><cols><col min="1" max="2" width="12" customWidth="1"/><col min="3" max="3" width="48" customWidth="1"/><col min="4" max="4" width="9" hidden="1" customWidth="1"/></cols>' +
      '<sheetData><row r="2" ht="20" customHeight="1"><c r="A2"><v>1</v></c><c r="C2" s="5" t="inlineStr"><is><t>parscore: kết quả kiểm tra</t></is></c><c r="D2" t="inlineStr"><is><t>parscore: mã</t></is></c></row>' +
      '<row r="3"><c r="C3" s="5" t="inlineStr"><is><t>• x</t></is></c></row><row r="4" ht="30" customHeight="1"><c r="D4" t="inlineStr"><is><t>a@B</t></is></c></row></sheetData>' +
      `${officers}${ours}<pageMargins/></worksheet>`;
    const r = clearAppendixSheet(xml, own);
    assert.equal(r.rules, 1);
    assert.equal(
      r.xml,
      '<worksheet><cols><col min="1" max="2" width="12" customWidth="1"/></cols>' +
        '<sheetData><row r="2" ht="20" customHeight="1"><c r="A2"><v>1</v></c></row><row r="4" ht="30" customHeight="1"></row></sheetData>' +
        `${officers}<pageMargins/></worksheet>`,
    );
  });

  it('leaves no empty <cols> (not valid) when its own were the only ones', () => {
    const xml = '<worksheet><cols><col min="3" max="3" width="48" customWidth="1"/><col min="4" max="4" width="9" hidden="1" customWidth="1"/></cols><sheetData/></worksheet>';
    assert.equal(clearAppendixSheet(xml, own).xml, '<worksheet><sheetData/></worksheet>');
  });

  it('takes its rule out of an element the officer’s rule shares (Excel keeps rules of one range together), and keeps theirs', () => {
    const theirs = '<cfRule type="expression" priority="3"><formula>$A3</formula></cfRule>';
    const mixed = `<conditionalFormatting sqref="B3"><cfRule type="expression" priority="1"><formula>ISNUMBER(SEARCH(&quot;over-max@B&quot;,$D3))</formula></cfRule>${theirs}</conditionalFormatting>`;
    const r = clearAppendixSheet(`<worksheet><sheetData/>${mixed}</worksheet>`, own);
    assert.equal(r.rules, 1);
    assert.equal(r.xml, `<worksheet><sheetData/><conditionalFormatting sqref="B3">${theirs}</conditionalFormatting></worksheet>`);
  });

  it('gives back the officer’s range around what they changed since, never two entries over one column', () => {
    const record = (tags: string) =>
      `<extLst><ext uri="{7D3F1A52-8C4B-4E0A-9B6D-5A2C1E7F0B39}" xmlns:ps="urn:parscore:cols"><ps:cols>${tags.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</ps:cols></ext></extLst>`;
    const original = '<col min="2" max="6" width="16" customWidth="1"/>';
    const ours2 = '<col min="3" max="3" width="48" customWidth="1"/><col min="4" max="4" width="9" hidden="1" customWidth="1"/>';
    const sheet = (cols: string) => `<worksheet><cols>${cols}</cols><sheetData/>${record(original)}</worksheet>`;
    // Untouched since scoring: the one range again.
    assert.equal(clearAppendixSheet(sheet(`<col min="2" max="2" width="16" customWidth="1"/>${ours2}<col min="5" max="6" width="16" customWidth="1"/>`), own).xml, `<worksheet><cols>${original}</cols><sheetData/></worksheet>`);
    // E:F widened by the officer since: theirs kept, the rest of the range back.
    assert.equal(
      clearAppendixSheet(sheet(`<col min="2" max="2" width="16" customWidth="1"/>${ours2}<col min="5" max="6" width="20" customWidth="1"/>`), own).xml,
      '<worksheet><cols><col min="2" max="4" width="16" customWidth="1"/><col min="5" max="6" width="20" customWidth="1"/></cols><sheetData/></worksheet>',
    );
    // C:F resized together (one entry over parscore's columns too): nothing to give back.
    assert.equal(
      clearAppendixSheet(sheet('<col min="2" max="2" width="16" customWidth="1"/><col min="3" max="6" width="30" customWidth="1"/>'), own).xml,
      '<worksheet><cols><col min="2" max="2" width="16" customWidth="1"/><col min="3" max="6" width="30" customWidth="1"/></cols><sheetData/></worksheet>',
    );
  });
});

describe('clearing the workbook parts', () => {
  it('renumbers the names local to the sheets after a removed summary, and leaves a summary with parts of its own to ExcelJS', () => {
    const dir = tmpDir('clear-patch-unit');
    const file = path.join(dir, 'wb.xlsx');
    const p = readParts(HAGIANG);
    const wb = p.get('xl/workbook.xml')!;
    // A summary sheet (second) between the appendix and an officer's sheet (third) with print titles.
    p.set(
      'xl/workbook.xml',
      replaceOnce(
        wb,
        /<sheets>[\s\S]*?<\/sheets>/,
        '<bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet sheetId="1" name="Sheet1" state="visible" r:id="rId4"/><sheet sheetId="7" name="Tổng hợp điểm" r:id="rId8"/><sheet sheetId="2" name="Ghi chú" r:id="rId9"/></sheets>' +
          "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Tổng hợp điểm'!$3:$3</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'Ghi chú'!$1:$1</definedName><definedName name=\"parscore_summary_fields\">'Tổng hợp điểm'!$A$1</definedName></definedNames>",
      ),
    );
    const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
    p.set('xl/_rels/workbook.xml.rels', replaceOnce(p.get('xl/_rels/workbook.xml.rels')!, '</Relationships>', `<Relationship Id="rId8" Type="${T}" Target="worksheets/sheet8.xml"/><Relationship Id="rId9" Type="${T}" Target="worksheets/sheet9.xml"/></Relationships>`));
    const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
    p.set('[Content_Types].xml', replaceOnce(p.get('[Content_Types].xml')!, '</Types>', `<Override PartName="/xl/worksheets/sheet8.xml" ContentType="${CT}"/><Override PartName="/xl/worksheets/sheet9.xml" ContentType="${CT}"/></Types>`));
    const empty = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    p.set('xl/worksheets/sheet8.xml', empty);
    p.set('xl/worksheets/sheet9.xml', empty);
    writeParts(file, p);
    const bytes = fs.readFileSync(file);
    const r = clearPatch(bytes, { sheets: ['Tổng hợp điểm'], columns: new Map() });
    const after = partsOf(r.bytes);
    assert.equal(r.sheets, 1);
    assert.ok(!after.has('xl/worksheets/sheet8.xml'));
    assert.doesNotMatch(after.get('[Content_Types].xml')!, /sheet8/);
    assert.doesNotMatch(after.get('xl/_rels/workbook.xml.rels')!, /rId8/);
    const w = after.get('xl/workbook.xml')!;
    assert.match(w, /<sheets><sheet sheetId="1" name="Sheet1" state="visible" r:id="rId4"\/><sheet sheetId="2" name="Ghi chú" r:id="rId9"\/><\/sheets>/);
    assert.match(w, /<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Ghi chú'!\$1:\$1<\/definedName><\/definedNames>/);
    assert.match(w, /<workbookView activeTab="1"\/>/);

    // Records written with single quotes (another tool's XML) go too.
    p.set('xl/workbook.xml', p.get('xl/workbook.xml')!.replace('<definedName name="parscore_summary_fields">', "<definedName name='parscore_summary_fields'>"));
    writeParts(file, p);
    assert.doesNotMatch(partsOf(clearPatch(fs.readFileSync(file), { sheets: ['Tổng hợp điểm'], columns: new Map() }).bytes).get('xl/workbook.xml')!, /parscore_summary/);

    // The summary was the active tab, the sheet before it hidden: the nearest visible sheet is active.
    p.set('xl/workbook.xml', p.get('xl/workbook.xml')!.replace('<workbookView activeTab="2"/>', '<workbookView activeTab="1"/>').replace('name="Sheet1" state="visible"', 'name="Sheet1" state="hidden"'));
    writeParts(file, p);
    assert.match(partsOf(clearPatch(fs.readFileSync(file), { sheets: ['Tổng hợp điểm'], columns: new Map() }).bytes).get('xl/workbook.xml')!, /<workbookView activeTab="1"\/>/);

    // The same summary holding a chart of the officer's: ExcelJS knows what goes with it.
    p.set('xl/worksheets/_rels/sheet8.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/drawing" Target="../drawings/drawing9.xml"/></Relationships>');
    writeParts(file, p);
    assert.throws(() => clearPatch(fs.readFileSync(file), { sheets: ['Tổng hợp điểm'], columns: new Map() }), PatchUnsupported);
  });
});
