import { strict as assert } from 'node:assert';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { evaluateThreshold, formatThreshold, parseTarget } from '../model/thresholds';
import type { CheckOutcome, Threshold, ThresholdOp } from '../model/types';

// --- builders ---------------------------------------------------------------------------

const cmp = (op: ThresholdOp, value: number, unit: string, per?: string): Threshold =>
  per ? { kind: 'compare', op, value, unit, per } : { kind: 'compare', op, value, unit };
const rng = (min: number, max: number, unit: string): Threshold => ({ kind: 'range', min, max, unit });
const none: Threshold = { kind: 'none' };
const inc = (baseline: string, atLeast?: number, unit?: string): Threshold => rel('increase', baseline, atLeast, unit);
const dec = (baseline: string, atLeast?: number, unit?: string): Threshold => rel('decrease', baseline, atLeast, unit);
function rel(direction: 'increase' | 'decrease', baseline: string, atLeast?: number, unit?: string): Threshold {
  const t: Threshold = { kind: 'relative', direction, baseline };
  if (atLeast !== undefined) t.atLeast = atLeast;
  if (unit !== undefined) t.unit = unit;
  return t;
}
const qual = (text: string): Threshold => ({ kind: 'qualitative', text });

const thresholdsOf = (text: unknown) => parseTarget(text).map((t) => t.threshold);

// --- parseTarget: every phrase from the real appendices -----------------------------------

