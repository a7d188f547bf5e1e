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

const PROVINCE: AgencyEntry[] = [
  { id: 'so-noi-vu', name: 'Sở Nội vụ', level: 'province', aliases: [] },
  { id: 'so-tu-phap', name: 'Sở Tư pháp', level: 'province', aliases: [] },
  {
    id: 'vp-ubnd-tinh',
    name: 'Văn phòng UBND tỉnh',
    level: 'province',
    // Provinces that merged the offices name it after all of them.
    aliases: [
      'VP UBND tỉnh',
      'Văn phòng Ủy ban nhân dân tỉnh',
      'Văn phòng HĐND và UBND tỉnh',
      'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh',
    ],
  },
  // The province's one-stop centre (Nghị định 107/2021): often a unit of the Văn phòng UBND tỉnh,
  // but given tasks by its own name.
  {
    id: 'ttpvhcc-tinh',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    level: 'province',
    aliases: ['Trung tâm Phục vụ hành chính công', 'Trung tâm PVHCC', 'Trung tâm Phục vụ HCC', 'Trung tâm Hành chính công'],
  },
  {
    id: 'so-tttt',
    name: 'Sở Thông tin và Truyền thông',
    level: 'province',
    aliases: ['Sở TTTT', 'Sở TT&TT'],
  },
  { id: 'so-tai-chinh', name: 'Sở Tài chính', level: 'province', aliases: [] },
  { id: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư', level: 'province', aliases: ['Sở KH&ĐT', 'Sở KHĐT'] },
  { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', level: 'province', aliases: ['Sở KH&CN', 'Sở KHCN'] },
  {
    id: 'so-vhttdl',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    level: 'province',
    aliases: ['Sở VHTTDL', 'Sở VH, TT&DL', 'Sở VHTT&DL'],
  },
  {
    id: 'so-ldtbxh',
    name: 'Sở Lao động, Thương binh và Xã hội',
    level: 'province',
    aliases: ['Sở LĐTB&XH', 'Sở LĐ-TB&XH', 'Sở LĐTBXH'],
  },
  { id: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', level: 'province', aliases: ['Sở TN&MT', 'Sở TNMT'] },
  { id: 'so-y-te', name: 'Sở Y tế', level: 'province', aliases: [] },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', level: 'province', aliases: ['Sở GD&ĐT', 'Sở GDĐT'] },
  { id: 'so-cong-thuong', name: 'Sở Công Thương', level: 'province', aliases: [] },
  { id: 'so-gtvt', name: 'Sở Giao thông vận tải', level: 'province', aliases: ['Sở GTVT'] },
  { id: 'so-xay-dung', name: 'Sở Xây dựng', level: 'province', aliases: [] },
  {
    id: 'so-nnptnt',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    level: 'province',
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT'],
  },
  { id: 'so-ngoai-vu', name: 'Sở Ngoại vụ', level: 'province', aliases: [] },
  { id: 'thanh-tra-tinh', name: 'Thanh tra tỉnh', level: 'province', aliases: [] },
  { id: 'toa-an-tinh', name: 'Tòa án nhân dân tỉnh', level: 'province', aliases: ['Tòa án tỉnh', 'TAND tỉnh'] },
  { id: 'cong-an-tinh', name: 'Công an tỉnh', level: 'province', aliases: [] },
  // Without a level word these provincial bodies are the province's own in a provincial plan.
  {
    id: 'bhxh-tinh',
    name: 'Bảo hiểm xã hội tỉnh',
    level: 'province',
    aliases: ['BHXH tỉnh', 'Bảo hiểm xã hội', 'BHXH'],
  },
  {
    id: 'dai-ptth-tinh',
    name: 'Đài Phát thanh - Truyền hình tỉnh',
    level: 'province',
    aliases: ['Đài PT-TH tỉnh', 'Đài PTTH tỉnh', 'Đài Phát thanh - Truyền hình', 'Đài PT-TH', 'Đài PTTH'],
  },
  {
    id: 'bao-tinh',
    name: 'Báo tỉnh',
    level: 'province',
    // The provincial newspaper is named after its province ("Báo Tuyên Quang").
    aliases: [...PROVINCE_NAMES.map((p) => `Báo ${p}`), 'Báo Hà Nội mới', 'Báo Sài Gòn Giải phóng'],
  },
  { id: 'buu-dien-tinh', name: 'Bưu điện tỉnh', level: 'province', aliases: ['Bưu điện'] },
  {
    id: 'nhnn-tinh',
    name: 'Ngân hàng Nhà nước chi nhánh tỉnh',
    level: 'province',
    aliases: [
      'Ngân hàng Nhà nước',
      'NHNN',
      'NHNN chi nhánh tỉnh',
      'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh',
      'Chi nhánh Ngân hàng Nhà nước tỉnh',
      'Chi nhánh Ngân hàng Nhà nước',
      'Chi nhánh NHNN tỉnh',
      'Chi nhánh NHNN',
    ],
  },
  { id: 'cuc-hai-quan', name: 'Cục Hải quan tỉnh', level: 'province', aliases: ['Cục Hải quan'] },
  {
    id: 'bql-kcn',
    name: 'Ban Quản lý các khu công nghiệp',
    level: 'province',
    aliases: ['BQL các KCN', 'Ban Quản lý các KCN'],
  },
  { id: 'cuc-thue', name: 'Cục Thuế tỉnh', level: 'province', aliases: ['Cục Thuế'] },
  // A specialised body of the provincial committee in provinces with ethnic minorities (Hà Giang,
  // Lào Cai, Tuyên Quang…) until 2025, when it merged into the Sở Dân tộc và Tôn giáo (its own
  // entry: a 2025 plan names the new body). "Ủy ban Dân tộc tỉnh" and "… UBND tỉnh" mean it too:
  // without them the first split into "Ủy" + this entry, the second fuzzy-matched the HĐND's.
  {
    id: 'ban-dan-toc',
    name: 'Ban Dân tộc tỉnh',
    level: 'province',
    aliases: ['Ban Dân tộc', 'Ủy ban Dân tộc tỉnh', 'Ban Dân tộc UBND'],
  },
  {
    id: 'so-dan-toc-ton-giao',
    name: 'Sở Dân tộc và Tôn giáo',
    level: 'province',
    aliases: ['Sở DT&TG', 'Sở DTTG', 'Ban Dân tộc và Tôn giáo'],
  },
  // The People's Council's committee of the same words: not the committee's body above.
  {
    id: 'ban-dan-toc-hdnd',
    name: 'Ban Dân tộc HĐND tỉnh',
    level: 'province',
    aliases: ['Ban Dân tộc HĐND', 'Ban Dân tộc của HĐND tỉnh'],
  },
  {
    id: 'kbnn',
    name: 'Kho bạc Nhà nước tỉnh',
    level: 'province',
    aliases: ['Kho bạc Nhà nước', 'KBNN', 'KBNN tỉnh', 'Kho bạc'],
  },
  {
    id: 'ubnd-tinh',
    name: 'UBND cấp tỉnh',
    level: 'province',
    aliases: ['UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
  },
  // The People's Council and its own office, not the committee's: "Văn phòng HĐND tỉnh" had
  // fuzzy-matched Văn phòng UBND tỉnh (an office merged with the committee's is that entry's alias).
  {
    id: 'hdnd-tinh',
    name: 'HĐND tỉnh',
    level: 'province',
    // Its standing body acts for it between sessions, and plans name either.
    aliases: ['Hội đồng nhân dân tỉnh', 'Thường trực HĐND tỉnh'],
  },
  { id: 'hdnd-huyen', name: 'HĐND cấp huyện', level: 'district', aliases: ['HĐND huyện', 'Thường trực HĐND huyện'] },
  { id: 'hdnd-xa', name: 'HĐND cấp xã', level: 'commune', aliases: ['HĐND xã', 'Thường trực HĐND xã'] },
  // The HĐND's committees (its Ban Dân tộc is above).
  { id: 'ban-phap-che-hdnd', name: 'Ban Pháp chế HĐND tỉnh', level: 'province', aliases: ['Ban Pháp chế HĐND'] },
  { id: 'ban-kt-ns-hdnd', name: 'Ban Kinh tế - Ngân sách HĐND tỉnh', level: 'province', aliases: ['Ban Kinh tế - Ngân sách HĐND', 'Ban KT-NS HĐND tỉnh'] },
  { id: 'ban-vh-xh-hdnd', name: 'Ban Văn hóa - Xã hội HĐND tỉnh', level: 'province', aliases: ['Ban Văn hóa - Xã hội HĐND', 'Ban VH-XH HĐND tỉnh'] },
  { id: 'coll-ban-hdnd', name: 'Các Ban HĐND tỉnh', level: 'province', collective: true, aliases: ['Các Ban của HĐND tỉnh'] },
  {
    id: 'vp-hdnd-tinh',
    name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    level: 'province',
    aliases: ['Văn phòng HĐND tỉnh', 'Văn phòng Đoàn Đại biểu Quốc hội và HĐND tỉnh'],
  },
  // Party bodies coordinate PAR propaganda and inspection tasks. The 2025 mergers made the Ban
  // Tuyên giáo và Dân vận (its own entry, as for the Sở Dân tộc và Tôn giáo above).
  {
    id: 'tinh-uy',
    name: 'Tỉnh ủy',
    level: 'province',
    aliases: ['Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy'],
  },
  { id: 'vp-tinh-uy', name: 'Văn phòng Tỉnh ủy', level: 'province', aliases: [] },
  { id: 'ban-to-chuc-tinh-uy', name: 'Ban Tổ chức Tỉnh ủy', level: 'province', aliases: [] },
  { id: 'ban-tuyen-giao-tinh-uy', name: 'Ban Tuyên giáo Tỉnh ủy', level: 'province', aliases: [] },
  { id: 'ban-dan-van-tinh-uy', name: 'Ban Dân vận Tỉnh ủy', level: 'province', aliases: [] },
  { id: 'ban-tgdv-tinh-uy', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', level: 'province', aliases: ['Ban TG&DV Tỉnh ủy', 'Ban TGDV Tỉnh ủy'] },
  { id: 'ban-noi-chinh-tinh-uy', name: 'Ban Nội chính Tỉnh ủy', level: 'province', aliases: [] },
  { id: 'ubkt-tinh-uy', name: 'Ủy ban Kiểm tra Tỉnh ủy', level: 'province', aliases: ['UBKT Tỉnh ủy'] },
];

const CENTRAL_AND_MASS: AgencyEntry[] = [
  { id: 'bo-noi-vu', name: 'Bộ Nội vụ', level: 'central', aliases: ['BNV'] },
  // Not the provincial Ban Dân tộc: the ministry-level committee, since 1 March 2025 the ministry.
  { id: 'uy-ban-dan-toc', name: 'Ủy ban Dân tộc', level: 'central', aliases: ['UBDT'] },
  { id: 'bo-dan-toc-ton-giao', name: 'Bộ Dân tộc và Tôn giáo', level: 'central', aliases: ['Bộ DT&TG', 'Bộ DTTG'] },
  {
    id: 'mttq',
    name: 'Mặt trận Tổ quốc',
    level: 'other',
    aliases: ['MTTQ', 'UBMTTQ', 'UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Ủy ban MTTQ'],
  },
  // Each level's committee apart, as for Thanh tra, Công an and Tòa án; "MTTQ" alone stays above.
  // Spellings fold to one key ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam" → "mttq"), and
  // "cấp huyện", "thị xã", "phường"… find the level's entry (agencies.ts levelKey).
  { id: 'mttq-tinh', name: 'Ủy ban MTTQ tỉnh', level: 'province', aliases: ['Mặt trận Tổ quốc tỉnh'] },
  {
    id: 'mttq-huyen',
    name: 'Ủy ban MTTQ cấp huyện',
    level: 'district',
    aliases: ['Mặt trận Tổ quốc huyện', 'MTTQ thành phố', 'MTTQ thị xã'],
  },
  { id: 'mttq-xa', name: 'Ủy ban MTTQ cấp xã', level: 'commune', aliases: ['Mặt trận Tổ quốc xã'] },
  // The mass organisations one by one (together: coll-to-chuc-ct-xh, doan-the). Without a level
  // word the province's, as for bhxh-tinh; a district's or commune's stays unknown.
  { id: 'hoi-lhpn-tinh', name: 'Hội Liên hiệp Phụ nữ tỉnh', level: 'province', aliases: ['Hội Liên hiệp Phụ nữ', 'Hội LHPN', 'Hội Phụ nữ'] },
  { id: 'tinh-doan', name: 'Tỉnh đoàn', level: 'province', aliases: ['Đoàn Thanh niên', 'Đoàn TNCS Hồ Chí Minh'] },
  { id: 'ldld-tinh', name: 'Liên đoàn Lao động tỉnh', level: 'province', aliases: ['Liên đoàn Lao động', 'LĐLĐ'] },
  { id: 'hoi-nong-dan-tinh', name: 'Hội Nông dân tỉnh', level: 'province', aliases: ['Hội Nông dân'] },
  { id: 'hoi-ccb-tinh', name: 'Hội Cựu chiến binh tỉnh', level: 'province', aliases: ['Hội Cựu chiến binh', 'Hội CCB'] },
  {
    id: 'doan-the',
    name: 'Đoàn thể',
    level: 'other',
    aliases: ['Các đoàn thể', 'Các tổ chức đoàn thể', 'Ban, ngành đoàn thể', 'Các ban, ngành, đoàn thể'],
  },
];

const LOCAL: AgencyEntry[] = [
  {
    id: 'ubnd-huyen',
    name: 'UBND cấp huyện',
    level: 'district',
    aliases: [
      'UBND các huyện, thành phố',
      'UBND các huyện, TP',
      'UBND huyện',
      'UBND các huyện',
      'UBND huyện, thành phố',
      'UBND các huyện, thị xã, thành phố',
    ],
  },
  {
    id: 'ubnd-xa',
    name: 'UBND cấp xã',
    level: 'commune',
    aliases: [
      'UBND các xã, phường, thị trấn',
      'UBND xã, phường',
      'UBND xã',
      'UBND phường',
      'UBND xã, phường, thị trấn',
    ],
  },
  // A city's own council and committee ("UBND thành phố" in a city's plan, or the provincial
  // capital in a province's): its body whatever the city's level, apart from the districts' tier.
  { id: 'ubnd-thanh-pho', name: 'UBND thành phố', level: 'district', aliases: [] },
  { id: 'hdnd-thanh-pho', name: 'HĐND thành phố', level: 'district', aliases: ['Thường trực HĐND thành phố'] },
  // A commune's office for both (every commune and ward has one since 2025).
  {
    id: 'vp-hdnd-ubnd-xa',
    name: 'Văn phòng HĐND và UBND cấp xã',
    level: 'commune',
    aliases: ['Văn phòng HĐND và UBND xã', 'Văn phòng UBND xã', 'Văn phòng HĐND xã'],
  },
  // The one-stop desks (Nghị định 61/2018): a district's and a commune's apart, and one for "các
  // cấp" or no level named.
  { id: 'mot-cua', name: 'Bộ phận Một cửa các cấp', level: 'other', aliases: ['Bộ phận Một cửa', 'Bộ phận tiếp nhận và trả kết quả'] },
  { id: 'mot-cua-huyen', name: 'Bộ phận Một cửa cấp huyện', level: 'district', aliases: ['Bộ phận Một cửa huyện', 'Bộ phận tiếp nhận và trả kết quả huyện'] },
  { id: 'mot-cua-xa', name: 'Bộ phận Một cửa cấp xã', level: 'commune', aliases: ['Bộ phận Một cửa xã', 'Bộ phận tiếp nhận và trả kết quả xã'] },
  { id: 'phong-noi-vu', name: 'Phòng Nội vụ', level: 'district', aliases: [] },
  { id: 'phong-tu-phap', name: 'Phòng Tư pháp', level: 'district', aliases: [] },
  {
    id: 'vp-hdnd-ubnd-huyen',
    name: 'Văn phòng HĐND-UBND thành phố',
    level: 'district',
    aliases: [
      'Văn phòng HĐND và UBND cấp huyện',
      'Văn phòng HĐND và UBND huyện',
      'Văn phòng HĐND và UBND',
      'Văn phòng UBND huyện',
      // A district has one office for both (a province may have two: vp-ubnd-tinh, vp-hdnd-tinh; so
      // may a centrally run city, whose "Văn phòng UBND Thành phố" is no district's office).
      'Văn phòng HĐND huyện',
    ],
  },
  {
    id: 'phong-vhtt',
    name: 'Phòng Văn hóa và Thông tin',
    level: 'district',
    aliases: ['Phòng Văn hóa – Thông tin', 'Phòng VH-TT', 'Phòng VHTT'],
  },
  {
    id: 'phong-tckh',
    name: 'Phòng Tài chính – Kế hoạch',
    level: 'district',
    aliases: ['Phòng TC-KH', 'Phòng TCKH'],
  },
  {
    id: 'phong-tnmt',
    name: 'Phòng Tài nguyên và Môi trường',
    level: 'district',
    aliases: ['Phòng TN&MT', 'Phòng TNMT'],
  },
  { id: 'phong-qldt', name: 'Phòng Quản lý đô thị', level: 'district', aliases: ['Phòng QLĐT'] },
  { id: 'phong-kinh-te', name: 'Phòng Kinh tế', level: 'district', aliases: [] },
  // The district office for ethnic affairs, and its 2025 successor (apart, as for the province).
  { id: 'phong-dan-toc', name: 'Phòng Dân tộc', level: 'district', aliases: ['Phòng Dân tộc huyện'] },
  { id: 'phong-dan-toc-ton-giao', name: 'Phòng Dân tộc và Tôn giáo', level: 'district', aliases: [] },
  {
    id: 'phong-gddt',
    name: 'Phòng Giáo dục và Đào tạo',
    level: 'district',
    aliases: ['Phòng GD&ĐT', 'Phòng GDĐT'],
  },
  {
    id: 'phong-ldtbxh',
    name: 'Phòng Lao động, Thương binh và Xã hội',
    level: 'district',
    aliases: ['Phòng LĐTB&XH', 'Phòng LĐTBXH'],
  },
  {
    id: 'thanh-tra-huyen',
    name: 'Thanh tra cấp huyện',
    level: 'district',
    aliases: ['Thanh tra thành phố', 'Thanh tra huyện', 'Thanh tra thị xã'],
  },
  {
    id: 'trung-tam-y-te',
    name: 'Trung tâm Y tế',
    level: 'district',
    aliases: ['Trung tâm Y tế huyện', 'Trung tâm Y tế thành phố', 'TTYT'],
  },
  {
    id: 'cong-an-huyen',
    name: 'Công an cấp huyện',
    level: 'district',
    aliases: ['Công an thành phố', 'Công an huyện', 'Công an thị xã'],
  },
  {
    id: 'cong-an-xa',
    name: 'Công an cấp xã',
    level: 'commune',
    aliases: ['Công an xã, phường', 'Công an xã', 'Công an phường', 'Công an xã, phường, thị trấn'],
  },
  {
    id: 'toa-an-huyen',
    name: 'Tòa án nhân dân cấp huyện',
    level: 'district',
    aliases: [
      'Tòa án nhân dân thành phố',
      'Tòa án nhân dân huyện',
      'TAND thành phố',
      'TAND huyện',
      'Tòa án thành phố',
      'Tòa án huyện',
    ],
  },
  {
    id: 'hd-bt-gpmb',
    name: 'Hội đồng bồi thường giải phóng mặt bằng',
    level: 'district',
    aliases: ['Hội đồng bồi thường GPMB', 'Hội đồng GPMB', 'Hội đồng bồi thường, hỗ trợ và tái định cư'],
  },
  { id: 'dien-luc', name: 'Điện lực', level: 'other', aliases: ['Công ty Điện lực'] },
  {
    id: 'bhxh-huyen',
    name: 'Bảo hiểm xã hội cấp huyện',
    level: 'district',
    aliases: ['Bảo hiểm xã hội huyện', 'BHXH huyện', 'Bảo hiểm xã hội thành phố', 'BHXH thành phố'],
  },
  {
    id: 'kbnn-huyen',
    name: 'Kho bạc Nhà nước cấp huyện',
    level: 'district',
    aliases: ['Kho bạc Nhà nước huyện', 'KBNN huyện', 'Kho bạc Nhà nước thành phố', 'KBNN thành phố'],
  },
  {
    id: 'chi-cuc-thue',
    name: 'Chi cục Thuế',
    level: 'district',
    aliases: ['Chi cục Thuế huyện', 'Chi cục Thuế thành phố', 'Chi cục Thuế khu vực'],
  },
  {
    id: 'buu-dien-huyen',
    name: 'Bưu điện cấp huyện',
    level: 'district',
    aliases: ['Bưu điện huyện', 'Bưu điện thành phố'],
  },
];

const COLLECTIVE: AgencyEntry[] = [
  {
    id: 'coll-so-ban-nganh',
    name: 'Các Sở, ban, ngành',
    level: 'province',
    collective: true,
    // "Cơ quan chuyên môn thuộc UBND tỉnh" is the law's name for the Sở and their peers.
    aliases: ['Sở, ban, ngành', 'Các sở, ngành', 'Các Sở ban, ngành', 'Các cơ quan chuyên môn thuộc UBND tỉnh', 'Các cơ quan chuyên môn cấp tỉnh'],
  },
  // A district's specialised offices, its Phòng, as the Sở are a province's. Named with the district
  // only: "các phòng chuyên môn" alone may be a Sở's own divisions, and "cơ quan chuyên môn" alone or
  // of a "thành phố" may be the Sở (coll-so-ban-nganh).
  {
    id: 'coll-phong-ban-huyen',
    name: 'Các phòng, ban chuyên môn cấp huyện',
    level: 'district',
    collective: true,
    aliases: ['phòng, ban chuyên môn', 'phòng chuyên môn', 'phòng, ban', 'cơ quan chuyên môn'].flatMap((u) =>
      (u[0] === 'p' ? ['huyện', 'thành phố'] : ['huyện']).flatMap((p) => [`Các ${u} ${p}`, `Các ${u} thuộc UBND ${p}`]),
    ),
  },
  {
    id: 'coll-lien-quan',
    name: 'Các cơ quan, đơn vị liên quan',
    level: 'other',
    collective: true,
    aliases: [
      'Các cơ quan liên quan',
      'Các đơn vị liên quan',
      'Các cơ quan, đơn vị có liên quan',
      'Các cơ quan có liên quan',
      'Các đơn vị có liên quan',
      'Các cơ quan, đơn vị',
    ],
  },
  {
    id: 'coll-so-nganh-dia-phuong',
    name: 'Các sở, ngành, địa phương',
    level: 'other',
    collective: true,
    aliases: ['Các sở, ban, ngành, địa phương'],
  },
  {
    id: 'coll-truyen-thong',
    name: 'Các cơ quan truyền thông',
    level: 'other',
    collective: true,
    aliases: ['Các cơ quan báo chí', 'Các cơ quan báo chí, truyền thông'],
  },
  { id: 'coll-co-so-giao-duc', name: 'Các cơ sở giáo dục', level: 'other', collective: true, aliases: [] },
  { id: 'coll-doan-the-cac-cap', name: 'Đoàn thể các cấp', level: 'other', collective: true, aliases: [] },
  {
    id: 'coll-to-chuc-ct-xh',
    name: 'Các tổ chức chính trị - xã hội',
    level: 'other',
    collective: true,
    aliases: ['Các tổ chức CT-XH'],
  },
  {
    id: 'coll-dvsn',
    name: 'Các đơn vị sự nghiệp trực thuộc UBND tỉnh',
    level: 'province',
    collective: true,
    aliases: ['ĐVSN trực thuộc UBND tỉnh', 'Các đơn vị sự nghiệp', 'ĐVSN'],
  },
  {
    id: 'coll-dien-luc',
    name: 'Các đơn vị hoạt động điện lực',
    level: 'other',
    collective: true,
    aliases: ['Các đơn vị điện lực'],
  },
];

/** Every agency the matcher knows, in display order. */
export const AGENCIES: readonly AgencyEntry[] = [...PROVINCE, ...CENTRAL_AND_MASS, ...LOCAL, ...COLLECTIVE];
