// A stand-in for office.js in tests: `Office` (onReady as Excel, requirements, document settings,
// actions) and `Excel.run` over a tiny in-memory workbook that records every write.
// Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser
// test (the workbook comes from window.__PARSCORE_BOOK__, set by an init script), and required
// from Node by the adapter unit tests (createExcelStub).
//
// Like Office.js, requests are queued and run in order at context.sync(): a loaded property read
// before its sync throws, a write lands at the sync, and a failing request rejects the sync.
/* eslint-disable */
(function (root) {
  'use strict';

  // ---- A1 addresses ------------------------------------------------------------------------

  function colNum(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n;
  }
  function colLetter(n) {
    var s = '';
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  var MAX_ROW = 1048576;
  var MAX_COL = 16384;
  /** "A1", "A1:C3", "K:K", "5:6", with an optional sheet prefix and $ signs → 1-based box. */
  function parseAddress(address) {
    var a = String(address);
    var bang = a.lastIndexOf('!');
    if (bang >= 0) a = a.slice(bang + 1);
    a = a.replace(/\$/g, '').toUpperCase();
    var parts = a.split(':');
    var p1 = parts[0];
    var p2 = parts.length > 1 ? parts[1] : parts[0];
    var cell = /^([A-Z]{1,3})(\d+)$/;
    var col = /^([A-Z]{1,3})$/;
    var row = /^(\d+)$/;
    var m1, m2;
    if ((m1 = cell.exec(p1)) && (m2 = cell.exec(p2))) {
      return box(+m1[2], colNum(m1[1]), +m2[2], colNum(m2[1]));
    }
    if ((m1 = col.exec(p1)) && (m2 = col.exec(p2))) return box(1, colNum(m1[1]), MAX_ROW, colNum(m2[1]));
    if ((m1 = row.exec(p1)) && (m2 = row.exec(p2))) return box(+m1[1], 1, +m2[1], MAX_COL);
    throw new Error('InvalidArgument: bad address ' + address);
  }
  function box(r1, c1, r2, c2) {
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  function addressOf(b) {
    if (b.top === 1 && b.bottom === MAX_ROW) return colLetter(b.left) + ':' + colLetter(b.right);
    var a = colLetter(b.left) + b.top;
    return b.bottom === b.top && b.right === b.left ? a : a + ':' + colLetter(b.right) + b.bottom;
  }
  function quote(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function clone(v) {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }

  // ---- The workbook ------------------------------------------------------------------------

  /**
   * spec: { sheets: [{ name, values, merges, origin?, formulas?: [{ row, col, formula }],
   *                   notes?: [{ row, col, content }], comments?: [{ row, col, content }] }], active?,
   *         unsupported?: ["CustomFunctionsRuntime 1.1" | "ExcelApi"], maxExcelApi?: "1.17", settings?: {} }
   * A formula cell keeps its value from `values` (e.g. "" for a formula whose result is empty).
   */
  function createBook(spec) {
    var book = {
      sheets: [],
      active: null,
      selected: null,
      settings: {}, // Excel.SettingCollection
      docSettings: {}, // Office.context.document.settings, as saved
      log: [],
      syncs: 0,
      runs: 0,
      unsynced: 0,
      cellsRead: 0, // cells whose values or formulas a load() produced
      spec: spec || {},
    };
    (spec && spec.sheets ? spec.sheets : []).forEach(function (s) {
      var sh = addSheet(book, s.name);
      var r0 = (s.origin && s.origin.row) || 1;
      var c0 = (s.origin && s.origin.col) || 1;
      (s.values || []).forEach(function (row, i) {
        (row || []).forEach(function (v, j) {
          if (v !== null && v !== undefined && v !== '') sh.cells.set(r0 + i + ',' + (c0 + j), v);
        });
      });
      sh.merges = (s.merges || []).map(function (m) {
        return { top: m.top, left: m.left, bottom: m.bottom, right: m.right };
      });
      (s.formulas || []).forEach(function (f) {
        sh.formulas.set(f.row + ',' + f.col, f.formula);
      });
      (s.notes || []).forEach(function (n) {
        sh.notes.set(n.row + ',' + n.col, { content: n.content });
      });
      (s.comments || []).forEach(function (c, i) {
        sh.comments.set(c.row + ',' + c.col, { id: 'c' + i, content: c.content });
      });
    });
    book.active = spec && spec.active ? spec.active : book.sheets.length ? book.sheets[0].name : null;
    if (spec && spec.docSettings) book.docSettings = clone(spec.docSettings);
    return book;
  }

  function addSheet(book, name) {
    var sh = { name: name, cells: new Map(), formulas: new Map(), merges: [], cfs: [], validations: [], frozenRows: 0, notes: new Map(), comments: new Map() };
    book.sheets.push(sh);
    return sh;
  }
  /** A formula with its references to `sheet` ('Name'!A1, Name!A1; any case) made #REF!, as Excel makes them when the sheet is deleted. */
  function refsGone(formula, sheet) {
    var lower = formula.toLocaleLowerCase();
    var quoted = ("'" + sheet.replace(/'/g, "''") + "'!").toLocaleLowerCase();
    var plain = (sheet + '!').toLocaleLowerCase();
    var out = '';
    for (var i = 0; i < formula.length; ) {
      var before = i === 0 ? '' : formula[i - 1];
      var word = /[\p{L}\p{N}_.]/u.test(before);
      if (lower.startsWith(quoted, i)) {
        out += '#REF!';
        i += quoted.length;
      } else if (!word && lower.startsWith(plain, i)) {
        out += '#REF!';
        i += plain.length;
      } else out += formula[i++];
    }
    return out;
  }
  function findSheet(book, name) {
    var lower = String(name).toLocaleLowerCase();
    for (var i = 0; i < book.sheets.length; i++) if (book.sheets[i].name.toLocaleLowerCase() === lower) return book.sheets[i];
    return null;
  }
  function sheetOrThrow(book, name) {
    var s = findSheet(book, name);
    if (!s) throw new Error('ItemNotFound: worksheet ' + name);
    return s;
  }
  /** Bounding box of the cells holding a value or a formula (within `within` when given); null when none. */
  function usedBox(sh, within) {
    var b = null;
    function add(_v, key) {
      var rc = key.split(',');
      var r = +rc[0];
      var c = +rc[1];
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) return;
      if (!b) b = { top: r, left: c, bottom: r, right: c };
      else {
        if (r < b.top) b.top = r;
        if (r > b.bottom) b.bottom = r;
        if (c < b.left) b.left = c;
        if (c > b.right) b.right = c;
      }
    }
    sh.cells.forEach(add);
    sh.formulas.forEach(add);
    return b;
  }
  function valuesOf(sh, b, formulas) {
    var out = [];
    for (var r = b.top; r <= b.bottom; r++) {
      var row = [];
      for (var c = b.left; c <= b.right; c++) {
        var v = (formulas && sh.formulas.get(r + ',' + c)) || sh.cells.get(r + ',' + c);
        row.push(v === undefined ? '' : v);
      }
      out.push(row);
    }
    return out;
  }
  function intersects(a, b) {
    return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  }

  // ---- Request context -----------------------------------------------------------------------

  function notLoaded(what) {
    return new Error('PropertyNotLoaded: ' + what + ' was read before load() and context.sync()');
  }

  function Context(book) {
    this._book = book;
    this._queue = [];
    book.runs++;
    this.workbook = new Workbook(this);
  }
  Context.prototype._push = function (op) {
    this._queue.push(op);
  };
  Context.prototype._log = function (entry) {
    this._book.log.push(entry);
  };
  Context.prototype.sync = function () {
    var book = this._book;
    book.syncs++;
    var queue = this._queue;
    this._queue = [];
    try {
      for (var i = 0; i < queue.length; i++) queue[i]();
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve();
  };

  /** Properties readable only after load() + sync(); `compute` runs at the sync. */
  function loadable(ctx, obj, compute) {
    var loaded = null;
    obj.load = function () {
      ctx._push(function () {
        loaded = compute();
      });
      return obj;
    };
    obj._get = function (prop) {
      if (!loaded) throw notLoaded(prop);
      return loaded[prop];
    };
    return obj;
  }

  /** A collection whose `items` (from `compute`, run at the sync) are readable after load() + sync(). */
  function collection(ctx, compute) {
    var coll = loadable(ctx, {}, function () {
      return { items: compute() };
    });
    Object.defineProperty(coll, 'items', { get: function () { return coll._get('items'); } });
    return coll;
  }

  function Workbook(ctx) {
    var book = ctx._book;
    this.worksheets = new Worksheets(ctx);
    // Workbook-level defined names: { name, value } (a named range's value is its address).
    this.names = collection(ctx, function () {
      return (book.names || []).map(function (n) {
        return {
          name: n.name,
          value: n.value,
          delete: function () {
            ctx._push(function () {
              book.names = book.names.filter(function (x) { return x.name !== n.name; });
              ctx._log({ op: 'deleteName', name: n.name });
            });
          },
        };
      });
    });
    this.settings = {
      getItemOrNullObject: function (key) {
        var o = loadable(ctx, {}, function () {
          var has = Object.prototype.hasOwnProperty.call(book.settings, key);
          return { isNullObject: !has, value: has ? book.settings[key] : null };
        });
        Object.defineProperty(o, 'isNullObject', { get: function () { return o._get('isNullObject'); } });
        Object.defineProperty(o, 'value', { get: function () { return o._get('value'); } });
        return o;
      },
      add: function (key, value) {
        ctx._push(function () {
          book.settings[key] = value;
          ctx._log({ op: 'setting', key: key, value: value });
        });
      },
    };
  }

  function Worksheets(ctx) {
    var book = ctx._book;
    var self = this;
    loadable(ctx, this, function () {
      return { items: book.sheets.map(function (s) { return new Worksheet(ctx, s.name, true); }) };
    });
    Object.defineProperty(this, 'items', { get: function () { return self._get('items'); } });
    this.getActiveWorksheet = function () {
      return new Worksheet(ctx, book.active, false);
    };
    this.getItem = function (name) {
      return new Worksheet(ctx, name, false);
    };
    this.add = function (name) {
      ctx._push(function () {
        if (findSheet(book, name)) throw new Error('ItemAlreadyExists: worksheet ' + name);
        addSheet(book, name);
        ctx._log({ op: 'addSheet', sheet: name });
      });
      return new Worksheet(ctx, name, false);
    };
  }

  function Worksheet(ctx, name, nameLoaded) {
    var book = ctx._book;
    var self = this;
    var loadedName = nameLoaded ? name : null;
    this.load = function () {
      ctx._push(function () {
        loadedName = sheetOrThrow(book, name).name;
      });
      return self;
    };
    this.activate = function () {
      ctx._push(function () {
        book.active = sheetOrThrow(book, name).name;
        ctx._log({ op: 'activate', sheet: name });
      });
    };
    this.delete = function () {
      ctx._push(function () {
        var s = sheetOrThrow(book, name);
        book.sheets.splice(book.sheets.indexOf(s), 1);
        // As Excel: every formula that referred to the deleted sheet now reads #REF! for good.
        book.sheets.forEach(function (other) {
          other.formulas.forEach(function (f, key) {
            other.formulas.set(key, refsGone(f, s.name));
          });
        });
        if (book.active === s.name) book.active = book.sheets.length ? book.sheets[0].name : null;
        ctx._log({ op: 'deleteSheet', sheet: name });
      });
    };
    this.freezePanes = {
      freezeRows: function (n) {
        ctx._push(function () {
          sheetOrThrow(book, name).frozenRows = n;
          ctx._log({ op: 'freezeRows', sheet: name, value: n });
        });
      },
      unfreeze: function () {
        ctx._push(function () {
          sheetOrThrow(book, name).frozenRows = 0;
          ctx._log({ op: 'unfreeze', sheet: name });
        });
      },
    };
    // A rename, run at the sync like every write (Excel updates the formulas that refer to it).
    Object.defineProperty(this, 'name', {
      get: function () {
        if (loadedName === null) throw notLoaded('Worksheet.name');
        return loadedName;
      },
      set: function (v) {
        ctx._push(function () {
          var s = sheetOrThrow(book, name);
          if (findSheet(book, v) && findSheet(book, v) !== s) throw new Error('ItemAlreadyExists: worksheet ' + v);
          ctx._log({ op: 'renameSheet', sheet: s.name, value: v });
          s.name = v;
          name = v;
        });
      },
    });
    this.pivotTables = collection(ctx, function () { return []; }); // none in these books
    // Pictures and shapes (ExcelApi 1.9), { name, type }, and slicers placed on the sheet (1.10), { name }: see listed.
    this.shapes = listed('shapes', 'deleteShape');
    this.slicers = listed('slicers', 'deleteSlicer');
    // The sheet's own filter (ExcelApi 1.9), { address } or none; remove() with none fails here, so a caller must look first.
    this.autoFilter = loadable(
      ctx,
      {
        remove: function () {
          ctx._push(function () {
            var s = sheetOrThrow(book, name);
            if (!s.autoFilter) throw new Error('InvalidOperation: no AutoFilter on ' + s.name);
            s.autoFilter = null;
            ctx._log({ op: 'removeAutoFilter', sheet: s.name });
          });
        },
      },
      function () {
        return { enabled: !!sheetOrThrow(book, name).autoFilter };
      },
    );
    Object.defineProperty(this.autoFilter, 'enabled', { get: function () { return self.autoFilter._get('enabled'); } });
    this.protection = loadable(ctx, {}, function () {
      return { protected: !!sheetOrThrow(book, name).protected };
    });
    Object.defineProperty(this.protection, 'protected', { get: function () { return self.protection._get('protected'); } });
    // Tables and charts (recorded with their source address: the pane's summaries use both),
    // shapes and slicers: each listed item deletes itself from its sheet at the sync.
    function listed(kind, op) {
      return collection(ctx, function () {
        var s = sheetOrThrow(book, name);
        return (s[kind] || []).map(function (entry) {
          var remove = function (what) {
            ctx._push(function () {
              var i = (s[kind] || []).indexOf(entry);
              if (i < 0) throw new Error('ItemNotFound: ' + what + ' ' + entry.name);
              s[kind].splice(i, 1);
              ctx._log({ op: what, sheet: s.name, name: entry.name });
            });
          };
          return {
            name: entry.name,
            type: entry.type,
            delete: function () { remove(op); },
            // Tables only: a filter cleared is logged; converting keeps the cells and drops the table.
            clearFilters: function () { ctx._push(function () { ctx._log({ op: 'clearFilters', sheet: s.name, name: entry.name }); }); },
            convertToRange: function () { remove('convertToRange'); },
          };
        });
      });
    }
    this.tables = listed('tables', 'deleteTable');
    this.tables.add = function (address, hasHeaders) {
      var t = { style: null };
      ctx._push(function () {
        var s = sheetOrThrow(book, name);
        book.tableCount = (book.tableCount || 0) + 1;
        (s.tables = s.tables || []).push({ name: 'Table' + book.tableCount, address: address, hasHeaders: hasHeaders, style: t.style });
        ctx._log({ op: 'addTable', sheet: name, address: address, style: t.style });
      });
      return t;
    };
    this.charts = listed('charts', 'deleteChart');
    this.charts.add = function (type, source, seriesBy) {
      var c = { title: { text: '' }, position: null, setPosition: function (a, b) { c.position = [a, b]; } };
      ctx._push(function () {
        var s = sheetOrThrow(book, name);
        book.chartCount = (book.chartCount || 0) + 1;
        var entry = { name: 'Chart' + book.chartCount, type: type, source: source && source._address ? source._address() : String(source), seriesBy: seriesBy, title: c.title.text, position: c.position };
        (s.charts = s.charts || []).push(entry);
        ctx._log({ op: 'addChart', sheet: name, type: type, title: c.title.text });
      });
      return c;
    };
    this.notes = notesOf(ctx, name);
    this.comments = commentsOf(ctx, name);
    this.getUsedRangeOrNullObject = function () {
      return new Range(ctx, name, null, 'used');
    };
    this.getUsedRange = function () {
      return new Range(ctx, name, null, 'used');
    };
    this.getRange = function (address) {
      return new Range(ctx, name, address === undefined ? null : parseAddress(address), address === undefined ? 'sheet' : 'box');
    };
  }

  function Range(ctx, sheetName, b, kind) {
    var book = ctx._book;
    var self = this;
    var address = b ? addressOf(b) : kind;
    this._address = function () {
      return address;
    };
    function sheet() {
      return sheetOrThrow(book, sheetName);
    }
    function target() {
      if (kind === 'box') return b;
      if (kind === 'sheet') return box(1, 1, MAX_ROW, MAX_COL);
      return usedBox(sheet(), b); // 'used': of the sheet, or of the box it was asked of
    }
    function write(op, value, apply) {
      ctx._push(function () {
        var s = sheet();
        var t = target();
        if (apply) apply(s, t);
        ctx._log({ op: op, sheet: s.name, address: addressOf(t), value: clone(value) });
      });
    }
    var loadable_ = loadable(ctx, this, function () {
      var s = sheet();
      var t = target();
      if (!t) return { isNullObject: true };
      var cells = (t.bottom - t.top + 1) * (t.right - t.left + 1);
      var props = String(loadable_._props || '');
      var all = props === '';
      // Like Excel, cell contents are produced only when asked for (and counted, for the tests).
      var wantValues = all || /\bvalues\b/.test(props);
      var wantFormulas = all || /\bformulas\b/.test(props);
      if (wantValues) book.cellsRead += cells;
      if (wantFormulas) book.cellsRead += cells;
      return {
        isNullObject: false,
        values: wantValues ? valuesOf(s, t) : undefined,
        formulas: wantFormulas ? valuesOf(s, t, true) : undefined,
        rowIndex: t.top - 1,
        columnIndex: t.left - 1,
        rowCount: t.bottom - t.top + 1,
        columnCount: t.right - t.left + 1,
        address: quote(s.name) + '!' + addressOf(t),
      };
    });
    var load = this.load;
    this.load = function (props) {
      loadable_._props = props;
      return load(props);
    };
    this.getUsedRangeOrNullObject = function () {
      if (kind !== 'box') throw new Error('stub: getUsedRangeOrNullObject on a ' + kind + ' range');
      return new Range(ctx, sheetName, b, 'used');
    };
    ['isNullObject', 'values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'].forEach(function (p) {
      Object.defineProperty(self, p, {
        get: function () { return self._get(p); },
        set: function (v) {
          if (p !== 'values') throw new Error('stub: cannot set ' + p);
          write('values', v, function (s, t) { assign(s, t, v, 'values'); });
        },
      });
    });
    Object.defineProperty(this, 'formulas', {
      get: function () { return self._get('formulas'); },
      set: function (v) { write('formulas', v, function (s, t) { assign(s, t, v, 'formulas'); }); },
    });
    Object.defineProperty(this, 'numberFormat', {
      set: function (v) { write('numberFormat', v, function (_s, t) { shape(t, v, 'numberFormat'); }); },
    });
    this.format = formatProxy(function (prop, v) { write('format.' + prop, v); });
    this.clear = function (applyTo) {
      write('clear', applyTo || 'All', function (s, t) {
        [s.cells, s.formulas].forEach(function (map) {
          map.forEach(function (_v, key) {
            var rc = key.split(',');
            if (+rc[0] >= t.top && +rc[0] <= t.bottom && +rc[1] >= t.left && +rc[1] <= t.right) map.delete(key);
          });
        });
      });
    };
    this.select = function () {
      write('select', null, function (s, t) { book.selected = { sheet: s.name, address: addressOf(t) }; });
    };
    this.merge = function (across) {
      write('merge', !!across, function (s, t) {
        s.merges.forEach(function (m) {
          if (intersects(m, t)) throw new Error('InvalidOperation: overlaps a merged area');
        });
        s.merges.push({ top: t.top, left: t.left, bottom: t.bottom, right: t.right });
      });
    };
    this.unmerge = function () {
      write('unmerge', null, function (s, t) {
        s.merges = s.merges.filter(function (m) { return !intersects(m, t); });
      });
    };
    this.getMergedAreasOrNullObject = function () {
      var o = loadable(ctx, {}, function () {
        var s = sheet();
        var t = target();
        var ms = s.merges.filter(function (m) { return intersects(m, t); });
        return {
          isNullObject: ms.length === 0,
          address: ms.map(function (m) { return quote(s.name) + '!' + addressOf(m); }).join(','),
        };
      });
      Object.defineProperty(o, 'isNullObject', { get: function () { return o._get('isNullObject'); } });
      Object.defineProperty(o, 'address', { get: function () { return o._get('address'); } });
      return o;
    };
    this.dataValidation = {
      clear: function () {
        write('dataValidation.clear', null, function (s, t) {
          s.validations = s.validations.filter(function (v) { return !intersects(parseAddress(v.address), t); });
        });
      },
    };
    ['rule', 'errorAlert', 'prompt'].forEach(function (p) {
      Object.defineProperty(self.dataValidation, p, {
        set: function (v) {
          write('dataValidation.' + p, v, function (s, t) {
            var a = addressOf(t);
            var rec = s.validations.filter(function (x) { return x.address === a; })[0];
            if (!rec) s.validations.push((rec = { address: a }));
            rec[p] = clone(v);
          });
        },
      });
    });
    this.conditionalFormats = conditionalFormats(ctx, sheet, target, write);
  }

  /** A cell's location as Excel returns it: a range whose address loads at the sync. */
  function locationOf(ctx, sheetName, key) {
    var o = loadable(ctx, {}, function () {
      var rc = key.split(',');
      return { address: quote(sheetName) + '!' + colLetter(+rc[1]) + rc[0] };
    });
    Object.defineProperty(o, 'address', { get: function () { return o._get('address'); } });
    return o;
  }

  /**
   * Worksheet.notes (ExcelApi 1.18), as Excel behaves: add() on a cell that already holds a note
   * or a threaded comment fails (and with it the whole sync); a note has no address of its own.
   */
  function notesOf(ctx, sheetName) {
    var book = ctx._book;
    var coll = collection(ctx, function () {
      var s = sheetOrThrow(book, sheetName);
      var items = [];
      s.notes.forEach(function (n, key) {
        items.push({
          content: n.content,
          getLocation: function () { return locationOf(ctx, s.name, key); },
          delete: function () {
            ctx._push(function () {
              if (s.notes.get(key) !== n) throw new Error('ItemNotFound: note');
              s.notes.delete(key);
              var rc = key.split(',');
              ctx._log({ op: 'deleteNote', sheet: s.name, address: colLetter(+rc[1]) + rc[0] });
            });
          },
        });
      });
      return items;
    });
    coll.add = function (cellAddress, content) {
      ctx._push(function () {
        var s = sheetOrThrow(book, sheetName);
        var b = parseAddress(typeof cellAddress === 'string' ? cellAddress : cellAddress._address());
        if (b.top !== b.bottom || b.left !== b.right) throw new Error('InvalidCellAddress: not a single cell');
        var key = b.top + ',' + b.left;
        if (s.notes.has(key) || s.comments.has(key)) throw new Error('InvalidOperation: the cell already has a note or comment');
        s.notes.set(key, { content: String(content) });
        ctx._log({ op: 'addNote', sheet: s.name, address: addressOf(b), value: String(content) });
      });
    };
    return coll;
  }

  /** Worksheet.comments (ExcelApi 1.10): read only here. */
  function commentsOf(ctx, sheetName) {
    var book = ctx._book;
    return collection(ctx, function () {
      var s = sheetOrThrow(book, sheetName);
      var items = [];
      s.comments.forEach(function (c, key) {
        items.push({ id: c.id, getLocation: function () { return locationOf(ctx, s.name, key); } });
      });
      return items;
    });
  }

  function shape(t, v, what) {
    var rows = t.bottom - t.top + 1;
    var cols = t.right - t.left + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some(function (r) { return !Array.isArray(r) || r.length !== cols; })) {
      throw new Error('InvalidArgument: ' + what + ' is not ' + rows + 'x' + cols + ' for ' + addressOf(t));
    }
  }
  function assign(s, t, v, what) {
    shape(t, v, what);
    for (var i = 0; i < v.length; i++) {
      for (var j = 0; j < v[i].length; j++) {
        var key = t.top + i + ',' + (t.left + j);
        var x = v[i][j];
        s.formulas.delete(key);
        if (x === '' || x === null || x === undefined) s.cells.delete(key);
        else s.cells.set(key, x);
      }
    }
  }

  /** range.format.font.bold = … etc.: any nested property set is logged as "format.font.bold". */
  function formatProxy(onSet, path) {
    var target = {};
    return new Proxy(target, {
      get: function (_t, prop) {
        if (typeof prop !== 'string') return undefined;
        // format.autofitRows() / autofitColumns(): logged like a set, with no value.
        if (prop === 'autofitRows' || prop === 'autofitColumns') return function () { onSet((path ? path + '.' : '') + prop + '()', null); };
        return formatProxy(onSet, (path ? path + '.' : '') + prop);
      },
      set: function (_t, prop, value) {
        onSet((path ? path + '.' : '') + String(prop), value);
        return true;
      },
    });
  }

  function conditionalFormats(ctx, sheet, target, write) {
    var coll = collection(ctx, function () {
      var s = sheet();
      var t = target();
      return s.cfs
        .filter(function (cf) { return t && intersects(parseAddress(cf.range), t); })
        .map(function (cf) {
          return {
            type: cf.type,
            customOrNullObject: { isNullObject: cf.type !== 'Custom', rule: { formula: cf.formula } },
            delete: function () {
              ctx._push(function () {
                var i = s.cfs.indexOf(cf);
                if (i >= 0) s.cfs.splice(i, 1);
                ctx._log({ op: 'deleteConditionalFormat', sheet: s.name, address: cf.range, value: cf.formula });
              });
            },
          };
        });
    });
    coll.clearAll = function () {
      write('conditionalFormats.clearAll', null, function (s, t) {
        s.cfs = s.cfs.filter(function (cf) { return !intersects(parseAddress(cf.range), t); });
      });
    };
    coll.add = function (type) {
      var cf = { type: type, range: '', formula: '', fill: '' };
      write('conditionalFormats.add', type, function (s, t) {
        cf.range = addressOf(t);
        cf.sheet = s.name;
        s.cfs.push(cf);
      });
      return {
        custom: {
          rule: {
            set formula(f) {
              ctx._push(function () {
                cf.formula = f;
                ctx._log({ op: 'conditionalFormats.formula', sheet: cf.sheet, address: cf.range, value: f });
              });
            },
          },
          format: {
            fill: {
              set color(c) { ctx._push(function () { cf.fill = c; }); },
            },
          },
        },
      };
    };
    return coll;
  }

  // ---- Globals -------------------------------------------------------------------------------

  function versionAtMost(v, max) {
    var a = String(v).split('.').map(Number);
    var b = String(max).split('.').map(Number);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0;
      var y = b[i] || 0;
      if (x !== y) return x < y;
    }
    return true;
  }

  function createExcelStub(spec) {
    var book = createBook(spec);
    var unsupported = (book.spec.unsupported || []).slice();
    var maxExcelApi = book.spec.maxExcelApi || '1.17';
    var associated = {};
    var memory = clone(book.docSettings) || {};
    var Excel = {
      run: function (batch) {
        var ctx = new Context(book);
        return Promise.resolve()
          .then(function () { return batch(ctx); })
          .then(function (result) {
            book.unsynced += ctx._queue.length; // queued but never synced: lost, as in Office
            return result;
          });
      },
    };
    var ok = { status: 'succeeded' };
    var Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: function (cb) {
        var info = { host: 'Excel', platform: 'OfficeOnline' };
        return Promise.resolve().then(function () {
          if (cb) cb(info);
          return info;
        });
      },
      context: {
        displayLanguage: 'vi-VN',
        requirements: {
          isSetSupported: function (name, version) {
            if (unsupported.indexOf(name) >= 0) return false;
            if (name === 'ExcelApi') return versionAtMost(version || '1.1', maxExcelApi);
            return true;
          },
        },
        document: {
          settings: {
            get: function (key) { return Object.prototype.hasOwnProperty.call(memory, key) ? clone(memory[key]) : null; },
            set: function (key, value) { memory[key] = clone(value); },
            remove: function (key) { delete memory[key]; },
            refreshAsync: function (cb) {
              memory = clone(book.docSettings) || {};
              if (cb) setTimeout(function () { cb({ status: 'succeeded', value: Office.context.document.settings }); }, 0);
            },
            saveAsync: function (a, b) {
              var cb = typeof a === 'function' ? a : b;
              book.docSettings = clone(memory);
              book.log.push({ op: 'saveDocSettings', value: clone(memory) });
              if (cb) setTimeout(function () { cb(ok); }, 0);
            },
          },
        },
      },
      actions: {
        associate: function (name, fn) { associated[name] = fn; },
      },
      addin: { showAsTaskpane: function () { return Promise.resolve(); } },
    };
    return {
      Excel: Excel,
      Office: Office,
      book: book,
      associated: associated,
      /** A request context for calling adapter functions directly (Node tests). */
      context: function () { return new Context(book); },
      /** A sheet of the officer's holding formulas ({ address: formula }), made between commands. */
      addOfficerSheet: function (name, formulas) {
        var sh = addSheet(book, name);
        Object.keys(formulas).forEach(function (a) {
          var b = parseAddress(a);
          sh.formulas.set(b.top + ',' + b.left, formulas[a]);
        });
      },
      /**
       * What an officer may put on a sheet besides its cells: { shapes: [{ name, type }], slicers: [{ name }], autoFilter:
       * { address }, validations: [{ address, rule }], cfs: [{ type, range, formula }] }, added to what is there.
       */
      decorate: function (name, extras) {
        var s = findSheet(book, name);
        if (!s) throw new Error('ItemNotFound: worksheet ' + name);
        s.shapes = (s.shapes || []).concat(clone(extras.shapes || []));
        s.slicers = (s.slicers || []).concat(clone(extras.slicers || []));
        if (extras.autoFilter) s.autoFilter = clone(extras.autoFilter);
        s.validations = s.validations.concat(clone(extras.validations || []));
        s.cfs = s.cfs.concat(clone(extras.cfs || []).map(function (cf) { cf.sheet = s.name; return cf; }));
      },
      /** A sheet's formulas by address (A1), for assertions. */
      formulasOf: function (name) {
        var s = findSheet(book, name);
        if (!s) return null;
        var out = {};
        s.formulas.forEach(function (f, key) {
          var rc = key.split(',');
          out[colLetter(+rc[1]) + rc[0]] = f;
        });
        return out;
      },
      /** A sheet's cells as a plain snapshot-like object (for assertions). */
      sheet: function (name) {
        var s = findSheet(book, name);
        if (!s) return null;
        var b = usedBox(s);
        return {
          name: s.name,
          values: b ? valuesOf(s, b) : [],
          origin: b ? { row: b.top, col: b.left } : { row: 1, col: 1 },
          merges: clone(s.merges),
          cfs: clone(s.cfs),
          validations: clone(s.validations),
          tables: clone(s.tables || []),
          charts: clone(s.charts || []),
          shapes: clone(s.shapes || []),
          slicers: clone(s.slicers || []),
          autoFilter: s.autoFilter ? clone(s.autoFilter) : null,
          notes: Array.from(s.notes.entries()).map(function (e) {
            var rc = e[0].split(',');
            return { address: colLetter(+rc[1]) + rc[0], content: e[1].content };
          }),
        };
      },
    };
  }

  var api = { createExcelStub: createExcelStub, parseAddress: parseAddress, addressOf: addressOf };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') {
    var stub = createExcelStub(window.__PARSCORE_BOOK__ || { sheets: [] });
    window.Office = stub.Office;
    window.Excel = stub.Excel;
    window.__parscoreStub = stub;
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