const PHRASES: [string, Threshold[]][] = [
  ['Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 95% trở lên', [cmp('>=', 95, '%')]],
  ['Từ 50 TTHC trở lên', [cmp('>=', 50, 'TTHC')]],
  ['Từ 30 TTHC trở lên', [cmp('>=', 30, 'TTHC')]],
  ['Tỷ lệ đạt từ 70% - 100% số văn bản đã được xử lý\\kiến nghị xử lý', [rng(70, 100, '%')]],
  ['Giảm từ 10% trở lên so với năm 2015', [dec('năm 2015', 10, '%')]],
  ['Giảm chi từ 10% trở lên so với năm 2015', [dec('năm 2015', 10, '%')]],
  ['Đạt tỷ lệ giảm từ 10% trở lên', [dec('', 10, '%')]],
  [
    'Thực hiện giảm từ 10% trở lên số đơn vị sự nghiệp công lập trên toàn tỉnh so với năm 2015',
    [dec('năm 2015', 10, '%')],
  ],
  ['Tăng từ 30% trở lên so với năm 2018', [inc('năm 2018', 30, '%')]],
  ['tối thiểu 80%', [cmp('>=', 80, '%')]],
  ['Tối thiểu 30% đơn vị cấp xã được kiểm tra', [cmp('>=', 30, '%')]],
  ['ít nhất 80%', [cmp('>=', 80, '%')]],
  [
    'Có ít nhất 96% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn',
    [cmp('>=', 96, '%'), cmp('>=', 100, '%')],
  ],
  ['Ít nhất 01 đợt/ năm', [cmp('>=', 1, 'đợt', 'năm')]],
  ['>95%', [cmp('>', 95, '%')]],
  ['Mức 4 ≥ 80%', [cmp('>=', 80, '%')]],
  ['Đạt 100 %', [cmp('>=', 100, '%')]],
  ['100%', [cmp('>=', 100, '%')]],
  ['100% số TTHC', [cmp('>=', 100, '%')]],
  ['100 % số vấn đề được xử lý hoặc kiến nghị xử lý.', [cmp('>=', 100, '%')]],
  ['Hoàn thành 100% kế hoạch', [cmp('>=', 100, '%')]],
  ['Kết nối liên thông từ cấp tỉnh đến 100% đơn vị cấp xã', [cmp('>=', 100, '%')]],
  ['≥1 lần/năm', [cmp('>=', 1, 'lần', 'năm')]],
  ['>240 tin, bài/năm', [cmp('>', 240, 'tin, bài', 'năm')]],
  ['>100.000 lượt sử dụng các dịch vụ khác nhau', [cmp('>', 100000, 'lượt')]],
  ['Từ 50% số TTHC trở lên có phát sinh hồ sơ', [cmp('>=', 50, '%')]],
  ['Từ 15% số hồ sơ TTHC trở lên', [cmp('>=', 15, '%')]],
  ['95% trở lên người dân nông thôn được dùng nước sinh hoạt hợp vệ sinh', [cmp('>=', 95, '%')]],
  ['65% dân số trên địa bàn thành phố được sử dụng dịch vụ internet', [cmp('>=', 65, '%')]],
  ['đạt trên 75%', [cmp('>', 75, '%')]],
  ['không quá 6 ngày', [cmp('<=', 6, 'ngày')]],
  ['Giải ngân từ 90% trở lên so với kế hoạch', [cmp('>=', 90, '%')]],
  ['Có từ 03 sáng kiến hoặc giải pháp mới trong CCHC trở lên', [cmp('>=', 3, 'sáng kiến')]],
  [
    '100% quy hoạch, kế hoạch được công khai 100% xã, phường có chuyển đổi mục đích sử dụng đất.',
    [cmp('>=', 100, '%'), cmp('>=', 100, '%')],
  ],
  ['Không có sai phạm về sử dụng kinh phí quản lý hành chính được phát hiện', [none]],
  ['Không có trường hợp phải chi thêm tiền để được quan tâm hơn khi đi khám bệnh', [none]],
  [
    'Trong năm không có cán bộ, công chức, viên chức làm việc tại cơ quan nhà nước cấp tỉnh, cấp huyện bị kỷ luật từ mức khiển trách trở lên; không có cán bộ, công chức cấp xã bị kỷ luật từ mức cảnh cáo trở lên.',
    [none, none],
  ],
  [
    'Sử dụng không vượt quá số lượng biên chế hành chính được giao',
    [dec('số lượng biên chế hành chính được giao', 0)],
  ],
  [
    'Số lượng biên chế hành chính của tỉnh đang sử dụng không vượt quá so với tổng số biên chế hành chính được giao',
    [dec('tổng số biên chế hành chính được giao', 0)],
  ],
  ['Cao hơn so với năm 2018', [inc('năm 2018')]],
  ['Tăng so với năm trước liền kề', [inc('năm trước liền kề')]],
  ['Tăng so với năm trước liền kế', [inc('năm trước liền kề')]],
  ['Tổng số doanh nghiệp thành lập mới tăng lên so với năm trước liền kề.', [inc('năm trước liền kề')]],
  ['Số đơn vị SNCL tự bảo đảm chi thường xuyên tăng so với năm 2018', [inc('năm 2018')]],
  ['Vượt chỉ tiêu được Chính phủ giao', [inc('chỉ tiêu được giao')]],
  ['Giảm 5%/năm', [dec('năm trước liền kề', 5, '%')]],
  // Beyond the fixtures: the other cues the parser knows.
  ['<5', [cmp('<', 5, '')]],
  ['dưới 5%', [cmp('<', 5, '%')]],
  ['tối đa 3 lần/năm', [cmp('<=', 3, 'lần', 'năm')]],
  ['Từ 5 ngày trở xuống', [cmp('<=', 5, 'ngày')]],
  ['≤ 3 ngày', [cmp('<=', 3, 'ngày')]],
  ['= 100%', [cmp('=', 100, '%')]],
  ['Từ 5 đến 10 lớp tập huấn', [rng(5, 10, 'lớp')]],
  ['70%–100%', [rng(70, 100, '%')]],
  ['Đạt 93,5% trở lên', [cmp('>=', 93.5, '%')]],
  ['Tăng trưởng GRDP đạt 7%', [cmp('>=', 7, '%')]],
  ['Không tăng so với năm 2020', [dec('năm 2020', 0)]],
  ['Không giảm so với năm 2020', [inc('năm 2020', 0)]],
  ['Số hồ sơ trễ hạn giảm', [dec('')]],
  ['Tăng 5 doanh nghiệp so với năm 2022', [inc('năm 2022', 5, 'doanh nghiệp')]],
  ['Giảm tỷ lệ hồ sơ trễ hạn xuống dưới 5%', [cmp('<', 5, '%')]],
  ['giảm xuống dưới 5%', [cmp('<', 5, '%')]],
  ['Tăng lên 90%', [cmp('>=', 90, '%')]],
  ['Không có TTHC nào bị trễ hạn', [none]],
  // A bare number before a dash and a percent starts a range (D5); a label before a dash does not.
  ['đảm bảo hoàn thành đạt 95-100% kế hoạch', [rng(95, 100, '%')]],
  ['95 - 100%', [rng(95, 100, '%')]],
  ['Tỷ lệ DVC mức độ 3 - 100% TTHC', [cmp('>=', 100, '%')]],
  // A minimum after the baseline is the amount (D6).
  ['tăng so với năm 2018 ít nhất từ 2 đơn vị trở lên', [inc('năm 2018', 2, 'đơn vị')]],
  ['Tăng so với năm 2018 ít nhất 2 đơn vị', [inc('năm 2018', 2, 'đơn vị')]],
  ['Vượt kế hoạch ít nhất 5%', [inc('kế hoạch', 5, '%')]],
  ['tăng so với năm 2018 và đạt tối thiểu 90%', [inc('năm 2018 và đạt tối thiểu 90%')]], // a level, not the change
  // Comparatives without "so với" (D7), as with it.
  ['Không thấp hơn năm trước', [inc('năm trước', 0)]],
  ['cao hơn năm trước liền kề', [inc('năm trước liền kề')]],
  ['Mức độ thu hút đầu tư của tỉnh năm 2019 cao hơn năm 2018', [inc('năm 2018')]],
  ['Thấp hơn cùng kỳ năm trước', [dec('cùng kỳ năm trước')]],
  ['Cao hơn năm trước ít nhất 5%', [inc('năm trước', 5, '%')]],
  ['Bằng hoặc cao hơn năm trước', [inc('năm trước', 0)]],
  ['Bằng hoặc cao hơn so với năm trước', [inc('năm trước', 0)]],
  ['Tỷ lệ hài lòng cao hơn mức 80%', [cmp('>', 80, '%')]], // a level above 80% (was ≥: "mức" hid the cue)
  // "ngày làm việc" is its own unit (D8).
  ['Không quá 6 ngày làm việc', [cmp('<=', 6, 'ngày làm việc')]],
  // The quota's words end where the number's "từ" begins.
  ['Vượt chỉ tiêu từ 5% trở lên', [rel('increase', 'chỉ tiêu', 5, '%')]],
  ['Vượt kế hoạch từ 10% trở lên', [rel('increase', 'kế hoạch', 10, '%')]],
  // A comparison cue is read whole, not by its last word "hơn" (R1).
  ['Tỷ lệ hồ sơ giải quyết trễ hạn thấp hơn 5%', [cmp('<', 5, '%')]],
  ['ít hơn 5%', [cmp('<', 5, '%')]],
  ['nhỏ hơn 5%', [cmp('<', 5, '%')]],
  ['Số văn bản ban hành sai thẩm quyền không lớn hơn 2%', [cmp('<=', 2, '%')]],
  ['không nhỏ hơn 90%', [cmp('>=', 90, '%')]],
  ['nhỏ hơn hoặc bằng 5%', [cmp('<=', 5, '%')]],
  ['lớn hơn hoặc bằng 3 lần/năm', [cmp('>=', 3, 'lần', 'năm')]],
  ['bằng hoặc thấp hơn 5%', [cmp('<=', 5, '%')]],
  ['Tỷ lệ hồ sơ trễ hạn tối đa là 5%', [cmp('<=', 5, '%')]],
  ['Tối đa: 3 ngày', [cmp('<=', 3, 'ngày')]],
  ['dưới mức 5%', [cmp('<', 5, '%')]],
  ['không dưới mức 90%', [cmp('>=', 90, '%')]],
  ['trên mức 85%', [cmp('>', 85, '%')]],
  ['giảm xuống còn 5%', [cmp('<=', 5, '%')]],
  ['Hạ xuống 5%', [cmp('<=', 5, '%')]],
  ['chỉ còn 2 ngày', [cmp('<=', 2, 'ngày')]],
  ['không để quá 5%', [cmp('<=', 5, '%')]],
  ['không được vượt 5%', [cmp('<=', 5, '%')]],
  ['≦5%', [cmp('<=', 5, '%')]],
  ['≧ 90%', [cmp('>=', 90, '%')]],
  ['≥ 95 phần trăm', [cmp('>=', 95, '%')]],
  ['Tỷ lệ hồ sơ trễ hạn 0%', [cmp('=', 0, '%')]],
  ['Có nhiều hơn 5 sáng kiến', [cmp('>', 5, 'sáng kiến')]],
  ['Đạt 100% đối với cấp tỉnh, còn 80% đối với cấp huyện', [cmp('>=', 100, '%'), cmp('>=', 80, '%')]], // "còn" alone: "as for"
  // "vượt" is a level unless it names what it is compared with (R1).
  ['Tỷ lệ hài lòng vượt 85%', [cmp('>', 85, '%')]],
  ['vượt mức 85%', [cmp('>', 85, '%')]],
  ['Vượt 5% so với năm 2020', [inc('năm 2020', 5, '%')]],
  ['Thu ngân sách vượt 5% dự toán được giao', [inc('dự toán được giao', 5, '%')]],
  ['Vượt chỉ tiêu 5%', [inc('chỉ tiêu', 5, '%')]],
  ['Hoàn thành vượt 100% kế hoạch', [cmp('>', 100, '%')]],
  ['Không được vượt quá số lượng biên chế được giao', [dec('số lượng biên chế được giao', 0)]],
  // English targets (R2).
  ['Below 5%', [cmp('<', 5, '%')]],
  ['Under 5%', [cmp('<', 5, '%')]],
  ['Less than 5%', [cmp('<', 5, '%')]],
  ['At most 5%', [cmp('<=', 5, '%')]],
  ['No more than 5%', [cmp('<=', 5, '%')]],
  ['Not exceeding 5%', [cmp('<=', 5, '%')]],
  ['Max 5%', [cmp('<=', 5, '%')]],
  ['Up to 3 days', [cmp('<=', 3, 'days')]],
  ['5% or less', [cmp('<=', 5, '%')]],
  ['10 days or less', [cmp('<=', 10, 'days')]],
  ['Over 85%', [cmp('>', 85, '%')]],
  ['More than 85%', [cmp('>', 85, '%')]],
  ['Above 85%', [cmp('>', 85, '%')]],
  ['Exceeding 85%', [cmp('>', 85, '%')]],
  ['At least 95%', [cmp('>=', 95, '%')]],
  ['Minimum 2 reports/year', [cmp('>=', 2, 'reports', 'year')]],
  ['Not less than 90%', [cmp('>=', 90, '%')]],
  ['95% or more', [cmp('>=', 95, '%')]],
  ['Less than or equal to 5%', [cmp('<=', 5, '%')]],
];

