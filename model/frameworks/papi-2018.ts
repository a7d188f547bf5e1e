// PAPI (Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh): 8 content indices (since 2018),
// each scored 1–10 as the sum of its sub-dimensions; the total is out of 80. Survey-based, so
// no points per node. Sub-dimension names as in the Hà Giang appendix (2023, seed 004), with the
// typo "tham những" corrected to "tham nhũng".
//
// This is the 29-sub-dimension version (4/4/3/5/3/4/3/3). The 2018–2020 surveys used 28
// sub-dimensions; the seeds do not say which one differed, so that version is not encoded and
// frameworkFor('PAPI', 2018..2020) returns null rather than a guess.
import type { Framework } from './schema';

export const PAPI_2021: Framework = {
  id: 'papi-2021',
  index: 'PAPI',
  name: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  source: 'Khảo sát PAPI (CECODES, UNDP và các đối tác): 8 chỉ số nội dung, 29 chỉ số thành phần',
  validFrom: 2021,
  scale: { min: 1, max: 10, unit: 'điểm' },
  nodes: [
    {
      code: '1',
      name: 'Tham gia của người dân ở cấp cơ sở',
      children: [
        { code: '1.1', name: 'Tri thức công dân' },
        { code: '1.2', name: 'Cơ hội tham gia' },
        { code: '1.3', name: 'Chất lượng bầu cử' },
        { code: '1.4', name: 'Đóng góp tự nguyện' },
      ],
    },
    {
      code: '2',
      // Also written "… trong việc ra quyết định" / "… trong hoạch định chính sách": the short
      // name lies inside both, so either matches.
      name: 'Công khai, minh bạch',
      children: [
        { code: '2.1', name: 'Tiếp cận thông tin' },
        { code: '2.2', name: 'Công khai danh sách hộ nghèo' },
        { code: '2.3', name: 'Công khai thu, chi ngân sách cấp xã' },
        { code: '2.4', name: 'Quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất' },
      ],
    },
    {
      code: '3',
      name: 'Trách nhiệm giải trình với người dân',
      children: [
        { code: '3.1', name: 'Hiệu quả tương tác với các cấp chính quyền' },
        { code: '3.2', name: 'Giải đáp khiếu nại, tố cáo, khúc mắc của người dân' },
        { code: '3.3', name: 'Tiếp cận dịch vụ tư pháp' },
      ],
    },
    {
      code: '4',
      name: 'Kiểm soát tham nhũng trong khu vực công',
      children: [
        { code: '4.1', name: 'Kiểm soát tham nhũng trong chính quyền địa phương' },
        { code: '4.2', name: 'Kiểm soát tham nhũng trong cung ứng dịch vụ y tế' },
        { code: '4.3', name: 'Kiểm soát tham nhũng trong cung ứng dịch vụ công Giáo dục tiểu học' },
        { code: '4.4', name: 'Công bằng trong tuyển dụng vào khu vực công' },
        { code: '4.5', name: 'Quyết tâm phòng chống tham nhũng của chính quyền' },
      ],
    },
    {
      code: '5',
      name: 'Thủ tục hành chính công',
      children: [
        { code: '5.1', name: 'Việc giải quyết TTHC ở các cấp' },
        { code: '5.2', name: 'Dịch vụ hành chính cấp phép xây dựng' },
        { code: '5.3', name: 'Dịch vụ hành chính cấp giấy CNQSDĐ' },
      ],
    },
    {
      code: '6',
      name: 'Cung ứng dịch vụ công',
      children: [
        { code: '6.1', name: 'Y tế công lập' },
        { code: '6.2', name: 'Giáo dục tiểu học công lập' },
        // Điện sinh hoạt, giao thông, thu gom rác thải, nước sạch sinh hoạt.
        { code: '6.3', name: 'Cơ sở hạ tầng căn bản' },
        { code: '6.4', name: 'An ninh, trật tự khu dân cư' },
      ],
    },
    {
      code: '7',
      name: 'Quản trị môi trường',
      children: [
        { code: '7.1', name: 'Nghiêm túc trong bảo vệ môi trường' },
        { code: '7.2', name: 'Chất lượng không khí' },
        { code: '7.3', name: 'Chất lượng nguồn nước sinh hoạt' },
      ],
    },
    {
      code: '8',
      name: 'Quản trị điện tử',
      children: [
        { code: '8.1', name: 'Sử dụng công nghệ thông tin điện tử của chính quyền địa phương' },
        { code: '8.2', name: 'Tiếp cận và sử dụng Internet tại địa phương' },
        { code: '8.3', name: 'Phúc đáp của chính quyền qua cổng Thông tin điện tử' },
      ],
    },
  ],
};
