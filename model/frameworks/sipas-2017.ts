// SIPAS (Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà
// nước): 5 component indices, each the percentage of satisfied respondents. Seed 002 (Tuyên
// Quang 2021) writes them "Tiếp cận dịch vụ", "Thủ tục hành chính", "Công chức", "Kết quả giải
// quyết", "Tiếp nhận, xử lý ý kiến góp ý, phản ánh kiến nghị"; the fuller names below contain
// those words, so matching by name accepts both.
import type { Framework } from './schema';

export const SIPAS_2017: Framework = {
  id: 'sipas-2017',
  index: 'SIPAS',
  name: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)',
  source: 'Quyết định 2640/QĐ-BNV (2017); phương pháp đo lường theo Quyết định 1001/QĐ-BNV (11/12/2023)',
  validFrom: 2017,
  scale: { min: 0, max: 100, unit: '%' },
  nodes: [
    { code: '1', name: 'Tiếp cận dịch vụ' },
    { code: '2', name: 'Thủ tục hành chính' },
    { code: '3', name: 'Công chức giải quyết công việc' },
    { code: '4', name: 'Kết quả giải quyết công việc' },
    { code: '5', name: 'Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị' },
  ],
};