const QUALITATIVE = [
  'Xếp hạng A',
  'Đúng thời gian quy định',
  'Thực hiện đúng quy định',
  'Theo Kế hoạch của UBND tỉnh',
  'Báo cáo',
  'Chỉ tiêu',
  '2023-2025',
  'Từ năm 2022',
  'Xác định đầy đủ 06 nội dung CCHC theo quy định của Chính phủ',
  'Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60 thuộc nhóm có điểm số Trung bình thấp. Mục tiêu: Năm 2022, trong tốp 20/63.',
  'Thực hiện kiểm tra theo Nghị định 167/NĐ-CP ngày 31/12/2017',
  'Tăng cường công tác tuyên truyền',
  'Tổ chức nhiều hơn năm lớp tập huấn', // "năm" is five here, not a year
  'Cao hơn kỳ vọng',
  'Trước 31/12/2023', // a deadline: evaluated on the words (R4)
  'Chậm nhất 31/12/2023',
  // A time limit stays the officer's to judge: "trong vòng" also reads "for" or comes beside the
  // real target ("Trong vòng 10 ngày …, 100% hồ sơ …"), and "chậm nhất 3 ngày trước …" is a minimum.
  'Giải quyết trong vòng 5 ngày làm việc',
];

describe('parseTarget: target phrases', () => {
  for (const [text, expected] of PHRASES) {
    it(text.length > 70 ? `${text.slice(0, 67)}…` : text, () => {
      assert.deepEqual(thresholdsOf(text), expected);
    });
  }

  for (const text of QUALITATIVE) {
    it(`qualitative: ${text.slice(0, 60)}`, () => {
      assert.deepEqual(parseTarget(text), [{ text, threshold: qual(text) }]);
    });
  }

  it('keeps each phrase as its text, trimmed', () => {
    const got = parseTarget(
      'Có ít nhất 96% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn',
    );
    assert.deepEqual(
      got.map((t) => t.text),
      ['Có ít nhất 96% kết quả giải quyết đúng hạn', 'có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn'],
    );
    assert.deepEqual(parseTarget(' 100 % số vấn đề được xử lý. ')[0].text, '100 % số vấn đề được xử lý');
  });

  it('keeps trailing clauses without a target with the target before them', () => {
    const text = '100% số Cơ quan chuyên môn cấp tỉnh; UBND cấp huyện; UBND cấp xã công khai tiến độ';
    assert.deepEqual(parseTarget(text), [{ text, threshold: cmp('>=', 100, '%') }]);
  });

  it('returns [] for empty cells and for bare numbers (points, not targets)', () => {
    for (const v of [null, undefined, '', '   ', '\n', '1.25', 9, 0.5, '100.000', ' 64,5 ', '2023']) {
      assert.deepEqual(parseTarget(v), [], String(v));
    }
  });

  it('accepts NFD text and any letter case', () => {
    assert.deepEqual(thresholdsOf('Từ 50 TTHC trở lên'.normalize('NFD')), [cmp('>=', 50, 'TTHC')]);
    assert.deepEqual(thresholdsOf('TỪ 50 TTHC TRỞ LÊN'), [cmp('>=', 50, 'TTHC')]);
    assert.deepEqual(thresholdsOf('ÍT NHẤT 80%'), [cmp('>=', 80, '%')]);
    assert.deepEqual(thresholdsOf('GIẢM 5%/NĂM'.normalize('NFD')), [dec('năm trước liền kề', 5, '%')]);
    assert.deepEqual(thresholdsOf('KHÔNG CÓ SAI PHẠM'.normalize('NFD')), [none]);
    const t = parseTarget('Xếp hạng A'.normalize('NFD'));
    assert.deepEqual(t, [{ text: 'Xếp hạng A', threshold: qual('Xếp hạng A') }]);
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [
      {},
      [],
      Object.create(null),
      Symbol('x'),
      () => 1,
      new Date(0),
      NaN,
      Infinity,
      -Infinity,
      BigInt(7),
      true,
      '😀'.repeat(5000),
      '\ud800\udfff\ud800',
      '%%%%%',
      '≥≥≥ 5',
      '1.2.3.4%',
      'từ từ từ 5 trở lên trở lên',
      'không có không có không có',
      'tăng tăng tăng 5% so với so với',
      '100% '.repeat(20_000),
      '1 '.repeat(100_000),
      'giảm 5%/năm; '.repeat(5_000),
      'Tăng so với năm 2018, '.repeat(5_000),
      'x'.repeat(200_000),
    ];
    for (const v of odd) {
      const got = parseTarget(v);
      assert.ok(Array.isArray(got));
    }
    fc.assert(fc.property(fc.anything(), (v) => Array.isArray(parseTarget(v))));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (v) => {
        const got = parseTarget(v);
        return got.every((t) => typeof t.text === 'string' && typeof t.threshold.kind === 'string');
      }),
    );
  });

  it('finds targets inside random surrounding text', () => {
    const words = fc.constantFrom('số', 'hồ sơ', 'được', 'giải quyết', 'xã', ',', 'đúng hạn', 'TTHC', '-');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 6 }), fc.integer({ min: 1, max: 100 }), (ws, n) => {
        const got = thresholdsOf(`${ws.join(' ')} ít nhất ${n}% ${ws.join(' ')}`);
        return got.some((t) => t.kind === 'compare' && t.op === '>=' && t.value === n && t.unit === '%');
      }),
    );
  });
});

// --- formatThreshold -----------------------------------------------------------------------

describe('formatThreshold', () => {
  const cases: [Threshold, string, string][] = [
    [cmp('>=', 95, '%'), '≥ 95%', '≥ 95%'],
    [cmp('>', 240, 'tin, bài', 'năm'), '> 240 tin, bài/năm', '> 240 tin, bài/năm'],
    [cmp('>', 100000, 'lượt'), '> 100.000 lượt', '> 100,000 lượt'],
    [cmp('<=', 6, 'ngày'), '≤ 6 ngày', '≤ 6 ngày'],
    [cmp('>=', 93.5, '%'), '≥ 93,5%', '≥ 93.5%'],
    [cmp('<', 5, ''), '< 5', '< 5'],
    [rng(70, 100, '%'), '70%–100%', '70%–100%'],
    [rng(5, 10, 'lớp'), 'từ 5 đến 10 lớp', '5–10 lớp'],
    [none, 'không có', 'none'],
    [inc('năm 2018', 30, '%'), 'tăng ≥ 30% so với năm 2018', 'increase ≥ 30% vs năm 2018'],
    [dec('năm 2015', 10, '%'), 'giảm ≥ 10% so với năm 2015', 'decrease ≥ 10% vs năm 2015'],
    [dec('', 10, '%'), 'giảm ≥ 10%', 'decrease ≥ 10%'],
    [inc('năm trước liền kề'), 'tăng so với năm trước liền kề', 'increase vs năm trước liền kề'],
    [inc('chỉ tiêu được giao'), 'tăng so với chỉ tiêu được giao', 'increase vs chỉ tiêu được giao'],
    [dec('số lượng biên chế được giao', 0), 'không vượt quá số lượng biên chế được giao', 'not above số lượng biên chế được giao'],
    [inc('năm 2020', 0), 'không giảm so với năm 2020', 'not below năm 2020'],
    [qual('Xếp hạng A'), 'Xếp hạng A', 'Xếp hạng A'],
  ];
  for (const [t, vi, en] of cases) {
    it(`${vi} / ${en}`, () => {
      assert.equal(formatThreshold(t), vi);
      assert.equal(formatThreshold(t, 'vi'), vi);
      assert.equal(formatThreshold(t, 'en'), en);
    });
  }

  it('never throws on a malformed threshold', () => {
    assert.equal(formatThreshold({} as Threshold), '');
  });
});

