// An .xlsx as its parts' texts, and back: for tests that build workbooks with what ExcelJS cannot
// write (charts, Excel 2010 validations, page breaks) or compare copies part by part.
import fs from 'node:fs';
import { entryBytes, readZip, writeZip } from '../../cli/patch/zip';

export function readParts(file: string): Map<string, string> {
  return partsOf(fs.readFileSync(file), file);
}

/** The parts of an .xlsx held in memory (a patch writer's output). */
export function partsOf(bytes: Uint8Array, what = 'the bytes'): Map<string, string> {
  const entries = readZip(bytes);
  if (!entries) throw new Error(`${what}: not a zip the patch writer reads`);
  return new Map(entries.map((e) => [e.name, entryBytes(e).toString('utf8')]));
}

export function writeParts(file: string, parts: ReadonlyMap<string, string>): void {
  // [Content_Types].xml first, as Office writes it.
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  fs.writeFileSync(file, writeZip(names.map((name) => ({ name, data: Buffer.from(parts.get(name)!, 'utf8') }))));
}

/** `text` with `from` replaced by `to`, which must be there exactly once (a fixture changed under a test fails loudly). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g'))?.length ?? 0);
  if (n !== 1) throw new Error(`expected one ${String(from)}, found ${n}`);
  return text.replace(from, to);
}

const WS = 'application/vnd.openxmlformats-officedocument';

/**
 * The Hà Giang fixture with what real officers' workbooks hold and ExcelJS's load-and-save drops
 * or changes: a chart on the appendix, a note with its author, a dropdown list from another sheet
 * (stored as an Excel 2010 extension), a manual page break, print titles and area, frozen panes,
 * a tab colour, a hidden row, and a second sheet the list and the chart read from.
 */
export function richWorkbook(hagiang: string, out: string): void {
  const p = readParts(hagiang);
  const set = (name: string, text: string) => p.set(name, text);
  const edit = (name: string, f: (t: string) => string) => set(name, f(p.get(name)!));
  edit('xl/workbook.xml', (t) =>
    replaceOnce(
      t,
      /<sheets>[\s\S]*?<\/sheets>/,
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="9000" activeTab="0"/></bookViews>' +
        '<sheets><sheet sheetId="1" name="Sheet1" state="visible" r:id="rId4"/><sheet sheetId="2" name="Danh mục" r:id="rId9"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$G$74</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$5:$6</definedName>' +
        "<definedName name=\"DanhMuc\">'Danh mục'!$A$1:$A$3</definedName></definedNames>",
    ),
  );
  edit('xl/_rels/workbook.xml.rels', (t) =>
    replaceOnce(t, '</Relationships>', `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
  );
  edit('[Content_Types].xml', (t) =>
    replaceOnce(
      t,
      '</Types>',
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${WS}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${WS}.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart1.xml" ContentType="${WS}.drawingml.chart+xml"/>` +
        `<Override PartName="/xl/comments1.xml" ContentType="${WS}.spreadsheetml.comments+xml"/></Types>`,
    ),
  );
  set(
    'xl/worksheets/sheet2.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Sở Nội vụ</t></is></c><c r="B1"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>UBND</t></is></c><c r="B2"><v>5</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Khác</t></is></c><c r="B3"><v>2</v></c></row></sheetData></worksheet>',
  );
  edit('xl/worksheets/sheet1.xml', (t) => {
    let s = replaceOnce(
      t,
      '<dimension ref="A1:G74"/>',
      '<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:G74"/><sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane ySplit="6" topLeftCell="A7" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C10" sqref="C10"/></sheetView></sheetViews>',
    );
    s = replaceOnce(
      s,
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"',
    );
    s = replaceOnce(s, '<row r="8" ', '<row r="8" hidden="1" ');
    return replaceOnce(
      s,
      /<pageMargins[\s\S]*<\/worksheet>/,
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F7:F74"><formula1>DanhMuc</formula1></dataValidation></dataValidations>' +
        '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        '<headerFooter><oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter></headerFooter><rowBreaks count="1" manualBreakCount="1"><brk id="40" max="16383" man="1"/></rowBreaks>' +
        '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>\'Danh mục\'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>G7:G74</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>',
    );
  });
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  set(
    'xl/worksheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${R}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  set(
    'xl/drawings/drawing1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  set(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  set(
    'xl/charts/chart1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'Danh mục\'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  );
  set(
    'xl/comments1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Chuyên viên</author></authors><commentList><comment ref="C10" authorId="0"><text><r><t>Kiểm tra lại số liệu quý 3</t></r></text></comment></commentList></comments>',
  );
  set(
    'xl/drawings/vmlDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:100pt;margin-top:10pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 9, 2, 5, 15, 13, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>9</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>',
  );
  writeParts(out, p);
}
