// PAR INDEX, provincial level, as used for 2018–2019 (Quyết định 2636/QĐ-BNV ngày 10/12/2018).
// Fields, criteria and sub-criteria as in the Lào Cai appendix (Kế hoạch 221/KH-UBND, 17/6/2019):
// self-assessed part = 64.5 points; the sociological survey (điều tra XHH) makes up the rest of 100.
// Numbered items "(1)…(5)" inside 1.2 are coded "1.2(1)"…"1.2(5)". Trailing full stops of the
// source (1.2(3)–(5), 3.1.1–3.2.4, 6.1.3, 8.2) were dropped as typos; names are otherwise verbatim.
import { node, type Framework } from './schema';

export const PAR_2019_PROVINCE: Framework = {
  id: 'par-2019-province',
  index: 'PAR',
  name: 'Chỉ số cải cách hành chính cấp tỉnh (PAR INDEX) 2018–2019',
  source: 'Quyết định 2636/QĐ-BNV ngày 10/12/2018 của Bộ Nội vụ',
  validFrom: 2018,
  validTo: 2019,
  totalMax: 64.5,
  nodes: [
    node('1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 9, [
      node('1.1', 'Kế hoạch CCHC năm', 1.25),
      node('1.2', 'Thực hiện chế độ báo cáo định kỳ', 1.75, [
        node('1.2(1)', 'Báo cáo định kỳ về CCHC', 0.5),
        node('1.2(2)', 'Báo cáo năm về kiểm tra, rà soát VBQPPL', 0.25),
        node('1.2(3)', 'Báo cáo năm về theo dõi thi hành pháp luật', 0.25),
        node('1.2(4)', 'Báo cáo năm về đào tạo bồi dưỡng cán bộ, công chức, viên chức', 0.25),
        node('1.2(5)', 'Báo cáo định kỳ hàng quý, năm về kết quả ứng dụng CNTT', 0.5),
      ]),
      node('1.3', 'Kiểm tra công tác CCHC', 2, [
        node('1.3.1', 'Tỷ lệ cơ quan chuyên môn cấp tỉnh và đơn vị hành chính cấp huyện được kiểm tra trong năm', 1),
        node('1.3.2', 'Xử lý các vấn đề phát hiện qua kiểm tra', 1),
      ]),
      node('1.4', 'Công tác tuyên truyền CCHC', 1, [
        node('1.4.1', 'Mức độ hoàn thành kế hoạch tuyên truyền', 0.5),
        node('1.4.2', 'Mức độ đa dạng các hình thức tuyên truyền CCHC', 0.5),
      ]),
      node('1.5', 'Sáng kiến trong cải cách hành chính', 2),
      node('1.6', 'Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao', 1),
    ]),
    node('2', 'XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL TẠI TỈNH', 5, [
      node('2.1', 'Theo dõi thi hành pháp luật', 2, [
        node('2.1.1', 'Thực hiện các hoạt động về theo dõi thi hành pháp luật', 1),
        node('2.1.2', 'Xử lý kết quả theo dõi thi hành pháp luật', 1),
      ]),
      node('2.2', 'Xử lý VBQPPL sau rà soát', 1.5),
      node('2.3', 'Xử lý văn bản trái pháp luật phát hiện qua kiểm tra', 1.5),
    ]),
    node('3', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 13, [
      node('3.1', 'Kiểm soát quy định thủ tục hành chính (TTHC)', 1, [
        node('3.1.1', 'Thực hiện quy định về ban hành TTHC theo thẩm quyền', 0.5),
        node('3.1.2', 'Xử lý các vấn đề phát hiện qua rà soát TTHC', 0.5),
      ]),
      node('3.2', 'Công bố, công khai TTHC', 3, [
        node('3.2.1', 'Công bố TTHC/danh mục TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa bàn tỉnh', 0.25),
        node('3.2.2', 'Nhập, đăng tải công khai TTHC vào Cơ sở dữ liệu quốc gia sau khi công bố', 0.25),
        node('3.2.3', 'Tỷ lệ CQCM cấp tỉnh và ĐVHC cấp huyện, cấp xã công khai TTHC đầy đủ, đúng quy định tại nơi tiếp nhận, giải quyết TTHC', 1),
        node('3.2.4', 'Công khai TTHC trên Cổng thông tin điện tử (TTĐT) của tỉnh và Trang TTĐT của các cơ quan, đơn vị', 0.75),
        node('3.2.5', 'Công khai tiến độ, kết quả giải quyết hồ sơ TTHC trên Cổng TTĐT hoặc cổng dịch vụ công của tỉnh', 0.75),
      ]),
      node('3.3', 'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông', 3.5, [
        node('3.3.1', 'Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa', 1.5),
        node('3.3.2', 'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp', 1),
        node('3.3.3', 'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền', 1),
      ]),
      node('3.4', 'Kết quả giải quyết TTHC', 4.5, [
        node('3.4.1', 'Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn', 1.5),
        node('3.4.2', 'Tỷ lệ hồ sơ TTHC do UBND Cấp huyện tiếp nhận trong năm được giải quyết đúng hạn', 1.5),
        node('3.4.3', 'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn', 1),
        node('3.4.4', 'Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC', 0.5),
      ]),
      node('3.5', 'Công tác tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', 1, [
        node('3.5.1', 'Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', 0.25),
        node('3.5.2', 'Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', 0.75),
      ]),
    ]),
    node('4', 'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH', 7.5, [
      node('4.1', 'Thực hiện quy định của Chính phủ và hướng dẫn của các bộ, ngành về tổ chức bộ máy', 3.5, [
        node('4.1.1', 'Sắp xếp tổ chức bộ máy và kiện toàn chức năng, nhiệm vụ của các CQCM cấp tỉnh, các phòng chuyên môn cấp huyện', 1),
        node('4.1.2', 'Thực hiện quy định về cơ cấu số lượng lãnh đạo tại các cơ quan hành chính', 1.5),
        node('4.1.3', 'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015', 1),
      ]),
      node('4.2', 'Thực hiện quy định về sử dụng biên chế được cấp có thẩm quyền giao', 2.5, [
        node('4.2.1', 'Thực hiện quy định về sử dụng biên chế hành chính', 0.5),
        node('4.2.2', 'Thực hiện quy định về số lượng người làm việc hưởng lương từ NSNN trong các đơn vị sự nghiệp công lập của tỉnh', 0.5),
        node('4.2.3', 'Tỷ lệ giảm biên chế so với năm 2015', 1.5),
      ]),
      node('4.3', 'Thực hiện phân cấp quản lý', 1.5, [
        node('4.3.1', 'Thực hiện các quy định về phân cấp quản lý do Chính phủ và các bộ, ngành ban hành', 0.25),
        node('4.3.2', 'Thực hiện kiểm tra, đánh giá định kỳ đối với các nhiệm vụ quản lý nhà nước đã phân cấp cho cấp huyện, cấp xã', 0.25),
        node('4.3.3', 'Xử lý các vấn đề về phân cấp phát hiện qua kiểm tra', 1),
      ]),
    ]),
    node('5', 'XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CB, CC, VC', 7.5, [
      node('5.1', 'Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm', 2, [
        node('5.1.1', 'Tỷ lệ cơ quan, tổ chức hành chính của tỉnh bố trí công chức theo đúng vị trí việc làm được phê duyệt', 1),
        node('5.1.2', 'Tỷ lệ đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt', 1),
      ]),
      node('5.2', 'Tuyển dụng công chức, viên chức', 1, [
        node('5.2.1', 'Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tỉnh, ĐVHC cấp huyện, cấp xã', 0.5),
        node('5.2.2', 'Thực hiện quy định về tuyển dụng viên chức tại các đơn vị sự nghiệp công lập thuộc tỉnh', 0.5),
      ]),
      node('5.3', 'Thi nâng ngạch công chức, thăng hạng viên chức theo thẩm quyền của tỉnh', 1, [
        node('5.3.1', 'Thực hiện quy định về thi nâng ngạch công chức', 0.5),
        node('5.3.2', 'Thực hiện quy định về thi, xét thăng hạng viên chức', 0.5),
      ]),
      node('5.4', 'Thực hiện quy định về bổ nhiệm vị trí lãnh đạo tại các cơ quan hành chính', 0.75),
      node('5.5', 'Thực hiện quy định về đánh giá, phân loại công chức, viên chức', 0.75, [
        node('5.5.1', 'Thực hiện trình tự, thủ tục đánh giá, phân loại công chức, viên chức theo quy định', 0.25),
        node('5.5.2', 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', 0.5),
      ]),
      node('5.6', 'Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 1),
      node('5.7', 'Cán bộ, công chức cấp xã', 1, [
        node('5.7.1', 'Tỷ lệ đạt chuẩn của công chức cấp xã', 0.5),
        node('5.7.2', 'Tỷ lệ đạt chuẩn của cán bộ cấp xã', 0.5),
      ]),
    ]),
    node('6', 'CẢI CÁCH TÀI CHÍNH CÔNG', 8.5, [
      node('6.1', 'Tổ chức thực hiện công tác tài chính - ngân sách', 3, [
        node('6.1.1', 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm', 1),
        node('6.1.2', 'Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách', 1),
        node('6.1.3', 'Thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại cơ quan hành chính các cấp ở địa phương', 1),
      ]),
      node('6.2', 'Công tác quản lý, sử dụng tài sản công', 2, [
        node('6.2.1', 'Ban hành quy định về phân cấp quản lý tài sản công theo Quy định của Luật Quản lý, sử dụng tài sản công', 0.5),
        node('6.2.2', 'Ban hành tiêu chuẩn, định mức sử dụng diện tích chuyên dùng theo quy định tại Nghị định số 152/2017/NĐ-CP', 0.5),
        node('6.2.3', 'Ban hành tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng theo quy định tại Quyết định số 50/2017/QĐ-TTG', 0.5),
        node('6.2.4', 'Kiểm tra việc thực hiện các quy định về quản lý tài sản công', 0.5),
      ]),
      node('6.3', 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm tại các đơn vị sự nghiệp công lập thuộc tỉnh', 3.5, [
        node('6.3.1', 'Số đơn vị SNCL tự bảo đảm chi thường xuyên', 1),
        node('6.3.2', 'Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên', 0.5),
        node('6.3.3', 'Thực hiện đúng quy định về việc phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm', 1),
        node('6.3.4', 'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015', 1),
      ]),
    ]),
    node('7', 'HIỆN ĐẠI HÓA HÀNH CHÍNH', 9.5, [
      node('7.1', 'Ứng dụng công nghệ thông tin (CNTT) của tỉnh', 4.5, [
        node('7.1.1', 'Triển khai Kiến trúc Chính quyền điện tử của tỉnh', 0.5),
        node('7.1.2', 'Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử', 1),
        node('7.1.3', 'Thực hiện kết quả liên thông các phần mềm quản lý văn bản (từ cấp tỉnh đến cấp xã)', 1),
        node('7.1.4', 'Vận hành Hệ thống thông tin một cửa điện tử', 1),
        node('7.1.5', 'Xây dựng cổng dịch vụ công', 1),
      ]),
      node('7.2', 'Cung cấp dịch vụ công trực tuyến', 2.25, [
        node('7.2.1', 'Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm', 0.25),
        node('7.2.2', 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3', 1),
        node('7.2.3', 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 4', 1),
      ]),
      node('7.3', 'Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích (BCCI)', 1.25, [
        node('7.3.1', 'Tỷ lệ TTHC đã triển khai có phát sinh hồ sơ tiếp nhận/trả kết quả giải quyết qua dịch vụ BCCI', 0.25),
        node('7.3.2', 'Tỷ lệ hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI', 0.5),
        node('7.3.3', 'Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI', 0.5),
      ]),
      node('7.4', 'Áp dụng Hệ thống quản lý chất lượng (ISO 9001) theo quy định', 1.5, [
        node('7.4.1', 'Tỷ lệ CQCM cấp tỉnh, ĐVHC cấp huyện công bố ISO 9001 theo quy định', 0.5),
        node('7.4.2', 'Tỷ lệ đơn vị hành chính cấp xã công bố ISO 9001 theo quy định', 0.5),
        node('7.4.3', 'Tỷ lệ CQCM cấp tỉnh, ĐVHC cấp huyện thực hiện đúng việc duy trì, cải tiến ISO 9001 theo quy định', 0.5),
      ]),
    ]),
    node('8', 'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KT-XH CỦA TỈNH', 4.5, [
      { code: '8.1', name: 'Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh (SIPAS)', surveyOnly: true },
      node('8.2', 'Mức độ thu hút đầu tư của tỉnh', 1),
      node('8.3', 'Mức độ phát triển doanh nghiệp của tỉnh', 2, [
        node('8.3.1', 'Tỷ lệ doanh nghiệp thành lập mới trong năm 2019', 1),
        node('8.3.2', 'Tỷ lệ đóng góp vào thu ngân sách của tỉnh', 1),
      ]),
      node('8.4', 'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao', 1.5),
    ]),
  ],
};