// --- round trip ----------------------------------------------------------------------------

function assertRoundTrip(text: unknown): number {
  let n = 0;
  for (const { threshold } of parseTarget(text)) {
    if (threshold.kind === 'qualitative') continue;
    const shown = formatThreshold(threshold, 'vi');
    const back = parseTarget(shown);
    assert.equal(back.length, 1, `${shown} (from ${String(text)})`);
    assert.deepEqual(back[0].threshold, threshold, `${shown} (from ${String(text)})`);
    n++;
  }
  return n;
}

describe('formatThreshold ∘ parseTarget round trip', () => {
  it('holds for every phrase in the table', () => {
    let n = 0;
    for (const [text] of PHRASES) n += assertRoundTrip(text);
    assert.ok(n >= PHRASES.length);
  });

  it('holds where random runs of the property test found it did not', () => {
    // A decimal comma inside a baseline ended it ("vượt 0"); a baseline "Mức 3" after "không vượt
    // quá" read as the level ≤ 3.
    for (const text of ['vượt vượt 0,01 so với', 'không vượt quá so với Mức 3', 'tăng so với năm 2018 là 1,5 điểm']) assert.ok(assertRoundTrip(text) >= 1, text);
    assert.deepEqual(thresholdsOf('tăng so với năm 2018 là 1,5 điểm'), [rel('increase', 'năm 2018 là 1,5 điểm')]);
  });

  it('holds for generated phrases', () => {
    const cue = fc.constantFrom('', 'ít nhất ', 'tối thiểu ', 'không quá ', 'trên ', 'dưới ', '≥', '> ', 'đạt ', 'từ ');
    const unit = fc.constantFrom('%', ' TTHC', ' lần', ' tin, bài', ' hồ sơ', ' đơn vị cấp xã', ' sáng kiến mới');
    const per = fc.constantFrom('', '/năm', '/ tháng', '/quý');
    const tail = fc.constantFrom('', ' trở lên', ' so với năm 2018');
    const value = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 99_999 }).map((x) => x / 100));
    const dir = fc.constantFrom('', 'tăng ', 'giảm ', 'Giảm chi ');
    fc.assert(
      fc.property(dir, cue, value, unit, per, tail, (d, c, v, u, p, t) => {
        const num = String(v).replace('.', ',');
        assertRoundTrip(`${d}${c}${num}${u}${p}${t}`);
      }),
      { numRuns: 1000 },
    );
  });
});

// --- evaluateThreshold -----------------------------------------------------------------------

