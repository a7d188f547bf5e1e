// PAR INDEX, provincial level, as used for 2018–2019 (Quyết định 2636/QĐ-BNV ngày 10/12/2018).
// Fields, criteria and sub-criteria as in the Lào Cai appendix (Kế hoạch 221/KH-UBND, 17/6/2019):
// self-assessed part = 64.5 points; the sociological survey (điều tra XHH) makes up the rest of 100.
// Numbered items "(1)…(5)" inside 1.2 are coded "1.2(1)"…"1.2(5)". Trailing full stops of the
// source (1.2(3)–(5), 3.1.1–3.2.4, 6.1.3, 8.2) were dropped as typos; names are otherwise verbatim.
import type { Framework } from './schema';

export const PAR_2019_PROVINCE: Framework = {
  id: 'par-2019-province',
  index: 'PAR',
  name: 'Chỉ số cải cách hành chính cấp tỉnh (PAR INDEX) 2018–2019',
  source: 'Quyết định 2636/QĐ-BNV ngày 10/12/2018 của Bộ Nội vụ',
  validFrom: 2018,
  validTo: 2019,
  totalMax: 64.5,
  nodes: [
    {
      code: '1',
      name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
      max: 9,
      children: [
        { code: '1.1', name: 'Kế hoạch CCHC năm', max: 1.25 },
        {
          code: '1.2',
          name: 'Thực hiện chế độ báo cáo định kỳ',
          max: 1.75,
          children: [
            { code: '1.2(1)', name: 'Báo cáo định kỳ về CCHC', max: 0.5 },
            { code: '1.2(2)', name: 'Báo cáo năm về kiểm tra, rà soát VBQPPL', max: 0.25 },
            { code: '1.2(3)', name: 'Báo cáo năm về theo dõi thi hành pháp luật', max: 0.25 },
            { code: '1.2(4)', name: 'Báo cáo năm về đào tạo bồi dưỡng cán bộ, công chức, viên chức', max: 0.25 },
            { code: '1.2(5)', name: 'Báo cáo định kỳ hàng quý, năm về kết quả ứng dụng CNTT', max: 0.5 },
          ],
        },
        {
          code: '1.3',
          name: 'Kiểm tra công tác CCHC',
          max: 2,
          children: [
            { code: '1.3.1', name: 'Tỷ lệ cơ quan chuyên môn cấp tỉnh và đơn vị hành chính cấp huyện được kiểm tra trong năm', max: 1 },
            { code: '1.3.2', name: 'Xử lý các vấn đề phát hiện qua kiểm tra', max: 1 },
          ],
        },
        {
          code: '1.4',
          name: 'Công tác tuyên truyền CCHC',
          max: 1,
          children: [
            { code: '1.4.1', name: 'Mức độ hoàn thành kế hoạch tuyên truyền', max: 0.5 },
            { code: '1.4.2', name: 'Mức độ đa dạng các hình thức tuyên truyền CCHC', max: 0.5 },
          ],
        },
        { code: '1.5', name: 'Sáng kiến trong cải cách hành chính', max: 2 },
        { code: '1.6', name: 'Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao', max: 1 },
      ],
    },
    {
      code: '2',
      name: 'XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL TẠI TỈNH',
      max: 5,
      children: [
        {
          code: '2.1',
          name: 'Theo dõi thi hành pháp luật',
          max: 2,
          children: [
            { code: '2.1.1', name: 'Thực hiện các hoạt động về theo dõi thi hành pháp luật', max: 1 },
            { code: '2.1.2', name: 'Xử lý kết quả theo dõi thi hành pháp luật', max: 1 },
          ],
        },
        { code: '2.2', name: 'Xử lý VBQPPL sau rà soát', max: 1.5 },
        { code: '2.3', name: 'Xử lý văn bản trái pháp luật phát hiện qua kiểm tra', max: 1.5 },
      ],
    },
    {
      code: '3',
      name: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      max: 13,
      children: [
        {
          code: '3.1',
          name: 'Kiểm soát quy định thủ tục hành chính (TTHC)',
          max: 1,
          children: [
            { code: '3.1.1', name: 'Thực hiện quy định về ban hành TTHC theo thẩm quyền', max: 0.5 },
            { code: '3.1.2', name: 'Xử lý các vấn đề phát hiện qua rà soát TTHC', max: 0.5 },
          ],
        },
        {
          code: '3.2',
          name: 'Công bố, công khai TTHC',
          max: 3,
          children: [
            { code: '3.2.1', name: 'Công bố TTHC/danh mục TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa bàn tỉnh', max: 0.25 },
            { code: '3.2.2', name: 'Nhập, đăng tải công khai TTHC vào Cơ sở dữ liệu quốc gia sau khi công bố', max: 0.25 },
            { code: '3.2.3', name: 'Tỷ lệ CQCM cấp tỉnh và ĐVHC cấp huyện, cấp xã công khai TTHC đầy đủ, đúng quy định tại nơi tiếp nhận, giải quyết TTHC', max: 1 },
            { code: '3.2.4', name: 'Công khai TTHC trên Cổng thông tin điện tử (TTĐT) của tỉnh và Trang TTĐT của các cơ quan, đơn vị', max: 0.75 },
            { code: '3.2.5', name: 'Công khai tiến độ, kết quả giải quyết hồ sơ TTHC trên Cổng TTĐT hoặc cổng dịch vụ công của tỉnh', max: 0.75 },
          ],
        },
        {
          code: '3.3',
          name: 'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông',
          max: 3.5,
          children: [
            { code: '3.3.1', name: 'Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa', max: 1.5 },
            { code: '3.3.2', name: 'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp', max: 1 },
            { code: '3.3.3', name: 'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền', max: 1 },
          ],
        },
        {
          code: '3.4',
          name: 'Kết quả giải quyết TTHC',
          max: 4.5,
          children: [
            { code: '3.4.1', name: 'Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn', max: 1.5 },
            { code: '3.4.2', name: 'Tỷ lệ hồ sơ TTHC do UBND Cấp huyện tiếp nhận trong năm được giải quyết đúng hạn', max: 1.5 },
            { code: '3.4.3', name: 'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn', max: 1 },
            { code: '3.4.4', name: 'Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC', max: 0.5 },
          ],
        },
        {
          code: '3.5',
          name: 'Công tác tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh',
          max: 1,
          children: [
            { code: '3.5.1', name: 'Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', max: 0.25 },
            { code: '3.5.2', name: 'Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', max: 0.75 },
          ],
        },
      ],
    },
    {
      code: '4',
      name: 'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH',
      max: 7.5,
      children: [
        {
          code: '4.1',
          name: 'Thực hiện quy định của Chính phủ và hướng dẫn của các bộ, ngành về tổ chức bộ máy',
          max: 3.5,
          children: [
            { code: '4.1.1', name: 'Sắp xếp tổ chức bộ máy và kiện toàn chức năng, nhiệm vụ của các CQCM cấp tỉnh, các phòng chuyên môn cấp huyện', max: 1 },
            { code: '4.1.2', name: 'Thực hiện quy định về cơ cấu số lượng lãnh đạo tại các cơ quan hành chính', max: 1.5 },
            { code: '4.1.3', name: 'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015', max: 1 },
          ],
        },
        {
          code: '4.2',
          name: 'Thực hiện quy định về sử dụng biên chế được cấp có thẩm quyền giao',
          max: 2.5,
          children: [
            { code: '4.2.1', name: 'Thực hiện quy định về sử dụng biên chế hành chính', max: 0.5 },
            { code: '4.2.2', name: 'Thực hiện quy định về số lượng người làm việc hưởng lương từ NSNN trong các đơn vị sự nghiệp công lập của tỉnh', max: 0.5 },
            { code: '4.2.3', name: 'Tỷ lệ giảm biên chế so với năm 2015', max: 1.5 },
          ],
        },
        {
          code: '4.3',
          name: 'Thực hiện phân cấp quản lý',
          max: 1.5,
          children: [
            { code: '4.3.1', name: 'Thực hiện các quy định về phân cấp quản lý do Chính phủ và các bộ, ngành ban hành', max: 0.25 },
            { code: '4.3.2', name: 'Thực hiện kiểm tra, đánh giá định kỳ đối với các nhiệm vụ quản lý nhà nước đã phân cấp cho cấp huyện, cấp xã', max: 0.25 },
            { code: '4.3.3', name: 'Xử lý các vấn đề về phân cấp phát hiện qua kiểm tra', max: 1 },
          ],
        },
      ],
    },
    {
      code: '5',
      name: 'XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CB, CC, VC',
      max: 7.5,
      children: [
        {
          code: '5.1',
          name: 'Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm',
          max: 2,
          children: [
            { code: '5.1.1', name: 'Tỷ lệ cơ quan, tổ chức hành chính của tỉnh bố trí công chức theo đúng vị trí việc làm được phê duyệt', max: 1 },
            { code: '5.1.2', name: 'Tỷ lệ đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt', max: 1 },
          ],
        },
        {
          code: '5.2',
          name: 'Tuyển dụng công chức, viên chức',
          max: 1,
          children: [
            { code: '5.2.1', name: 'Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tỉnh, ĐVHC cấp huyện, cấp xã', max: 0.5 },
            { code: '5.2.2', name: 'Thực hiện quy định về tuyển dụng viên chức tại các đơn vị sự nghiệp công lập thuộc tỉnh', max: 0.5 },
          ],
        },
        {
          code: '5.3',
          name: 'Thi nâng ngạch công chức, thăng hạng viên chức theo thẩm quyền của tỉnh',
          max: 1,
          children: [
            { code: '5.3.1', name: 'Thực hiện quy định về thi nâng ngạch công chức', max: 0.5 },
            { code: '5.3.2', name: 'Thực hiện quy định về thi, xét thăng hạng viên chức', max: 0.5 },
          ],
        },
        { code: '5.4', name: 'Thực hiện quy định về bổ nhiệm vị trí lãnh đạo tại các cơ quan hành chính', max: 0.75 },
        {
          code: '5.5',
          name: 'Thực hiện quy định về đánh giá, phân loại công chức, viên chức',
          max: 0.75,
          children: [
            { code: '5.5.1', name: 'Thực hiện trình tự, thủ tục đánh giá, phân loại công chức, viên chức theo quy định', max: 0.25 },
            { code: '5.5.2', name: 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', max: 0.5 },
          ],
        },
        { code: '5.6', name: 'Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức', max: 1 },
        {
          code: '5.7',
          name: 'Cán bộ, công chức cấp xã',
          max: 1,
          children: [
            { code: '5.7.1', name: 'Tỷ lệ đạt chuẩn của công chức cấp xã', max: 0.5 },
            { code: '5.7.2', name: 'Tỷ lệ đạt chuẩn của cán bộ cấp xã', max: 0.5 },
          ],
        },
      ],
    },
    {
      code: '6',
      name: 'CẢI CÁCH TÀI CHÍNH CÔNG',
      max: 8.5,
      children: [
        {
          code: '6.1',
          name: 'Tổ chức thực hiện công tác tài chính - ngân sách',
          max: 3,
          children: [
            { code: '6.1.1', name: 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm', max: 1 },
            { code: '6.1.2', name: 'Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách', max: 1 },
            { code: '6.1.3', name: 'Thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại cơ quan hành chính các cấp ở địa phương', max: 1 },
          ],
        },
        {
          code: '6.2',
          name: 'Công tác quản lý, sử dụng tài sản công',
          max: 2,
          children: [
            { code: '6.2.1', name: 'Ban hành quy định về phân cấp quản lý tài sản công theo Quy định của Luật Quản lý, sử dụng tài sản công', max: 0.5 },
            { code: '6.2.2', name: 'Ban hành tiêu chuẩn, định mức sử dụng diện tích chuyên dùng theo quy định tại Nghị định số 152/2017/NĐ-CP', max: 0.5 },
            { code: '6.2.3', name: 'Ban hành tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng theo quy định tại Quyết định số 50/2017/QĐ-TTG', max: 0.5 },
            { code: '6.2.4', name: 'Kiểm tra việc thực hiện các quy định về quản lý tài sản công', max: 0.5 },
          ],
        },
        {
          code: '6.3',
          name: 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm tại các đơn vị sự nghiệp công lập thuộc tỉnh',
          max: 3.5,
          children: [
            { code: '6.3.1', name: 'Số đơn vị SNCL tự bảo đảm chi thường xuyên', max: 1 },
            { code: '6.3.2', name: 'Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên', max: 0.5 },
            { code: '6.3.3', name: 'Thực hiện đúng quy định về việc phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm', max: 1 },
            { code: '6.3.4', name: 'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015', max: 1 },
          ],
        },
      ],
    },
    {
      code: '7',
      name: 'HIỆN ĐẠI HÓA HÀNH CHÍNH',
      max: 9.5,
      children: [
        {
          code: '7.1',
          name: 'Ứng dụng công nghệ thông tin (CNTT) của tỉnh',
          max: 4.5,
          children: [
            { code: '7.1.1', name: 'Triển khai Kiến trúc Chính quyền điện tử của tỉnh', max: 0.5 },
            { code: '7.1.2', name: 'Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử', max: 1 },
            { code: '7.1.3', name: 'Thực hiện kết quả liên thông các phần mềm quản lý văn bản (từ cấp tỉnh đến cấp xã)', max: 1 },
            { code: '7.1.4', name: 'Vận hành Hệ thống thông tin một cửa điện tử', max: 1 },
            { code: '7.1.5', name: 'Xây dựng cổng dịch vụ công', max: 1 },
          ],
        },
        {
          code: '7.2',
          name: 'Cung cấp dịch vụ công trực tuyến',
          max: 2.25,
          children: [
            { code: '7.2.1', name: 'Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm', max: 0.25 },
            { code: '7.2.2', name: 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3', max: 1 },
            { code: '7.2.3', name: 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 4', max: 1 },
          ],
        },
        {
          code: '7.3',
          name: 'Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích (BCCI)',
          max: 1.25,
          children: [
            { code: '7.3.1', name: 'Tỷ lệ TTHC đã triển khai có phát sinh hồ sơ tiếp nhận/trả kết quả giải quyết qua dịch vụ BCCI', max: 0.25 },
            { code: '7.3.2', name: 'Tỷ lệ hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI', max: 0.5 },
            { code: '7.3.3', name: 'Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI', max: 0.5 },
          ],
        },
        {
          code: '7.4',
          name: 'Áp dụng Hệ thống quản lý chất lượng (ISO 9001) theo quy định',
          max: 1.5,
          children: [
            { code: '7.4.1', name: 'Tỷ lệ CQCM cấp tỉnh, ĐVHC cấp huyện công bố ISO 9001 theo quy định', max: 0.5 },
            { code: '7.4.2', name: 'Tỷ lệ đơn vị hành chính cấp xã công bố ISO 9001 theo quy định', max: 0.5 },
            { code: '7.4.3', name: 'Tỷ lệ CQCM cấp tỉnh, ĐVHC cấp huyện thực hiện đúng việc duy trì, cải tiến ISO 9001 theo quy định', max: 0.5 },
          ],
        },
      ],
    },
    {
      code: '8',
      name: 'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KT-XH CỦA TỈNH',
      max: 4.5,
      children: [
        { code: '8.1', name: 'Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh (SIPAS)', surveyOnly: true },
        { code: '8.2', name: 'Mức độ thu hút đầu tư của tỉnh', max: 1 },
        {
          code: '8.3',
          name: 'Mức độ phát triển doanh nghiệp của tỉnh',
          max: 2,
          children: [
            { code: '8.3.1', name: 'Tỷ lệ doanh nghiệp thành lập mới trong năm 2019', max: 1 },
            { code: '8.3.2', name: 'Tỷ lệ đóng góp vào thu ngân sách của tỉnh', max: 1 },
          ],
        },
        { code: '8.4', name: 'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao', max: 1.5 },
      ],
    },
  ],
};
