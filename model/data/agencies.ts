// Agency registry as data: canonical names, levels and the spellings seen in plan appendices.
// Aliases are matched after folding (case, diacritics, punctuation, "&"/"và", "các", numbers),
// so list only variants that differ in words, not in accents or punctuation.
import * as z from 'zod/mini';
import '../zod';

export const AgencyLevelSchema = z.enum(['province', 'district', 'commune', 'central', 'other']);

export const AgencyEntrySchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  name: z.string().check(z.minLength(1)),
  level: AgencyLevelSchema,
  aliases: z.array(z.string().check(z.minLength(1))),
  collective: z.optional(z.boolean()),
});

export const AgencyRegistrySchema = z.array(AgencyEntrySchema).check(
  z.superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${e.id}`, path: [i, 'id'], input: e.id });
      seen.add(e.id);
    });
  }),
);

export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;
export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;

// Entries are made by calls, not written as object literals: the registry ships in functions.js,
// whose size has a target (bench: ≤ 200 KB), and a call spares each entry its four key names
// (~30 bytes minified).
const at =
  (level: AgencyLevel) =>
  (id: string, name: string, aliases: string[] = []): AgencyEntry => ({ id, name, level, aliases });
const province = at('province');
const district = at('district');
const commune = at('commune');
const central = at('central');
const other = at('other');
/** Several bodies named together ("Các Sở, ban, ngành"): no level qualifier excludes them (agencies.ts qualifiersFit). */
const collective = (id: string, name: string, level: AgencyLevel, aliases: string[] = []): AgencyEntry => ({ id, name, level, aliases, collective: true });

/** Provinces and centrally run cities (before the 2025 merger), for bodies named after them. */
const PROVINCE_NAMES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh', 'Bến Tre', 'Bình Dương',
  'Bình Định', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông',
  'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương',
  'Hải Phòng', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu',
  'Lạng Sơn', 'Lào Cai', 'Lâm Đồng', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ',
  'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La',
  'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh',
  'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái', 'Huế', 'Thành phố Hồ Chí Minh',
];

/** Aliases named after a place ("Báo Tuyên Quang", "VNPT Lào Cai"): a place's words are no agency's (agencies.ts buildIndex, startsName). */
export const PLACE_NAMED = new Set<string>();
const placeNamed = (aliases: string[]): string[] => {
  for (const a of aliases) PLACE_NAMED.add(a);
  return aliases;
};
/**
 * A body's district entry and (unless communes have none) its commune entry, named "‹first› cấp
 * huyện / xã", with each spelling and its level's word as aliases ("Hội LHPN huyện"): "cấp
 * huyện", "thị xã", "phường"… find them (agencies.ts levelKey). A city's ("… thành phố") may be
 * of either level and stays unknown.
 */
const localBodies = (id: string, names: string[], districtAliases: string[] = [], communes = true): AgencyEntry[] => {
  const level = (word: string) => names.map((n) => `${n} ${word}`);
  const d = district(`${id}-huyen`, `${names[0]} cấp huyện`, [...level('huyện'), ...districtAliases]);
  return communes ? [d, commune(`${id}-xa`, `${names[0]} cấp xã`, level('xã'))] : [d];
};

/** `head ‹province›` for every province, each named after a place. */
const ofEachProvince = (...heads: string[]): string[] => placeNamed(heads.flatMap((h) => PROVINCE_NAMES.map((p) => `${h} ${p}`)));

const PROVINCE: AgencyEntry[] = [
  province('so-noi-vu', 'Sở Nội vụ'),
  province('so-tu-phap', 'Sở Tư pháp'),
  // Provinces that merged the offices name it after all of them.
  province('vp-ubnd-tinh', 'Văn phòng UBND tỉnh', [
    'VP UBND tỉnh',
    'Văn phòng Ủy ban nhân dân tỉnh',
    'Văn phòng HĐND và UBND tỉnh',
    'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh',
  ]),
  // The province's one-stop centre (Nghị định 107/2021): often a unit of the Văn phòng UBND tỉnh,
  // but given tasks by its own name.
  province('ttpvhcc-tinh', 'Trung tâm Phục vụ hành chính công tỉnh', [
    'Trung tâm Phục vụ hành chính công',
    'Trung tâm PVHCC',
    'Trung tâm Phục vụ HCC',
    'Trung tâm Hành chính công',
  ]),
  // The province's steering committee for administrative reform, which many plans task directly.
  // With its level: a district has one too.
  province('bcd-cchc-tinh', 'Ban Chỉ đạo CCHC tỉnh', ['Ban Chỉ đạo cải cách hành chính tỉnh']),
  province('so-tttt', 'Sở Thông tin và Truyền thông', ['Sở TTTT', 'Sở TT&TT']),
  province('so-tai-chinh', 'Sở Tài chính'),
  province('so-khdt', 'Sở Kế hoạch và Đầu tư', ['Sở KH&ĐT', 'Sở KHĐT']),
  province('so-khcn', 'Sở Khoa học và Công nghệ', ['Sở KH&CN', 'Sở KHCN']),
  province('so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch', ['Sở VHTTDL', 'Sở VH, TT&DL', 'Sở VHTT&DL']),
  province('so-ldtbxh', 'Sở Lao động, Thương binh và Xã hội', ['Sở LĐTB&XH', 'Sở LĐ-TB&XH', 'Sở LĐTBXH']),
  province('so-tnmt', 'Sở Tài nguyên và Môi trường', ['Sở TN&MT', 'Sở TNMT']),
  province('so-y-te', 'Sở Y tế'),
  province('so-gddt', 'Sở Giáo dục và Đào tạo', ['Sở GD&ĐT', 'Sở GDĐT']),
  province('so-cong-thuong', 'Sở Công Thương'),
  province('so-gtvt', 'Sở Giao thông vận tải', ['Sở GTVT']),
  province('so-xay-dung', 'Sở Xây dựng'),
  province('so-nnptnt', 'Sở Nông nghiệp và Phát triển nông thôn', ['Sở NN&PTNT', 'Sở NNPTNT']),
  province('so-ngoai-vu', 'Sở Ngoại vụ'),
  province('thanh-tra-tinh', 'Thanh tra tỉnh'),
  province('toa-an-tinh', 'Tòa án nhân dân tỉnh', ['Tòa án tỉnh', 'TAND tỉnh']),
  province('cong-an-tinh', 'Công an tỉnh'),
  // Without a level word these provincial bodies are the province's own in a provincial plan.
  province('bhxh-tinh', 'Bảo hiểm xã hội tỉnh', ['BHXH tỉnh', 'Bảo hiểm xã hội', 'BHXH']),
  province('dai-ptth-tinh', 'Đài Phát thanh - Truyền hình tỉnh', [
    'Đài PT-TH tỉnh',
    'Đài PTTH tỉnh',
    'Đài Phát thanh - Truyền hình',
    'Đài PT-TH',
    'Đài PTTH',
  ]),
  // The provincial newspaper is named after its province ("Báo Tuyên Quang").
  province('bao-tinh', 'Báo tỉnh', [...ofEachProvince('Báo'), ...placeNamed(['Báo Hà Nội mới', 'Báo Sài Gòn Giải phóng'])]),
  province('buu-dien-tinh', 'Bưu điện tỉnh', ['Bưu điện']),
  province('nhnn-tinh', 'Ngân hàng Nhà nước chi nhánh tỉnh', [
    'Ngân hàng Nhà nước',
    'NHNN',
    'NHNN chi nhánh tỉnh',
    'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh',
    'Chi nhánh Ngân hàng Nhà nước tỉnh',
    'Chi nhánh Ngân hàng Nhà nước',
    'Chi nhánh NHNN tỉnh',
    'Chi nhánh NHNN',
  ]),
  province('cuc-hai-quan', 'Cục Hải quan tỉnh', ['Cục Hải quan']),
  province('bql-kcn', 'Ban Quản lý các khu công nghiệp', ['BQL các KCN', 'Ban Quản lý các KCN']),
  province('bql-kkt', 'Ban Quản lý Khu kinh tế tỉnh', ['Ban Quản lý Khu kinh tế', 'BQL Khu kinh tế', 'BQL KKT']),
  province('cuc-thong-ke', 'Cục Thống kê tỉnh', ['Cục Thống kê']),
  province('vks-tinh', 'Viện Kiểm sát nhân dân tỉnh', ['Viện Kiểm sát tỉnh', 'VKSND tỉnh']),
  // Border and defence bodies coordinate tasks in border communes (Lào Cai, Hà Giang, Lạng Sơn).
  province('bchqs-tinh', 'Bộ Chỉ huy Quân sự tỉnh', ['Bộ CHQS tỉnh']),
  province('bdbp-tinh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', ['Bộ đội Biên phòng tỉnh', 'Bộ CHBĐBP tỉnh', 'Bộ Chỉ huy BĐBP tỉnh', 'BĐBP tỉnh']),
  province('truong-chinh-tri', 'Trường Chính trị tỉnh', ['Trường Chính trị']),
  // Telecom providers, partners of the e-government tasks: companies, at any level one body each.
  // Their provincial branches are named after the province ("VNPT Lào Cai", "Viễn thông Lào Cai").
  other('vnpt', 'VNPT', ['Viễn thông tỉnh', ...ofEachProvince('VNPT', 'Viễn thông')]),
  other('viettel', 'Viettel', ['Chi nhánh Viettel tỉnh', 'Công ty Viettel', ...ofEachProvince('Viettel', 'Chi nhánh Viettel')]),
  province('cuc-thue', 'Cục Thuế tỉnh', ['Cục Thuế']),
  // A specialised body of the provincial committee in provinces with ethnic minorities (Hà Giang,
  // Lào Cai, Tuyên Quang…) until 2025, when it merged into the Sở Dân tộc và Tôn giáo (its own
  // entry: a 2025 plan names the new body). "Ủy ban Dân tộc tỉnh" and "… UBND tỉnh" mean it too:
  // without them the first split into "Ủy" + this entry, the second fuzzy-matched the HĐND's.
  province('ban-dan-toc', 'Ban Dân tộc tỉnh', ['Ban Dân tộc', 'Ủy ban Dân tộc tỉnh', 'Ban Dân tộc UBND']),
  province('so-dan-toc-ton-giao', 'Sở Dân tộc và Tôn giáo', ['Sở DT&TG', 'Sở DTTG', 'Ban Dân tộc và Tôn giáo']),
  // The People's Council's committee of the same words: not the committee's body above.
  province('ban-dan-toc-hdnd', 'Ban Dân tộc HĐND tỉnh', ['Ban Dân tộc HĐND', 'Ban Dân tộc của HĐND tỉnh']),
  province('kbnn', 'Kho bạc Nhà nước tỉnh', ['Kho bạc Nhà nước', 'KBNN', 'KBNN tỉnh', 'Kho bạc']),
  province('ubnd-tinh', 'UBND cấp tỉnh', ['UBND tỉnh', 'Ủy ban nhân dân tỉnh']),
  // The People's Council and its own office, not the committee's: "Văn phòng HĐND tỉnh" had
  // fuzzy-matched Văn phòng UBND tỉnh (an office merged with the committee's is that entry's alias).
  // Its standing body acts for it between sessions, and plans name either.
  province('hdnd-tinh', 'HĐND tỉnh', ['Hội đồng nhân dân tỉnh', 'Thường trực HĐND tỉnh']),
  district('hdnd-huyen', 'HĐND cấp huyện', ['HĐND huyện', 'Thường trực HĐND huyện']),
  commune('hdnd-xa', 'HĐND cấp xã', ['HĐND xã', 'Thường trực HĐND xã']),
  // The HĐND's committees (its Ban Dân tộc is above).
  province('ban-phap-che-hdnd', 'Ban Pháp chế HĐND tỉnh', ['Ban Pháp chế HĐND']),
  province('ban-kt-ns-hdnd', 'Ban Kinh tế - Ngân sách HĐND tỉnh', ['Ban Kinh tế - Ngân sách HĐND', 'Ban KT-NS HĐND tỉnh']),
  province('ban-vh-xh-hdnd', 'Ban Văn hóa - Xã hội HĐND tỉnh', ['Ban Văn hóa - Xã hội HĐND', 'Ban VH-XH HĐND tỉnh']),
  collective('coll-ban-hdnd', 'Các Ban HĐND tỉnh', 'province', ['Các Ban của HĐND tỉnh']),
  province('vp-hdnd-tinh', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', [
    'Văn phòng HĐND tỉnh',
    'Văn phòng Đoàn Đại biểu Quốc hội và HĐND tỉnh',
  ]),
  // Party bodies coordinate PAR propaganda and inspection tasks. The 2025 mergers made the Ban
  // Tuyên giáo và Dân vận (its own entry, as for the Sở Dân tộc và Tôn giáo above).
  province('tinh-uy', 'Tỉnh ủy', ['Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy']),
  province('vp-tinh-uy', 'Văn phòng Tỉnh ủy'),
  province('ban-to-chuc-tinh-uy', 'Ban Tổ chức Tỉnh ủy'),
  province('ban-tuyen-giao-tinh-uy', 'Ban Tuyên giáo Tỉnh ủy'),
  province('ban-dan-van-tinh-uy', 'Ban Dân vận Tỉnh ủy'),
  province('ban-tgdv-tinh-uy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', ['Ban TG&DV Tỉnh ủy', 'Ban TGDV Tỉnh ủy']),
  province('ban-noi-chinh-tinh-uy', 'Ban Nội chính Tỉnh ủy'),
  province('dang-uy-khoi', 'Đảng ủy Khối các cơ quan tỉnh', ['Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh']),
  province('ubkt-tinh-uy', 'Ủy ban Kiểm tra Tỉnh ủy', ['UBKT Tỉnh ủy']),
];

const CENTRAL_AND_MASS: AgencyEntry[] = [
  central('bo-noi-vu', 'Bộ Nội vụ', ['BNV']),
  // Not the provincial Ban Dân tộc: the ministry-level committee, since 1 March 2025 the ministry.
  central('uy-ban-dan-toc', 'Ủy ban Dân tộc', ['UBDT']),
  central('bo-dan-toc-ton-giao', 'Bộ Dân tộc và Tôn giáo', ['Bộ DT&TG', 'Bộ DTTG']),
  other('mttq', 'Mặt trận Tổ quốc', ['MTTQ', 'UBMTTQ', 'UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Ủy ban MTTQ']),
  // Each level's committee apart, as for Thanh tra, Công an and Tòa án; "MTTQ" alone stays above.
  // Spellings fold to one key ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam" → "mttq"), and
  // "cấp huyện", "thị xã", "phường"… find the level's entry (agencies.ts levelKey).
  province('mttq-tinh', 'Ủy ban MTTQ tỉnh', ['Mặt trận Tổ quốc tỉnh']),
  district('mttq-huyen', 'Ủy ban MTTQ cấp huyện', ['Mặt trận Tổ quốc huyện', 'MTTQ thành phố', 'MTTQ thị xã']),
  commune('mttq-xa', 'Ủy ban MTTQ cấp xã', ['Mặt trận Tổ quốc xã']),
  // The mass organisations one by one (together: coll-to-chuc-ct-xh, doan-the), named with the
  // level: the province's, then each district's and commune's below. Without a level, or of a
  // "thành phố" (a city may be of either level), each stays unknown.
  province('hoi-lhpn-tinh', 'Hội Liên hiệp Phụ nữ tỉnh', ['Hội LHPN tỉnh', 'Hội Phụ nữ tỉnh']),
  province('tinh-doan', 'Tỉnh đoàn', [
    'Đoàn Thanh niên tỉnh',
    'Tỉnh đoàn Thanh niên',
    'Ban Thường vụ Tỉnh đoàn',
    'Đoàn TNCS Hồ Chí Minh tỉnh',
    ...ofEachProvince('Tỉnh đoàn'),
  ]),
  province('ldld-tinh', 'Liên đoàn Lao động tỉnh', ['LĐLĐ tỉnh']),
  province('hoi-nong-dan-tinh', 'Hội Nông dân tỉnh'),
  province('hoi-ccb-tinh', 'Hội Cựu chiến binh tỉnh', ['Hội CCB tỉnh']),
  // Not the Phụ nữ's: one letter apart, "Hội LHTN tỉnh" had slipped to hoi-lhpn-tinh.
  province('hoi-lhtn-tinh', 'Hội Liên hiệp Thanh niên tỉnh', ['Hội LHTN tỉnh']),
  // A district's and a commune's, each apart as the MTTQ's are: a district's or commune's plan
  // names its own so ("Hội Nông dân xã"), and they are no province's.
  ...localBodies('hoi-lhpn', ['Hội Liên hiệp Phụ nữ', 'Hội LHPN', 'Hội Phụ nữ']),
  ...localBodies('doan', ['Đoàn Thanh niên', 'Đoàn TNCS Hồ Chí Minh'], ['Huyện đoàn', 'Thị đoàn']),
  ...localBodies('hoi-nong-dan', ['Hội Nông dân']),
  ...localBodies('hoi-ccb', ['Hội Cựu chiến binh', 'Hội CCB']),
  // A commune has no federation of its own (its unions are the workplaces').
  ...localBodies('ldld', ['Liên đoàn Lao động', 'LĐLĐ'], [], false),
  other('doan-the', 'Đoàn thể', ['Các đoàn thể', 'Các tổ chức đoàn thể', 'Ban, ngành đoàn thể', 'Các ban, ngành, đoàn thể']),
];

const LOCAL: AgencyEntry[] = [
  district('ubnd-huyen', 'UBND cấp huyện', [
    'UBND các huyện, thành phố',
    'UBND các huyện, TP',
    'UBND huyện',
    'UBND các huyện',
    'UBND huyện, thành phố',
    'UBND các huyện, thị xã, thành phố',
  ]),
  commune('ubnd-xa', 'UBND cấp xã', [
    'UBND các xã, phường, thị trấn',
    'UBND xã, phường',
    'UBND xã',
    'UBND phường',
    'UBND xã, phường, thị trấn',
  ]),
  // A city's own council and committee ("UBND thành phố" in a city's plan, or the provincial
  // capital in a province's): its body whatever the city's level, apart from the districts' tier.
  district('ubnd-thanh-pho', 'UBND thành phố'),
  district('hdnd-thanh-pho', 'HĐND thành phố', ['Thường trực HĐND thành phố']),
  // A ward's economic and a commune's social office since 2025 (not the district's Phòng Kinh tế
  // and Phòng Kinh tế và Hạ tầng before them, whose words it shares).
  commune('phong-kt-ht-dt', 'Phòng Kinh tế, Hạ tầng và Đô thị'),
  commune('phong-vh-xh', 'Phòng Văn hóa - Xã hội', ['Phòng VH-XH']),
  // A commune's office for both (every commune and ward has one since 2025).
  commune('vp-hdnd-ubnd-xa', 'Văn phòng HĐND và UBND cấp xã', [
    'Văn phòng HĐND và UBND xã',
    'Văn phòng UBND xã',
    'Văn phòng HĐND xã',
  ]),
  // The one-stop desks (Nghị định 61/2018): a district's and a commune's apart, and one for "các
  // cấp" or no level named.
  other('mot-cua', 'Bộ phận Một cửa các cấp', ['Bộ phận Một cửa', 'Bộ phận tiếp nhận và trả kết quả']),
  // A city's own desk is a district's: a centrally run city has its Trung tâm (ttpvhcc-tinh).
  district('mot-cua-huyen', 'Bộ phận Một cửa cấp huyện', ['Bộ phận Một cửa huyện', 'Bộ phận Một cửa thành phố', 'Bộ phận tiếp nhận và trả kết quả huyện']),
  commune('mot-cua-xa', 'Bộ phận Một cửa cấp xã', ['Bộ phận Một cửa xã', 'Bộ phận tiếp nhận và trả kết quả xã']),
  district('phong-noi-vu', 'Phòng Nội vụ'),
  district('phong-tu-phap', 'Phòng Tư pháp'),
  district('vp-hdnd-ubnd-huyen', 'Văn phòng HĐND-UBND thành phố', [
    'Văn phòng HĐND và UBND cấp huyện',
    'Văn phòng HĐND và UBND huyện',
    'Văn phòng HĐND và UBND',
    'Văn phòng UBND huyện',
    // A district has one office for both (a province may have two: vp-ubnd-tinh, vp-hdnd-tinh; so
    // may a centrally run city, whose "Văn phòng UBND Thành phố" is no district's office).
    'Văn phòng HĐND huyện',
  ]),
  district('phong-vhtt', 'Phòng Văn hóa và Thông tin', ['Phòng Văn hóa – Thông tin', 'Phòng VH-TT', 'Phòng VHTT']),
  district('phong-tckh', 'Phòng Tài chính – Kế hoạch', ['Phòng TC-KH', 'Phòng TCKH']),
  district('phong-tnmt', 'Phòng Tài nguyên và Môi trường', ['Phòng TN&MT', 'Phòng TNMT']),
  district('phong-qldt', 'Phòng Quản lý đô thị', ['Phòng QLĐT']),
  district('phong-kinh-te', 'Phòng Kinh tế'),
  // A rural district's offices where a city has its Phòng Kinh tế and Quản lý đô thị.
  district('phong-kt-ht', 'Phòng Kinh tế và Hạ tầng', ['Phòng KT&HT', 'Phòng KTHT']),
  district('phong-nn-ptnt', 'Phòng Nông nghiệp và Phát triển nông thôn', ['Phòng NN&PTNT', 'Phòng NNPTNT', 'Phòng Nông nghiệp và PTNT']),
  // Every district's, as the Sở Y tế is every province's.
  district('phong-y-te', 'Phòng Y tế'),
  // The district office for ethnic affairs, and its 2025 successor (apart, as for the province).
  district('phong-dan-toc', 'Phòng Dân tộc', ['Phòng Dân tộc huyện']),
  district('phong-dan-toc-ton-giao', 'Phòng Dân tộc và Tôn giáo'),
  district('phong-gddt', 'Phòng Giáo dục và Đào tạo', ['Phòng GD&ĐT', 'Phòng GDĐT']),
  district('phong-ldtbxh', 'Phòng Lao động, Thương binh và Xã hội', ['Phòng LĐTB&XH', 'Phòng LĐTBXH']),
  district('thanh-tra-huyen', 'Thanh tra cấp huyện', ['Thanh tra thành phố', 'Thanh tra huyện', 'Thanh tra thị xã']),
  district('trung-tam-y-te', 'Trung tâm Y tế', ['Trung tâm Y tế huyện', 'Trung tâm Y tế thành phố', 'TTYT']),
  district('cong-an-huyen', 'Công an cấp huyện', ['Công an thành phố', 'Công an huyện', 'Công an thị xã']),
  commune('cong-an-xa', 'Công an cấp xã', ['Công an xã, phường', 'Công an xã', 'Công an phường', 'Công an xã, phường, thị trấn']),
  district('toa-an-huyen', 'Tòa án nhân dân cấp huyện', [
    'Tòa án nhân dân thành phố',
    'Tòa án nhân dân huyện',
    'TAND thành phố',
    'TAND huyện',
    'Tòa án thành phố',
    'Tòa án huyện',
  ]),
  district('vks-huyen', 'Viện Kiểm sát nhân dân cấp huyện', ['Viện Kiểm sát nhân dân huyện', 'VKSND huyện', 'Viện Kiểm sát nhân dân thành phố', 'VKSND thành phố']),
  district('hd-bt-gpmb', 'Hội đồng bồi thường giải phóng mặt bằng', [
    'Hội đồng bồi thường GPMB',
    'Hội đồng GPMB',
    'Hội đồng bồi thường, hỗ trợ và tái định cư',
  ]),
  other('dien-luc', 'Điện lực', ['Công ty Điện lực']),
  district('bhxh-huyen', 'Bảo hiểm xã hội cấp huyện', [
    'Bảo hiểm xã hội huyện',
    'BHXH huyện',
    'Bảo hiểm xã hội thành phố',
    'BHXH thành phố',
  ]),
  district('kbnn-huyen', 'Kho bạc Nhà nước cấp huyện', [
    'Kho bạc Nhà nước huyện',
    'KBNN huyện',
    'Kho bạc Nhà nước thành phố',
    'KBNN thành phố',
  ]),
  district('chi-cuc-thue', 'Chi cục Thuế', ['Chi cục Thuế huyện', 'Chi cục Thuế thành phố', 'Chi cục Thuế khu vực']),
  district('chi-cuc-thong-ke', 'Chi cục Thống kê', ['Chi cục Thống kê huyện', 'Chi cục Thống kê thành phố', 'Chi cục Thống kê khu vực']),
  district('buu-dien-huyen', 'Bưu điện cấp huyện', ['Bưu điện huyện', 'Bưu điện thành phố']),
];

const COLLECTIVE: AgencyEntry[] = [
  // "Cơ quan chuyên môn thuộc UBND tỉnh" is the law's name for the Sở and their peers.
  collective('coll-so-ban-nganh', 'Các Sở, ban, ngành', 'province', [
    'Sở, ban, ngành',
    'Các sở, ngành',
    'Các Sở ban, ngành',
    'Các cơ quan chuyên môn thuộc UBND tỉnh',
    'Các cơ quan chuyên môn cấp tỉnh',
  ]),
  // A district's specialised offices, its Phòng, as the Sở are a province's. Named with the district
  // only: "các phòng chuyên môn" alone may be a Sở's own divisions, and "cơ quan chuyên môn" alone or
  // of a "thành phố" may be the Sở (coll-so-ban-nganh).
  collective(
    'coll-phong-ban-huyen',
    'Các phòng, ban chuyên môn cấp huyện',
    'district',
    ['phòng, ban chuyên môn', 'phòng chuyên môn', 'phòng, ban', 'cơ quan chuyên môn'].flatMap((u) =>
      (u[0] === 'p' ? ['huyện', 'thành phố'] : ['huyện']).flatMap((p) => [`Các ${u} ${p}`, `Các ${u} thuộc UBND ${p}`]),
    ),
  ),
  collective('coll-lien-quan', 'Các cơ quan, đơn vị liên quan', 'other', [
    'Các cơ quan liên quan',
    'Các đơn vị liên quan',
    'Các cơ quan, đơn vị có liên quan',
    'Các cơ quan có liên quan',
    'Các đơn vị có liên quan',
    'Các cơ quan, đơn vị',
  ]),
  collective('coll-so-nganh-dia-phuong', 'Các sở, ngành, địa phương', 'other', ['Các sở, ban, ngành, địa phương']),
  collective('coll-truyen-thong', 'Các cơ quan truyền thông', 'other', [
    'Các cơ quan báo chí',
    'Các cơ quan báo chí, truyền thông',
  ]),
  collective('coll-cq-hcnn', 'Các cơ quan hành chính nhà nước các cấp', 'other', ['Các cơ quan hành chính nhà nước']),
  collective('coll-co-so-giao-duc', 'Các cơ sở giáo dục', 'other'),
  collective('coll-doan-the-cac-cap', 'Đoàn thể các cấp', 'other'),
  collective('coll-to-chuc-ct-xh', 'Các tổ chức chính trị - xã hội', 'other', ['Các tổ chức CT-XH']),
  collective('coll-dvsn', 'Các đơn vị sự nghiệp trực thuộc UBND tỉnh', 'province', [
    'ĐVSN trực thuộc UBND tỉnh',
    'Các đơn vị sự nghiệp',
    'Các đơn vị sự nghiệp công lập',
    'ĐVSN',
  ]),
  collective('coll-dien-luc', 'Các đơn vị hoạt động điện lực', 'other', ['Các đơn vị điện lực']),
];

/** Every agency the matcher knows, in display order. */
export const AGENCIES: readonly AgencyEntry[] = [...PROVINCE, ...CENTRAL_AND_MASS, ...LOCAL, ...COLLECTIVE];