type Status = CheckOutcome['status'];
const EVAL: [Threshold, unknown, Status][] = [
  // compare, percent
  [cmp('>=', 95, '%'), 97, 'met'],
  [cmp('>=', 95, '%'), 95, 'met'],
  [cmp('>=', 95, '%'), '97%', 'met'],
  [cmp('>=', 95, '%'), '97,5 %', 'met'],
  [cmp('>=', 95, '%'), 0.97, 'met'], // fraction from a percent-formatted cell
  [cmp('>=', 95, '%'), '0,97', 'met'],
  [cmp('>=', 95, '%'), 1, 'met'],
  [cmp('>=', 95, '%'), 0.9, 'unmet'],
  [cmp('>=', 95, '%'), 90, 'unmet'],
  [cmp('>=', 95, '%'), 'Đạt 90%', 'unmet'],
  [cmp('>=', 95, '%'), 'Năm 2019 đạt 96%', 'met'],
  [cmp('>=', 95, '%'), '52/54 hồ sơ', 'met'],
  [cmp('>=', 95, '%'), '50/54 hồ sơ', 'unmet'],
  [cmp('>=', 95, '%'), 'Không đạt', 'unmet'],
  [cmp('>=', 95, '%'), 'Đạt', 'not-evaluable'],
  [cmp('>=', 95, '%'), 'Hoàn thành', 'not-evaluable'],
  [cmp('>=', 95, '%'), 'Có', 'not-evaluable'],
  [cmp('>=', 95, '%'), '52 TTHC', 'not-evaluable'],
  [cmp('>=', 95, '%'), 'chưa có số liệu', 'not-evaluable'],
  [cmp('>=', 95, '%'), '', 'not-evaluable'],
  [cmp('>=', 95, '%'), null, 'not-evaluable'],
  [cmp('>=', 95, '%'), undefined, 'not-evaluable'],
  [cmp('>', 95, '%'), 95, 'unmet'],
  [cmp('>', 95, '%'), '95,1%', 'met'],
  [cmp('=', 100, '%'), '100%', 'met'],
  [cmp('=', 100, '%'), 99, 'unmet'],
  [cmp('>=', 0.5, '%'), 0.6, 'met'], // threshold ≤ 1: no fraction rule
  // compare, counts
  [cmp('>=', 50, 'TTHC'), '52 TTHC', 'met'],
  [cmp('>=', 50, 'TTHC'), 52, 'met'],
  [cmp('>=', 50, 'TTHC'), 49, 'unmet'],
  [cmp('>=', 50, 'TTHC'), '60%', 'not-evaluable'],
  [cmp('>', 240, 'tin, bài', 'năm'), '241 tin, bài', 'met'],
  [cmp('>', 240, 'tin, bài', 'năm'), 240, 'unmet'],
  [cmp('>', 100000, 'lượt'), '120.000 lượt', 'met'],
  [cmp('<=', 6, 'ngày'), '5 ngày', 'met'],
  [cmp('<=', 6, 'ngày'), '7 ngày', 'unmet'],
  [cmp('<', 5, ''), 4.9, 'met'],
  [cmp('<', 5, ''), '5', 'unmet'],
  [cmp('>=', 1, 'đợt', 'năm'), '2 đợt/năm', 'met'],
  [cmp('>=', 1, 'đợt', 'năm'), 0, 'unmet'],
  // range
  [rng(70, 100, '%'), 85, 'met'],
  [rng(70, 100, '%'), 0.85, 'met'],
  [rng(70, 100, '%'), '100%', 'met'],
  [rng(70, 100, '%'), 60, 'unmet'],
  [rng(5, 10, 'lớp'), 11, 'unmet'],
  [rng(5, 10, 'lớp'), 'Đạt', 'not-evaluable'],
  // none
  [none, 'Không', 'met'],
  [none, 'Không có', 'met'],
  [none, 'không phát hiện sai phạm', 'met'],
  [none, 0, 'met'],
  [none, '0', 'met'],
  [none, 'Đạt', 'met'],
  [none, 'Có 2 trường hợp', 'unmet'],
  [none, 3, 'unmet'],
  [none, 'Có sai phạm', 'unmet'],
  [none, 'Không đạt', 'unmet'],
  [none, 'Có', 'not-evaluable'],
  [none, 'đang xác minh', 'not-evaluable'],
  [none, '', 'not-evaluable'],
  // relative with an amount
  [inc('năm 2018', 30, '%'), 'Tăng 35%', 'met'],
  [inc('năm 2018', 30, '%'), '+35%', 'met'],
  [inc('năm 2018', 30, '%'), 35, 'met'],
  [inc('năm 2018', 30, '%'), 0.35, 'met'],
  [inc('năm 2018', 30, '%'), 'cao hơn 31,5%', 'met'],
  [inc('năm 2018', 30, '%'), 'Tăng 12%', 'unmet'],
  [inc('năm 2018', 30, '%'), 'giảm 40%', 'unmet'],
  [inc('năm 2018', 30, '%'), '-35%', 'unmet'],
  [inc('năm 2018', 30, '%'), -35, 'unmet'],
  [inc('năm 2018', 30, '%'), 'Tăng', 'not-evaluable'],
  [inc('năm 2018', 30, '%'), 'Đạt', 'not-evaluable'],
  [inc('năm 2018', 30, '%'), 'Tăng 40 doanh nghiệp', 'not-evaluable'],
  [inc('năm 2018', 30, '%'), '', 'not-evaluable'],
  [inc('năm 2018', 30, '%'), 'Tăng -35%', 'unmet'], // the sign after the word counts
  [inc('năm trước liền kề', 4), 'Tăng 3 lần, 5%', 'unmet'], // the count, not the percent after it
  [dec('năm 2015', 10, '%'), 'giảm 15%', 'met'],
  [dec('năm 2015', 10, '%'), 'Giảm 10,5 %', 'met'],
  [dec('năm 2015', 10, '%'), 15, 'met'],
  [dec('năm 2015', 10, '%'), -15, 'met'],
  [dec('năm 2015', 10, '%'), '-15%', 'met'],
  [dec('năm 2015', 10, '%'), 'thấp hơn 12%', 'met'],
  [dec('năm 2015', 10, '%'), 'Giảm 5%', 'unmet'],
  [dec('năm 2015', 10, '%'), 'Tăng 12%', 'unmet'],
  [dec('năm 2015', 10, '%'), '+12%', 'unmet'],
  [dec('năm 2015', 10, '%'), 'Không đạt', 'unmet'],
  // relative without an amount
  [inc('năm trước liền kề'), 'Tăng', 'met'],
  [inc('năm trước liền kề'), 'Tăng 5%', 'met'],
  [inc('năm trước liền kề'), 'cao hơn', 'met'],
  [inc('năm trước liền kề'), 'vượt', 'met'],
  [inc('năm trước liền kề'), 12, 'met'],
  [inc('năm trước liền kề'), 'giảm', 'unmet'],
  [inc('năm trước liền kề'), 'thấp hơn', 'unmet'],
  [inc('năm trước liền kề'), 'không đạt', 'unmet'],
  [inc('năm trước liền kề'), 'Không tăng', 'unmet'],
  [inc('năm trước liền kề'), 0, 'unmet'],
  [inc('năm trước liền kề'), 'Đạt', 'not-evaluable'],
  [inc('chỉ tiêu được giao'), 'Vượt 3%', 'met'],
  // "không vượt quá …": a decrease of at least 0
  [dec('số lượng biên chế được giao', 0), 'Không vượt', 'met'],
  [dec('số lượng biên chế được giao', 0), 'không tăng', 'met'],
  [dec('số lượng biên chế được giao', 0), 0, 'met'],
  [dec('số lượng biên chế được giao', 0), 'Giảm 2', 'met'],
  [dec('số lượng biên chế được giao', 0), 'tăng 3', 'unmet'],
  [dec('số lượng biên chế được giao', 0), '+3', 'unmet'],
  [dec('số lượng biên chế được giao', 0), 'Đạt', 'not-evaluable'],
  // against a quota, a bare percentage or "used/quota" is the level reached (D2, D3)
  [inc('chỉ tiêu được giao'), 'Thu ngân sách đạt 98% chỉ tiêu Chính phủ giao', 'unmet'],
  [inc('chỉ tiêu được giao'), '98%', 'unmet'],
  [inc('chỉ tiêu được giao'), 0.98, 'unmet'],
  [inc('chỉ tiêu được giao'), 'Đạt 100% chỉ tiêu', 'unmet'],
  [inc('chỉ tiêu được giao'), 'Đạt 102% chỉ tiêu', 'met'],
  [inc('chỉ tiêu được giao'), 'Thu 9.500/10.000 tỷ đồng', 'unmet'],
  [inc('chỉ tiêu được giao'), 98, 'not-evaluable'], // 98% or a rise of 98?
  [inc('kế hoạch', 5, '%'), 'Đạt 103% kế hoạch', 'unmet'],
  [inc('kế hoạch', 5, '%'), 'Đạt 106% kế hoạch', 'met'],
  [dec('số lượng biên chế được giao', 0), 'Sử dụng 1.300/1.250 biên chế', 'unmet'],
  [dec('số lượng biên chế được giao', 0), 'Sử dụng 1.200/1.250 biên chế', 'met'],
  [dec('số lượng biên chế được giao', 0), '1.250/1.250', 'met'],
  [dec('số lượng biên chế được giao', 0), '102%', 'unmet'],
  [dec('số lượng biên chế được giao', 0), 'Sử dụng 1.240 biên chế', 'not-evaluable'], // the quota unknown
  [inc('năm trước liền kề'), '12/10', 'met'], // not a quota: unchanged
  // time units convert, or are not evaluable (D8)
  [cmp('<=', 6, 'ngày làm việc'), '2 tuần', 'unmet'],
  [cmp('<=', 6, 'ngày làm việc'), '1 tuần', 'met'],
  [cmp('<=', 6, 'ngày làm việc'), '5 ngày', 'met'],
  [cmp('<=', 6, 'ngày làm việc'), '1 tháng', 'not-evaluable'],
  [cmp('<=', 10, 'ngày'), '1 tháng', 'unmet'],
  [cmp('<=', 10, 'ngày'), '1 tuần', 'met'],
  [cmp('<=', 10, 'ngày'), '2 tuần', 'unmet'],
  [cmp('<=', 1, 'ngày'), '12 giờ', 'not-evaluable'], // 24 or 8 hours a day?
  [cmp('<=', 3, 'tháng'), '1 quý', 'met'],
  [cmp('<=', 3, 'tháng'), '1 năm', 'unmet'],
  [cmp('<=', 24, 'giờ'), '90 phút', 'met'],
  [cmp('<=', 24, 'giờ'), '2 ngày', 'not-evaluable'],
  [rng(5, 10, 'ngày'), '1 tuần', 'met'],
  [dec('quy định', 3, 'ngày'), 'Giảm 1 tuần', 'met'],
  [dec('quy định', 3, 'ngày'), 'Giảm 2 tháng', 'met'],
  [dec('quy định', 3, 'ngày làm việc'), 'Giảm 2 tháng', 'not-evaluable'],
  // qualitative
  [qual('Đúng thời gian quy định'), 'Đạt', 'met'],
  [qual('Đúng thời gian quy định'), 'Hoàn thành', 'met'],
  [qual('Đúng thời gian quy định'), 'Có', 'met'],
  [qual('Đúng thời gian quy định'), 'Đã thực hiện', 'met'],
  [qual('Đúng thời gian quy định'), 'Không đạt', 'unmet'],
  [qual('Đúng thời gian quy định'), 'Chưa hoàn thành', 'unmet'],
  [qual('Đúng thời gian quy định'), 'Không', 'unmet'],
  [qual('Đúng thời gian quy định'), 'Không hoàn thành đúng hạn', 'unmet'], // the longest leading phrase
  [qual('Đúng thời gian quy định'), 'Chưa hoàn thànhh', 'not-evaluable'], // the rules read the character after it
  [qual('Đúng thời gian quy định'), 'Báo cáo số 12/BC-UBND', 'not-evaluable'],
  [qual('Đúng thời gian quy định'), 5, 'not-evaluable'],
  [qual('Đúng thời gian quy định'), '', 'not-evaluable'],
  // a result naming a share below 100% does not complete (R3)
  [qual('Hoàn thành'), 'Hoàn thành 80%', 'unmet'],
  [qual('Hoàn thành'), 'Đã hoàn thành 95,5%', 'unmet'],
  [qual('Hoàn thành'), 'Hoàn thành 100%', 'met'],
  [qual('Hoàn thành'), 'Hoàn thành 5 lớp', 'met'], // a count, not a share
  [qual('Đạt'), 'Đạt 90%', 'not-evaluable'], // 90% may or may not be what it asks
  // deadlines against the date a result states (R4)
  [qual('Trước 31/12/2023'), 'Hoàn thành ngày 15/01/2024', 'unmet'],
  [qual('Trước 31/12/2023'), 'Hoàn thành ngày 20/12/2023', 'met'],
  [qual('Trước 31/12/2023'), '31/12/2023', 'met'], // "trước ngày …": the last day it may be done on
  [qual('Trước 31/12/2023'), '01/01/2024', 'unmet'],
  [qual('Trước quý II/2023'), 'Hoàn thành ngày 31/3/2023', 'met'], // a period: the day before it
  [qual('Trước quý II/2023'), 'Hoàn thành ngày 01/4/2023', 'unmet'],
  [qual('Trước 31/12/2023'), new Date(Date.UTC(2023, 11, 30)), 'met'],
  [qual('Trước 31/12/2023'), new Date(Date.UTC(2024, 0, 2)), 'unmet'],
  [qual('Trước 31/12/2023'), 45290, 'met'], // Excel's serial of 30/12/2023
  [qual('Trước 31/12/2023'), 45292, 'unmet'], // 01/01/2024
  [qual('Trước 31/12/2023'), 'Hoàn thành', 'met'], // no date to check: as before
  [qual('Trước 31/12/2023'), 'Báo cáo số 12/BC-UBND ngày 15/01/2024', 'not-evaluable'], // a document cited, not when it was done
  [qual('Trước ngày 15/8/2021'), 'Ngày 14/8/2021', 'met'],
  [qual('Trước ngày 15/8/2021'), 'Đã ban hành ngày 16/8/2021', 'unmet'],
  [qual('Hoàn thành trong quý II/2023'), 'Hoàn thành ngày 30/6/2023', 'met'],
  [qual('Hoàn thành trong quý II/2023'), 'Hoàn thành ngày 01/7/2023', 'unmet'],
  [qual('Chậm nhất trong tháng 6/2023'), 'Xong ngày 30/6/2023', 'met'],
  [qual('Chậm nhất ngày 15 tháng 8 năm 2021'), 'Hoàn thành ngày 16 tháng 8 năm 2021', 'unmet'],
  [qual('Trước quý III/2023'), 'Hoàn thành 01/7/2023', 'unmet'],
  [qual('Thực hiện theo Quyết định số 12/QĐ-UBND ngày 15/8/2021'), 'Hoàn thành ngày 20/8/2021', 'met'], // a date, no deadline
  // "phần trăm" is "%" in a result too (R1)
  [cmp('>=', 95, '%'), '96 phần trăm', 'met'],
  [cmp('>=', 95, '%'), 'Đạt 90 phần trăm', 'unmet'],
  // a plain 0% target: nothing at all (R1)
  [cmp('=', 0, '%'), '0%', 'met'],
  [cmp('=', 0, '%'), 0, 'met'],
  [cmp('=', 0, '%'), '3%', 'unmet'],
];

describe('evaluateThreshold', () => {
  for (const [t, actual, status] of EVAL) {
    it(`${formatThreshold(t)} ← ${JSON.stringify(actual)}: ${status}`, () => {
      assert.equal(evaluateThreshold(t, actual).status, status);
      assert.equal(evaluateThreshold(t, actual, 'en').status, status);
    });
  }

  it('explains in Vietnamese or English', () => {
    const t = cmp('>=', 95, '%');
    assert.deepEqual(evaluateThreshold(t, 90), { status: 'unmet', reason: 'Cần ≥ 95%, thực tế 90%' });
    assert.deepEqual(evaluateThreshold(t, 90, 'en'), { status: 'unmet', reason: 'Needs ≥ 95%, actual 90%' });
    assert.deepEqual(evaluateThreshold(t, 0.975), { status: 'met', reason: 'Cần ≥ 95%, thực tế 97,5%' });
    assert.equal(
      evaluateThreshold(inc('năm 2018', 30, '%'), 'Tăng 12%').reason,
      'Cần tăng ≥ 30% so với năm 2018, thực tế tăng 12%',
    );
    assert.equal(
      evaluateThreshold(dec('năm 2015', 10, '%'), '+12%', 'en').reason,
      'Needs decrease ≥ 10% vs năm 2015, actual increase 12%',
    );
    assert.equal(evaluateThreshold(cmp('>=', 50, 'TTHC'), '52 TTHC').reason, 'Cần ≥ 50 TTHC, thực tế 52 TTHC');
    assert.equal(evaluateThreshold(t, '').reason, 'Chưa nhập kết quả thực tế');
    assert.equal(evaluateThreshold(t, '', 'en').reason, 'No actual value entered');
    for (const [th, actual] of EVAL) {
      assert.ok(evaluateThreshold(th, actual).reason.length > 0);
      assert.ok(evaluateThreshold(th, actual, 'en').reason.length > 0);
    }
  });

  it('D2: "vượt chỉ tiêu" is not met by 98% of the quota, only above 100%', () => {
    const [t] = thresholdsOf('Vượt chỉ tiêu được Chính phủ giao');
    assert.deepEqual(evaluateThreshold(t, 'Thu ngân sách đạt 98% chỉ tiêu Chính phủ giao'), {
      status: 'unmet',
      reason: 'Cần tăng so với chỉ tiêu được giao, thực tế đạt 98%',
    });
    assert.equal(evaluateThreshold(t, 'Đạt 98% chỉ tiêu', 'en').reason, 'Needs increase vs chỉ tiêu được giao, actual reached 98%');
    assert.equal(evaluateThreshold(t, 'Đạt 100% chỉ tiêu').status, 'unmet');
    assert.equal(evaluateThreshold(t, 'Thu đạt 102% dự toán').status, 'met');
    assert.equal(evaluateThreshold(t, 'Vượt 2%').status, 'met');
    assert.equal(evaluateThreshold(t, 'Chưa đạt chỉ tiêu').status, 'unmet');
    assert.match(evaluateThreshold(t, 98).reason, /^Cần tỷ lệ đạt/);
  });

  it('D3: "used/quota" over the quota breaks "không vượt quá … được giao"', () => {
    const [t] = thresholdsOf('Sử dụng không vượt quá số lượng biên chế hành chính được giao');
    assert.deepEqual(evaluateThreshold(t, 'Sử dụng 1.300/1.250 biên chế'), {
      status: 'unmet',
      reason: 'Cần không vượt quá số lượng biên chế hành chính được giao, thực tế đạt 104%',
    });
    assert.equal(evaluateThreshold(t, 'Sử dụng 1.200/1.250 biên chế').status, 'met');
    assert.equal(evaluateThreshold(t, 'Vượt 50 biên chế').status, 'unmet');
  });

  it('D5: "đạt 95-100%" is the range, not ≥ 100%', () => {
    const [t] = thresholdsOf('đảm bảo hoàn thành đạt 95-100% kế hoạch');
    assert.equal(evaluateThreshold(t, '96%').status, 'met');
    assert.equal(evaluateThreshold(t, '90%').status, 'unmet');
  });

  it('D6: the minimum written after the baseline counts', () => {
    const [t] = thresholdsOf('tăng so với năm 2018 ít nhất từ 2 đơn vị trở lên');
    assert.deepEqual(evaluateThreshold(t, 'Tăng 1 đơn vị'), {
      status: 'unmet',
      reason: 'Cần tăng ≥ 2 đơn vị so với năm 2018, thực tế tăng 1 đơn vị',
    });
    assert.equal(evaluateThreshold(t, 'Tăng 3 đơn vị').status, 'met');
  });

  it('D7: comparatives without "so với" are checked like those with it', () => {
    for (const [text, same] of [
      ['Không thấp hơn năm trước', 'Không giảm so với năm trước'],
      ['cao hơn năm trước liền kề', 'Cao hơn so với năm trước liền kề'],
      ['Mức độ thu hút đầu tư của tỉnh năm 2019 cao hơn năm 2018', 'Cao hơn so với năm 2018'],
    ]) {
      assert.deepEqual(thresholdsOf(text), thresholdsOf(same), text);
      const [t] = thresholdsOf(text);
      assert.equal(evaluateThreshold(t, 'Giảm 1%').status, 'unmet', text);
      assert.equal(evaluateThreshold(t, 'Tăng 1%').status, 'met', text);
    }
    assert.equal(evaluateThreshold(thresholdsOf('Không thấp hơn năm trước')[0], 'Giữ nguyên').status, 'met');
  });

  it('D8: time units convert or are not evaluable, never compared as written', () => {
    const [t] = thresholdsOf('Không quá 6 ngày làm việc');
    assert.deepEqual(evaluateThreshold(t, '2 tuần'), { status: 'unmet', reason: 'Cần ≤ 6 ngày làm việc, thực tế 10 ngày làm việc («2 tuần»)' });
    assert.equal(evaluateThreshold(t, '1 tuần').status, 'met');
    assert.deepEqual(evaluateThreshold(t, '1 tháng', 'en'), {
      status: 'not-evaluable',
      reason: 'Unit mismatch: needs ≤ 6 ngày làm việc, actual «1 tháng»',
    });
    // English units convert too: a week was read as 1 day.
    assert.deepEqual(evaluateThreshold(t, '1 week', 'en'), { status: 'met', reason: 'Needs ≤ 6 ngày làm việc, actual 5 ngày làm việc («1 week»)' });
    const [e] = thresholdsOf('at most 5 days');
    assert.deepEqual(evaluateThreshold(e, '1 week', 'en'), { status: 'unmet', reason: 'Needs ≤ 5 days, actual 7 days («1 week»)' });
    assert.equal(evaluateThreshold(thresholdsOf('at least 2 months')[0], '1 year').status, 'met');
    assert.equal(evaluateThreshold(thresholdsOf('Không quá 5 ngày')[0], '1 week').status, 'unmet');
    const [u] = thresholdsOf('Không quá 10 ngày');
    assert.deepEqual(evaluateThreshold(u, '1 tháng'), { status: 'unmet', reason: 'Cần ≤ 10 ngày, thực tế 30 ngày («1 tháng»)' });
  });

  it('R1: "thấp hơn 5%" is below 5%, and the table scores it so', () => {
    const [t] = thresholdsOf('Tỷ lệ hồ sơ giải quyết trễ hạn thấp hơn 5%');
    assert.deepEqual(evaluateThreshold(t, '3%'), { status: 'met', reason: 'Cần < 5%, thực tế 3%' });
    assert.deepEqual(evaluateThreshold(t, '8%', 'en'), { status: 'unmet', reason: 'Needs < 5%, actual 8%' });
    const [u] = thresholdsOf('Số văn bản ban hành sai thẩm quyền không lớn hơn 2%');
    assert.deepEqual(evaluateThreshold(u, '3%'), { status: 'unmet', reason: 'Cần ≤ 2%, thực tế 3%' });
    const [z] = thresholdsOf('Tỷ lệ hồ sơ trễ hạn 0%');
    assert.deepEqual(evaluateThreshold(z, '3%'), { status: 'unmet', reason: 'Cần = 0%, thực tế 3%' });
    const [v] = thresholdsOf('vượt 85%');
    assert.deepEqual(evaluateThreshold(v, 0.85), { status: 'unmet', reason: 'Cần > 85%, thực tế 85%' });
    const [p] = thresholdsOf('≥ 95 phần trăm');
    assert.deepEqual(evaluateThreshold(p, 0.95), { status: 'met', reason: 'Cần ≥ 95%, thực tế 95%' });
    const [q] = thresholdsOf('Thu ngân sách vượt 5% dự toán được giao');
    assert.deepEqual(evaluateThreshold(q, 'Đạt 103% dự toán'), {
      status: 'unmet',
      reason: 'Cần tăng ≥ 5% so với dự toán được giao, thực tế đạt 103%',
    });
  });

  it('R2: English comparison words are read, not taken for "at least"', () => {
    for (const [text, actual, status, reason] of [
      ['Below 5%', 0.03, 'met', 'Needs < 5%, actual 3%'],
      ['No more than 5%', '8%', 'unmet', 'Needs ≤ 5%, actual 8%'],
      ['5% or less', 0.05, 'met', 'Needs ≤ 5%, actual 5%'],
      ['Over 85%', 0.85, 'unmet', 'Needs > 85%, actual 85%'],
      ['More than 85%', '85.5%', 'met', 'Needs > 85%, actual 85.5%'],
    ] as const) {
      const [t] = thresholdsOf(text);
      assert.deepEqual(evaluateThreshold(t, actual, 'en'), { status, reason }, text);
    }
  });

  it('R3: "Hoàn thành 80%" does not complete "Hoàn thành"', () => {
    const [t] = thresholdsOf('Hoàn thành');
    assert.deepEqual(evaluateThreshold(t, 'Hoàn thành 80%'), { status: 'unmet', reason: 'Cần Hoàn thành, thực tế «Hoàn thành 80%»' });
    assert.deepEqual(evaluateThreshold(t, 'Hoàn thành 80%', 'en'), { status: 'unmet', reason: 'Needs Hoàn thành, actual «Hoàn thành 80%»' });
    assert.deepEqual(evaluateThreshold(thresholdsOf('Đạt')[0], 'Đạt 90%'), { status: 'not-evaluable', reason: 'Cần đánh giá thủ công: Đạt' });
  });

  it('R4: a deadline is checked against the date the result states', () => {
    const [t] = thresholdsOf('Trước 31/12/2023');
    assert.deepEqual(evaluateThreshold(t, 'Hoàn thành ngày 15/01/2024'), {
      status: 'unmet',
      reason: 'Cần Trước 31/12/2023, thực tế «Hoàn thành ngày 15/01/2024»',
    });
    assert.deepEqual(evaluateThreshold(t, new Date(Date.UTC(2024, 0, 15)), 'en'), { status: 'unmet', reason: 'Needs Trước 31/12/2023, actual 15/01/2024' });
    assert.deepEqual(evaluateThreshold(t, 45290), { status: 'met', reason: 'Cần Trước 31/12/2023, thực tế 30/12/2023' });
    const [q] = thresholdsOf('Hoàn thành trong quý II/2023');
    assert.deepEqual(evaluateThreshold(q, 'Hoàn thành ngày 15/7/2023'), {
      status: 'unmet',
      reason: 'Cần Hoàn thành trong quý II/2023, thực tế «Hoàn thành ngày 15/7/2023»',
    });
    // Not a date: 31/2, a month 13, m/d never guessed.
    assert.equal(evaluateThreshold(t, 'Hoàn thành ngày 31/2/2024').status, 'met'); // no valid date: as "Hoàn thành"
    assert.equal(evaluateThreshold(t, '12/13/2023').status, 'not-evaluable');
  });

  it('evaluates what parseTarget produced', () => {
    const [t] = thresholdsOf('Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 95% trở lên');
    assert.equal(evaluateThreshold(t, '96,2%').status, 'met');
    const [u] = thresholdsOf('Sử dụng không vượt quá số lượng biên chế hành chính được giao');
    assert.equal(evaluateThreshold(u, 'Không vượt').status, 'met');
  });

  it('never throws on odd actual values or thresholds', () => {
    const thresholds = [...new Set(EVAL.map(([t]) => t)), {} as Threshold, { kind: 'compare' } as Threshold];
    const odd: unknown[] = [{}, [], Object.create(null), Symbol('x'), NaN, Infinity, BigInt(3), '😀'.repeat(1000), 'x'.repeat(100_000)];
    for (const t of thresholds) {
      for (const a of odd) {
        const r = evaluateThreshold(t, a);
        assert.ok(['met', 'unmet', 'not-evaluable'].includes(r.status));
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...thresholds), fc.anything(), (t, a) => typeof evaluateThreshold(t, a).reason === 'string'),
    );
  });
});

// --- the three real appendices --------------------------------------------------------------

interface FixtureSpec {
  file: string;
  columns: string[];
  firstRow: number;
  lastRow?: number;
  /** Cells whose text has no checkable target ("A1:A5" ranges allowed). */
  qualitative: string[];
  /** Cells holding a bare number (a year here): parseTarget → []. */
  bare: string[];
}

const FIXTURES: FixtureSpec[] = [
  {
    file: 'laocai-221-2019-par-index.xlsx',
    columns: ['G', 'F'],
    firstRow: 7,
    lastRow: 122,
    qualitative: [
      // G: Mức độ hoàn thành
      'G10:G14', 'G20', 'G21', 'G25', 'G26', 'G35', 'G49', 'G54', 'G61', 'G62', 'G72', 'G73', 'G76',
      'G88:G91', 'G99', 'G103', 'G117',
      // F: Chất lượng/ Nội dung
      'F8', 'F10:F14', 'F16:F18', 'F20', 'F25:F28', 'F31', 'F32', 'F34:F38', 'F40:F42', 'F44:F47',
      'F49', 'F50', 'F53', 'F54', 'F58', 'F61:F63', 'F66', 'F67', 'F69', 'F70', 'F72:F74', 'F76:F78',
      'F80', 'F81', 'F84:F86', 'F91', 'F93:F96', 'F99:F103', 'F105:F107', 'F109:F111', 'F113:F115',
      'F117', 'F118', 'F122',
    ],
    bare: [],
  },
  {
    file: 'vinhphuc-232-2022-papi.xlsx',
    columns: ['E', 'F'],
    firstRow: 6,
    // E: Thời gian thực hiện (only "≥1 lần/năm" is a target), F: Sản phẩm/ Kết quả
    qualitative: ['E6:E87', 'E90', 'E95:E105', 'F6:F89'],
    bare: ['E91:E94'],
  },
  {
    file: 'hagiang-2023-papi-city.xlsx',
    columns: ['D'],
    firstRow: 6,
    qualitative: [
      'D15', 'D23', 'D30', 'D36', 'D40', 'D42', 'D44', 'D48', 'D49', 'D52', 'D55', 'D56', 'D58', 'D61',
      'D64', 'D66', 'D67', 'D69', 'D71',
    ],
    bare: [],
  },
];

function expandCells(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const item of list) {
    const m = /^([A-Z]+)(\d+)(?::\1(\d+))?$/.exec(item);
    if (!m) throw new Error(`bad cell list entry ${item}`);
    const last = m[3] ? Number(m[3]) : Number(m[2]);
    for (let r = Number(m[2]); r <= last; r++) out.add(`${m[1]}${r}`);
  }
  return out;
}

describe('parseTarget on the real appendices', () => {
  for (const spec of FIXTURES) {
    it(spec.file, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(__dirname, 'fixtures', spec.file));
      const ws = wb.worksheets[0];
      const qualitative = expandCells(spec.qualitative);
      const bare = expandCells(spec.bare);
      const seen = new Set<string>();
      let numeric = 0;
      for (let r = spec.firstRow; r <= (spec.lastRow ?? ws.rowCount); r++) {
        for (const col of spec.columns) {
          const address = `${col}${r}`;
          const text = ws.getCell(address).text;
          if (!text.trim()) continue;
          seen.add(address);
          const got = parseTarget(text);
          if (bare.has(address)) {
            assert.deepEqual(got, [], address);
            continue;
          }
          assert.ok(got.length >= 1, `${address}: nothing parsed from ${JSON.stringify(text)}`);
          const kinds = got.map((t) => t.threshold.kind);
          if (qualitative.has(address)) {
            assert.deepEqual(kinds, ['qualitative'], `${address} should be qualitative: ${JSON.stringify(text)}`);
          } else {
            assert.ok(!kinds.includes('qualitative'), `${address} fell back to qualitative: ${JSON.stringify(text)}`);
            numeric += assertRoundTrip(text);
          }
        }
      }
      for (const address of [...qualitative, ...bare]) assert.ok(seen.has(address), `${address} is empty`);
      assert.ok(numeric > 0);
    });
  }
});
