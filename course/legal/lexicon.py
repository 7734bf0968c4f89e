"""Everyday words -> legal terms: the bridge between how people ask and how the law is written.

Written by the team, ward-relevant topics first (labour, family and inheritance, neighbours and
land, debts, petty crime, procedure at the ward). Each entry: the everyday phrasings (matched
without diacritics, so "duoi viec" works too) and the legal wording added to the query.
"""

from __future__ import annotations

from course.legal.textnorm import fold, has_diacritics, words

# (everyday phrasings, legal terms to add)
LEXICON: list[tuple[tuple[str, ...], str]] = [
    # --- Lao động ---
    (("đuổi việc", "cho nghỉ việc", "cho thôi việc", "bị đuổi"),
     "người sử dụng lao động đơn phương chấm dứt hợp đồng lao động báo trước"),
    (("sa thải", "đuổi việc vì vi phạm", "đuổi việc vì kỷ luật"), "áp dụng hình thức xử lý kỷ luật sa thải"),
    (("nghỉ việc", "xin nghỉ", "bỏ việc", "nghỉ ngang", "thôi việc"),
     "người lao động đơn phương chấm dứt hợp đồng lao động báo trước"),
    (("nghỉ phép", "phép năm", "ngày phép"), "nghỉ hằng năm hưởng nguyên lương"),
    (("nghỉ đẻ", "sinh con", "thai sản", "có bầu", "mang bầu", "có thai"), "lao động nữ mang thai nghỉ thai sản"),
    (("về hưu", "nghỉ hưu", "lương hưu"), "tuổi nghỉ hưu"),
    (("làm thêm", "tăng ca", "làm thêm giờ"), "làm thêm giờ"),
    (("ca đêm", "làm đêm", "ban đêm"), "giờ làm việc ban đêm"),
    (("trừ lương", "cắt lương", "trừ bớt lương"), "khấu trừ tiền lương"),
    (("phạt tiền", "phạt lương"), "phạt tiền cắt lương thay việc xử lý kỷ luật lao động"),
    (("kỷ luật",), "hình thức xử lý kỷ luật lao động"),
    (("nợ lương", "chậm lương", "không trả lương", "trả lương chậm"),
     "không được trả đủ lương hoặc trả lương không đúng thời hạn"),
    (("trả hết tiền", "thanh toán hết", "quyết toán"), "thanh toán đầy đủ các khoản trách nhiệm khi chấm dứt hợp đồng"),
    (("tiền trợ cấp", "trợ cấp nghỉ việc", "được tiền"), "trợ cấp thôi việc trợ cấp mất việc làm"),
    (("thay đổi cơ cấu", "cắt giảm", "giảm biên chế", "thu hẹp sản xuất"),
     "thay đổi cơ cấu công nghệ lý do kinh tế trợ cấp mất việc làm"),
    (("giữ bằng", "giữ căn cước", "giữ chứng minh", "giữ giấy tờ", "giữ bản chính"),
     "giữ bản chính giấy tờ tùy thân văn bằng chứng chỉ của người lao động"),
    (("bao nhiêu tiếng", "mấy tiếng", "mấy giờ một ngày"), "thời giờ làm việc bình thường giờ trong 01 ngày"),
    (("tết", "nghỉ lễ", "ngày lễ"), "nghỉ lễ tết hưởng nguyên lương"),
    (("cưới vợ", "cưới chồng", "kết hôn", "đám cưới", "đám ma", "đám tang", "bố mẹ mất", "cha mẹ chết"),
     "nghỉ việc riêng hưởng nguyên lương kết hôn chết"),
    (("trẻ em", "trẻ con", "dưới 15 tuổi", "chưa đủ 15"), "người chưa đủ 15 tuổi người chưa thành niên"),
    (("giúp việc", "ô sin", "osin"), "lao động là người giúp việc gia đình"),
    (("bằng miệng", "không ký giấy", "nói miệng"), "giao kết hợp đồng bằng lời nói"),
    (("mấy loại", "các loại hợp đồng"), "loại hợp đồng lao động xác định thời hạn không xác định thời hạn"),
    (("hết hạn hợp đồng", "hợp đồng hết hạn"), "hợp đồng lao động hết hạn mà người lao động vẫn tiếp tục làm việc"),
    (("lương tối thiểu",), "mức lương tối thiểu vùng Chính phủ quy định"),
    (("người nước ngoài",), "người lao động nước ngoài làm việc tại Việt Nam giấy phép lao động điều kiện"),
    (("người già", "người cao tuổi", "đã nghỉ hưu"), "người lao động cao tuổi"),
    (("hòa giải",), "hòa giải viên lao động hòa giải"),
    (("tranh chấp với công ty", "kiện công ty"), "tranh chấp lao động cá nhân"),
    (("đình công",), "đình công"),
    (("bảo hiểm xã hội", "bhxh"), "tham gia bảo hiểm xã hội bắt buộc bảo hiểm y tế"),
    (("chăm con ốm", "con ốm"), "chăm sóc con ốm đau trợ cấp"),
    (("bán thời gian", "part time"), "làm việc không trọn thời gian"),
    (("nghĩa vụ quân sự", "đi bộ đội", "nhập ngũ"), "thực hiện nghĩa vụ quân sự tạm hoãn"),
    (("thử việc",), "thử việc thời gian thử việc tiền lương thử việc"),
    (("nghỉ trưa", "nghỉ giữa giờ", "nghỉ giữa ca"), "nghỉ trong giờ làm việc"),
    (("nghỉ không lương", "xin nghỉ không lương"), "nghỉ không hưởng lương"),
    (("nghỉ chủ nhật", "nghỉ cuối tuần", "ngày nghỉ trong tuần"), "nghỉ hằng tuần"),
    (("nội quy công ty", "nội quy"), "nội quy lao động"),
    (("cho nghỉ tạm để điều tra", "đình chỉ công việc"), "tạm đình chỉ công việc"),
    (("làm hỏng máy", "làm hỏng đồ của công ty", "làm mất đồ của công ty"),
     "bồi thường thiệt hại hư hỏng dụng cụ thiết bị tài sản của người sử dụng lao động"),
    (("quấy rối tình dục", "gạ gẫm"), "quấy rối tình dục tại nơi làm việc"),
    (("trả lương bằng", "trả lương qua tài khoản", "trả lương mấy lần"), "hình thức trả lương kỳ hạn trả lương"),
    (("ứng lương", "ứng trước lương"), "tạm ứng tiền lương"),
    (("tạm dừng hợp đồng", "hoãn hợp đồng"), "tạm hoãn thực hiện hợp đồng lao động"),
    (("công ty", "chủ doanh nghiệp", "ông chủ", "giám đốc"), "người sử dụng lao động"),
    (("công nhân", "nhân viên", "người làm thuê"), "người lao động"),
    (("hợp đồng thời vụ", "hợp đồng ngắn hạn", "hợp đồng có thời hạn"), "hợp đồng lao động xác định thời hạn"),
    (("ký mấy lần", "ký lại hợp đồng", "ký tiếp hợp đồng", "gia hạn hợp đồng"),
     "ký kết hợp đồng lao động xác định thời hạn chỉ được ký thêm 01 lần"),
    (("làm nhiều chỗ", "làm cho nhiều công ty", "làm hai nơi"), "giao kết nhiều hợp đồng lao động với nhiều người sử dụng lao động"),
    (("tiền tăng ca", "lương tăng ca", "lương làm thêm", "tiền làm thêm"),
     "tiền lương làm thêm giờ làm việc vào ban đêm"),
    (("thưởng tết", "tiền thưởng", "lương tháng 13"), "thưởng quy chế thưởng"),
    (("nuôi con nhỏ", "cho con bú", "con dưới 12 tháng"), "lao động nữ nuôi con dưới 12 tháng tuổi nghỉ mỗi ngày 60 phút"),
    (("nghỉ đẻ xong", "đi làm lại sau sinh", "sau khi sinh"), "bảo đảm việc làm cho lao động nghỉ thai sản"),
    (("công đoàn",), "công đoàn cơ sở tổ chức đại diện người lao động"),
    (("thỏa ước",), "thỏa ước lao động tập thể"),
    (("học việc", "học nghề", "tập nghề"), "học nghề tập nghề để làm việc cho người sử dụng lao động"),
    (("khuyết tật", "tàn tật"), "lao động là người khuyết tật"),
    (("mất việc", "bị mất việc"), "trợ cấp mất việc làm"),
    (("đuổi việc sai", "đuổi việc trái luật", "cho nghỉ việc trái luật", "đuổi việc không đúng luật"),
     "nghĩa vụ của người sử dụng lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật"),
    (("nghỉ việc trái luật", "nghỉ ngang trái luật", "tự ý bỏ việc"),
     "nghĩa vụ của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật"),
    # --- Gia đình, thừa kế ---
    (("không để lại di chúc", "không có di chúc", "không di chúc", "chia tài sản"),
     "thừa kế theo pháp luật hàng thừa kế chia di sản"),
    (("thừa kế", "chia thừa kế", "của cải để lại", "tài sản để lại"), "thừa kế di sản"),
    (("bố mất trước", "cha chết trước", "mẹ mất trước"), "thừa kế thế vị cháu được hưởng phần di sản"),
    (("viết tay", "không công chứng"), "di chúc bằng văn bản không có người làm chứng di chúc hợp pháp"),
    (("nói miệng để lại", "dặn lại", "trăng trối"), "di chúc miệng"),
    (("hết quyền đòi chia", "bao nhiêu năm"), "thời hiệu"),
    (("không có tên trong di chúc",), "người thừa kế không phụ thuộc vào nội dung của di chúc"),
    (("ly hôn", "bỏ vợ", "bỏ chồng"), "ly hôn"),
    (("thuận tình", "cùng đồng ý ly hôn"), "thuận tình ly hôn công nhận"),
    (("tiền nuôi con", "cấp dưỡng", "không nuôi"), "từ chối hoặc trốn tránh nghĩa vụ cấp dưỡng"),
    (("ép lấy chồng", "ép con gái lấy chồng", "ép cưới", "ép lấy vợ"), "cưỡng ép kết hôn"),
    (("tảo hôn", "chưa đủ tuổi kết hôn", "cưới khi chưa đủ tuổi"), "tổ chức tảo hôn"),
    (("ngoại tình", "có vợ mà", "có chồng mà", "sống chung với người khác"), "vi phạm chế độ một vợ một chồng"),
    (("đánh đập bố mẹ", "hành hạ bố mẹ", "bạo hành"), "ngược đãi hoặc hành hạ ông bà cha mẹ"),
    (("mồ côi",), "người giám hộ đương nhiên của người chưa thành niên không còn cha mẹ"),
    (("người lớn", "đủ tuổi trưởng thành", "trưởng thành"), "người thành niên đủ mười tám tuổi"),
    (("đổi tên",), "quyền thay đổi tên"),
    (("chuyển giới",), "chuyển đổi giới tính"),
    (("ở chung", "sống chung một nhà"), "nơi cư trú của vợ chồng"),
    (("biệt tích", "mất tích", "đi biệt", "bỏ đi không về"), "tuyên bố mất tích tuyên bố chết biệt tích"),
    # --- Hàng xóm, đất đai, tài sản ---
    (("lấn đất", "lấn sang", "xây lấn", "lấn chiếm"), "ranh giới giữa các bất động sản mốc giới"),
    (("lối đi", "không có đường đi", "vây kín", "bị vây"), "quyền về lối đi qua bất động sản bị vây bọc"),
    (("nước mưa", "mái nhà"), "thoát nước mưa"),
    (("nước thải", "cống"), "thoát nước thải"),
    (("chó cắn", "chó nhà", "trâu bò húc", "súc vật"), "súc vật gây thiệt hại bồi thường"),
    (("cây đổ", "cây gãy", "cành cây"), "cây cối gây thiệt hại bồi thường"),
    (("nhà sập", "tường đổ", "công trình sập"), "nhà cửa công trình xây dựng gây thiệt hại"),
    (("của rơi", "nhặt được", "đánh rơi", "bỏ quên"), "tài sản do người khác đánh rơi bỏ quên"),
    (("đi lạc", "thất lạc", "trâu bò", "gia súc"), "gia súc bị thất lạc"),
    (("đào được", "chôn dưới đất", "vàng chôn"), "tài sản bị chôn giấu vùi lấp được tìm thấy"),
    (("cho nhà đất", "cho con nhà", "cho đất"), "tặng cho bất động sản công chứng chứng thực đăng ký"),
    (("thuê nhà", "tiền nhà"), "hợp đồng thuê tài sản trả tiền thuê"),
    (("mượn xe", "mượn đồ", "đi mượn"), "nghĩa vụ của bên mượn tài sản bồi thường"),
    (("bảo hành", "hàng bị hỏng", "hàng lỗi"), "nghĩa vụ bảo hành"),
    (("say rượu", "say xỉn"), "không nhận thức và làm chủ được hành vi dùng rượu bia"),
    (("bị lừa",), "lừa dối đe dọa cưỡng ép vô hiệu"),
    (("có giá trị không", "có hiệu lực không", "còn giá trị", "có giá trị"), "hiệu lực giao dịch dân sự vô hiệu"),
    (("ủy quyền", "nhờ người khác", "làm thay"), "đại diện theo ủy quyền hợp đồng ủy quyền"),
    (("đăng ảnh", "ảnh của người khác", "chụp ảnh"), "quyền của cá nhân đối với hình ảnh"),
    (("đặt cọc", "tiền cọc", "mất cọc", "bỏ cọc"), "đặt cọc"),
    (("cầm đồ", "đem cầm", "tiệm cầm đồ"), "cầm cố tài sản"),
    (("thế chấp", "cắm sổ đỏ", "cắm sổ"), "thế chấp tài sản thế chấp quyền sử dụng đất"),
    (("mua bán nhà", "mua đất", "bán đất", "mua nhà"), "hợp đồng mua bán tài sản"),
    (("đòi lại", "lấy lại đồ", "chiếm giữ đồ của tôi"), "quyền đòi lại tài sản"),
    (("nhà bên cạnh", "nhà liền kề", "hàng xóm sát vách", "tường chung"), "bất động sản liền kề"),
    (("mở cửa sổ nhìn sang", "trổ cửa"), "trổ cửa nhìn sang bất động sản liền kề"),
    (("khói bụi", "tiếng ồn", "ô nhiễm", "mùi hôi"), "nghĩa vụ bảo vệ môi trường làm ô nhiễm môi trường"),
    (("khai sinh", "làm giấy khai sinh", "khai tử"), "quyền được khai sinh khai tử"),
    (("quốc tịch",), "quyền đối với quốc tịch"),
    (("tài sản chung vợ chồng", "của chung vợ chồng"), "sở hữu chung của vợ chồng"),
    (("con nuôi", "nhận nuôi"), "con nuôi cha nuôi mẹ nuôi"),
    (("mua trả góp", "trả góp"), "mua trả chậm trả dần"),
    (("gửi xe", "giữ xe", "trông xe", "gửi đồ"), "hợp đồng gửi giữ tài sản bên giữ tài sản"),
    (("thuê xe", "cho thuê xe", "cho thuê đồ"), "hợp đồng thuê tài sản"),
    (("chung cư", "căn hộ"), "sở hữu chung trong nhà chung cư"),
    (("hàng rào", "tường rào", "cột mốc"), "mốc giới ngăn cách các bất động sản"),
    (("cây nhà hàng xóm", "cây ngả sang", "rễ cây", "cành cây sang"), "ranh giới giữa các bất động sản cây cối"),
    (("dây điện", "kéo điện", "cột điện"), "mắc đường dây tải điện thông tin liên lạc qua bất động sản khác"),
    (("ống nước", "đường nước", "dẫn nước"), "quyền về cấp thoát nước qua bất động sản liền kề"),
    (("tưới ruộng", "nước ruộng", "tháo nước"), "quyền về tưới nước tiêu nước trong canh tác"),
    (("xây nhà", "xây dựng nhà", "nứt nhà", "nứt tường"), "nghĩa vụ tôn trọng quy tắc xây dựng"),
    (("nợ của người chết", "để lại nợ", "trả nợ thay", "nợ của bố mẹ"), "thực hiện nghĩa vụ tài sản do người chết để lại"),
    (("không nhận thừa kế", "không muốn nhận thừa kế", "từ chối thừa kế"), "từ chối nhận di sản"),
    (("con riêng", "bố dượng", "mẹ kế", "cha dượng", "dì ghẻ"), "quan hệ thừa kế giữa con riêng và bố dượng mẹ kế"),
    (("sửa di chúc", "đổi di chúc", "hủy di chúc", "viết lại di chúc"), "sửa đổi bổ sung thay thế hủy bỏ di chúc"),
    (("không được hưởng thừa kế", "bị tước quyền thừa kế", "truất quyền thừa kế"), "người không được quyền hưởng di sản"),
    (("mua phải đồ", "mua nhầm đồ", "đồ gian"), "quyền đòi lại động sản từ người chiếm hữu ngay tình"),
    (("hủy hợp đồng", "không muốn mua nữa", "đòi hủy"), "hủy bỏ hợp đồng"),
    (("phạt hợp đồng", "phạt vi phạm hợp đồng"), "thỏa thuận phạt vi phạm"),
    (("tâm thần", "bị điên", "mất trí"), "mất năng lực hành vi dân sự"),
    (("lú lẫn", "lẩm cẩm", "lẫn rồi"), "người có khó khăn trong nhận thức làm chủ hành vi"),
    (("đặt tên", "họ của con", "theo họ"), "quyền có họ tên"),
    (("hiến tạng", "hiến xác", "hiến thận", "hiến máu"), "quyền hiến nhận mô bộ phận cơ thể người hiến lấy xác"),
    (("đọc trộm tin nhắn", "xem trộm điện thoại", "đời tư", "chuyện riêng"),
     "quyền về đời sống riêng tư bí mật cá nhân bí mật gia đình"),
    (("xe khách", "nhà xe"), "hợp đồng vận chuyển hành khách"),
    (("gửi hàng", "chở hàng", "vận chuyển hàng"), "hợp đồng vận chuyển tài sản"),
    (("treo thưởng", "hứa cho tiền", "ai tìm được"), "hứa thưởng"),
    (("làm giúp", "làm hộ", "trông hộ"), "thực hiện công việc không có ủy quyền"),
    (("chuyển khoản nhầm", "chuyển nhầm tiền", "nhận nhầm tiền", "chuyển nhầm"),
     "nghĩa vụ hoàn trả do chiếm hữu sử dụng được lợi về tài sản không có căn cứ pháp luật"),
    (("bảo lãnh vay", "đứng ra bảo lãnh", "bảo lãnh nợ"), "bảo lãnh bên bảo lãnh nghĩa vụ"),
    # --- Nợ nần, vay mượn ---
    (("vay tiền", "cho vay", "mượn tiền", "vay nợ", "không trả nợ", "không trả tiền"),
     "hợp đồng vay tài sản nghĩa vụ trả nợ của bên vay"),
    (("lãi cao", "lấy lãi", "lãi suất", "tiền lãi"), "lãi suất"),
    (("nặng lãi", "vay nặng lãi", "tín dụng đen"), "cho vay lãi nặng trong giao dịch dân sự"),
    (("chơi hụi", "giật hụi", "chơi họ", "biêu", "phường hụi"), "họ hụi biêu phường"),
    (("bỏ trốn không trả", "vay rồi bỏ trốn", "quỵt nợ", "xù nợ"), "lạm dụng tín nhiệm chiếm đoạt tài sản bỏ trốn"),
    # --- Bồi thường ---
    (("đền", "đền bù", "đền tiền", "bồi thường"), "bồi thường thiệt hại"),
    (("bị thương", "gây thương tích"), "sức khỏe bị xâm phạm thương tích"),
    (("đâm chết", "chết người", "tử vong"), "tính mạng bị xâm phạm làm chết người"),
    (("xe đâm", "xe tông", "đâm xe"), "phương tiện giao thông vận tải cơ giới nguồn nguy hiểm cao độ"),
    (("nói xấu", "bôi nhọ", "mất uy tín", "xúc phạm danh dự"), "danh dự nhân phẩm uy tín bị xâm phạm"),
    (("con dưới 15 tuổi", "trẻ con gây", "con gây ra"), "năng lực chịu trách nhiệm bồi thường thiệt hại người chưa đủ mười lăm tuổi cha mẹ"),
    (("đi kiện", "khởi kiện", "kiện ra tòa"), "khởi kiện thời hiệu khởi kiện"),
    # --- Hình sự ---
    (("ăn trộm", "trộm", "ăn cắp", "lấy trộm", "kẻ trộm"), "trộm cắp tài sản"),
    (("lừa đảo", "lừa chuyển tiền", "lừa tiền", "lừa qua điện thoại", "gọi điện thoại lừa"),
     "lừa đảo chiếm đoạt tài sản mạng viễn thông"),
    (("giật túi", "giật đồ", "giật điện thoại", "cướp giật"), "cướp giật tài sản"),
    (("cướp",), "cướp tài sản"),
    (("đánh người", "đánh nhau", "đánh bị thương", "chém"), "cố ý gây thương tích tổn hại sức khỏe"),
    (("đánh bài", "đánh bạc", "cờ bạc", "ăn tiền", "lô đề", "cá độ"), "đánh bạc trái phép"),
    (("sòng bạc", "gá bạc", "mở sòng"), "tổ chức đánh bạc gá bạc"),
    (("say rượu lái xe", "lái xe", "tai nạn giao thông", "gây tai nạn"), "vi phạm quy định về tham gia giao thông đường bộ"),
    (("ma túy", "heroin", "thuốc lắc", "cần sa"), "tàng trữ trái phép chất ma túy"),
    (("giết người", "giết chết"), "tội giết người"),
    (("hiếp dâm", "cưỡng hiếp"), "tội hiếp dâm"),
    (("bắt cóc",), "bắt cóc nhằm chiếm đoạt tài sản"),
    (("tống tiền", "dọa để lấy tiền", "đòi tiền chuộc"), "cưỡng đoạt tài sản"),
    (("buôn người", "bán người"), "mua bán người"),
    (("nhặt được không trả", "giữ của rơi", "không trả lại tiền chuyển nhầm", "chuyển nhầm"),
     "chiếm giữ trái phép tài sản"),
    (("mua đồ ăn cắp", "mua đồ trộm", "tiêu thụ đồ"), "chứa chấp hoặc tiêu thụ tài sản do người khác phạm tội mà có"),
    (("che giấu", "giấu người phạm tội", "cho trốn"), "che giấu tội phạm"),
    (("đánh vợ", "đánh chồng", "đánh con", "bạo lực gia đình"), "ngược đãi hoặc hành hạ vợ chồng con hành hạ người khác"),
    (("mại dâm", "gái bán hoa", "bán dâm", "mua dâm", "dắt gái"), "chứa mại dâm môi giới mại dâm"),
    (("đua xe", "bão đường"), "đua xe trái phép tổ chức đua xe trái phép"),
    (("cho mượn xe", "giao xe cho", "không có bằng lái"),
     "giao cho người không đủ điều kiện điều khiển các phương tiện tham gia giao thông đường bộ"),
    (("súng", "dao kiếm", "vũ khí", "kíp nổ", "thuốc nổ"), "tàng trữ sử dụng trái phép vũ khí vật liệu nổ"),
    (("hack", "xâm nhập máy tính", "hack tài khoản", "hack facebook"), "xâm nhập trái phép vào mạng máy tính mạng viễn thông"),
    (("tham ô", "rút ruột", "biển thủ"), "tham ô tài sản"),
    (("mấy tuổi thì phải đi tù", "trẻ con phạm tội", "mấy tuổi phạm tội"), "tuổi chịu trách nhiệm hình sự"),
    (("tự vệ",), "phòng vệ chính đáng"),
    (("án treo",), "án treo"),
    (("xóa án tích", "đi tù về", "lý lịch"), "xóa án tích đương nhiên được xóa án tích"),
    (("chửi", "lăng mạ", "xúc phạm"), "làm nhục người khác xúc phạm nghiêm trọng nhân phẩm danh dự"),
    (("bịa chuyện", "vu oan", "vu khống", "tố cáo sai"), "vu khống bịa đặt"),
    (("xông vào nhà", "vào nhà người khác", "lục soát"), "xâm phạm chỗ ở của người khác khám xét trái pháp luật"),
    (("nhận tiền của dân", "ăn hối lộ", "nhận phong bì", "vòi tiền"), "nhận hối lộ chức vụ quyền hạn"),
    (("đưa tiền cho cán bộ", "đút lót", "chạy việc", "để được việc"), "đưa hối lộ"),
    (("chống công an", "chống người thi hành", "chống lại công an"), "chống người thi hành công vụ"),
    (("làm giả con dấu", "giấy tờ giả", "làm giả giấy tờ"), "làm giả con dấu tài liệu của cơ quan tổ chức"),
    (("đập phá", "phá hoại", "làm hỏng đồ"), "hủy hoại hoặc cố ý làm hư hỏng tài sản"),
    (("phá rừng", "chặt phá rừng", "làm nương rẫy"), "hủy hoại rừng"),
    (("gây rối", "mất trật tự"), "gây rối trật tự công cộng"),
    (("xem bói", "lên đồng", "bói toán", "cúng bái lấy tiền"), "hành nghề mê tín dị đoan"),
    (("dọa giết",), "đe dọa giết người"),
    (("hàng giả", "hàng nhái"), "sản xuất buôn bán hàng giả"),
    (("sàm sỡ", "sờ mó", "quấy rối trẻ em"), "dâm ô đối với người dưới 16 tuổi"),
    (("trốn nghĩa vụ quân sự", "trốn đi lính"), "trốn tránh nghĩa vụ quân sự"),
    (("không cứu", "bỏ mặc người bị nạn", "thấy chết không cứu"), "không cứu giúp người đang ở trong tình trạng nguy hiểm đến tính mạng"),
    (("giảm nhẹ", "giảm án"), "tình tiết giảm nhẹ trách nhiệm hình sự"),
    (("không báo công an", "không tố giác", "biết mà không báo"), "không tố giác tội phạm"),
    (("đi tù", "ngồi tù", "bỏ tù"), "phạt tù"),
    (("mua bán trẻ em", "bán trẻ em", "bán con"), "mua bán người dưới 16 tuổi"),
    (("trốn thuế", "khai gian thuế"), "trốn thuế"),
    (("buôn lậu", "hàng lậu"), "buôn lậu"),
    (("tiền giả",), "làm tàng trữ vận chuyển lưu hành tiền giả"),
    (("trồng cần sa", "trồng thuốc phiện", "trồng cây thuốc phiện"), "trồng cây thuốc phiện cây cần sa"),
    (("nhốt người", "giam người", "giữ người"), "bắt giữ hoặc giam người trái pháp luật"),
    (("đọc trộm thư", "nghe lén", "xem trộm thư"), "xâm phạm bí mật hoặc an toàn thư tín điện thoại"),
    (("tung lên mạng", "đăng lên mạng", "phát tán", "tung ảnh", "tung clip"),
     "đưa hoặc sử dụng trái phép thông tin mạng máy tính mạng viễn thông"),
    (("quan hệ với trẻ em", "quan hệ với bé gái", "ngủ với trẻ em", "quan hệ tình dục với"),
     "giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người từ đủ 13 tuổi đến dưới 16 tuổi"),
    (("loạn luân",), "loạn luân"),
    (("vứt con", "bỏ con mới đẻ", "vứt bỏ trẻ sơ sinh"), "giết hoặc vứt bỏ con mới đẻ"),
    (("ép chết", "ép tự tử", "đày đọa đến chết"), "bức tử"),
    (("xúi tự tử", "rủ tự tử", "giúp tự tử"), "xúi giục hoặc giúp người khác tự sát"),
    (("lỡ tay", "vô tình làm chết", "không cố ý"), "vô ý làm chết người vô ý gây thương tích"),
    (("cháy nhà", "gây cháy", "chập điện cháy"), "vi phạm quy định về phòng cháy chữa cháy"),
    (("bẫy điện", "giăng điện", "điện giật chết"), "vi phạm quy định về an toàn vận hành công trình điện lực sử dụng điện"),
    (("săn bắt", "bẫy chim", "thú rừng", "động vật hoang dã"), "vi phạm quy định về quản lý bảo vệ động vật hoang dã nguy cấp quý hiếm"),
    (("kích điện", "đánh cá bằng điện", "đánh cá bằng mìn", "rà điện"), "hủy hoại nguồn lợi thủy sản"),
    (("đất công", "chiếm đất", "lấn đất công"), "vi phạm các quy định về sử dụng đất đai quản lý đất đai"),
    (("phá thai", "nạo thai"), "phá thai trái phép"),
    (("trốn trại", "vượt ngục", "trốn khỏi trại giam"), "trốn khỏi nơi giam giữ"),
    (("ăn chặn", "ăn bớt tiền hỗ trợ", "cắt xén tiền"), "tham ô tài sản lợi dụng chức vụ quyền hạn chiếm đoạt tài sản"),
    (("hạch sách", "nhũng nhiễu", "làm khó dân", "cửa quyền"), "lợi dụng chức vụ quyền hạn trong khi thi hành công vụ"),
    (("tắc trách", "làm ẩu", "cẩu thả gây thiệt hại"), "thiếu trách nhiệm gây hậu quả nghiêm trọng"),
    (("khai man", "khai gian", "làm chứng gian", "làm chứng sai"), "cung cấp tài liệu sai sự thật hoặc khai báo gian dối"),
    (("không chịu thi hành án", "chây ì thi hành án", "không chấp hành bản án"), "không chấp hành án"),
    (("trẻ vị thành niên phạm tội", "dưới 18 tuổi phạm tội", "con chưa đủ 18"), "người dưới 18 tuổi phạm tội"),
    (("ra tù sớm", "ra tù trước hạn", "giảm án tù"), "tha tù trước thời hạn có điều kiện"),
    (("hoãn đi tù", "chưa phải đi tù", "xin hoãn tù"), "hoãn chấp hành hình phạt tù"),
    (("phạm tội lần nữa", "tái phạm", "lại phạm tội"), "tái phạm tái phạm nguy hiểm"),
    (("rủ nhau", "xúi giục", "cầm đầu"), "đồng phạm người tổ chức người xúi giục người giúp sức"),
    (("bỏ dở không làm nữa", "định làm rồi thôi", "dừng lại không làm"), "tự ý nửa chừng chấm dứt việc phạm tội"),
    # --- Tố tụng ---
    (("báo tin", "trình báo", "báo công an"), "tố giác tin báo về tội phạm tiếp nhận"),
    (("bắt quả tang", "đang lấy đồ", "bắt được kẻ"), "bắt người phạm tội quả tang"),
    (("tạm giữ",), "thời hạn tạm giữ"),
    (("bắt khẩn cấp",), "bắt người trong trường hợp khẩn cấp"),
    (("khám nhà", "khám xét"), "khám xét chỗ ở"),
    (("làm chứng", "nhân chứng"), "người làm chứng"),
    (("khiếu nại",), "khiếu nại tố cáo"),
    (("bảo lãnh", "xin về nhà", "xin tại ngoại"), "bảo lĩnh biện pháp ngăn chặn thay thế tạm giam"),
    (("nộp tiền để được tại ngoại", "đặt tiền", "tại ngoại"), "đặt tiền để bảo đảm"),
    (("luật sư", "mời luật sư"), "người bào chữa lựa chọn người bào chữa"),
    (("bị hại yêu cầu", "người bị hại yêu cầu"), "khởi tố vụ án hình sự theo yêu cầu của bị hại"),
    (("đầu thú", "ra đầu thú", "tự thú"), "người phạm tội tự thú đầu thú"),
    (("kháng cáo", "không đồng ý bản án", "không phục bản án"), "thời hạn kháng cáo"),
    (("cấm đi khỏi", "không được đi khỏi"), "cấm đi khỏi nơi cư trú"),
    (("nộp đơn ở tòa án nào", "tòa án nào"), "thẩm quyền của Tòa án nhân dân cấp huyện theo lãnh thổ"),
    (("đơn kiện", "viết đơn khởi kiện"), "đơn khởi kiện hình thức nội dung"),
    (("trả lại đơn",), "trả lại đơn khởi kiện"),
    (("án phí", "tiền tạm ứng"), "nghĩa vụ nộp tiền tạm ứng án phí"),
    (("không được hòa giải",), "những vụ án dân sự không được hòa giải"),
    (("hòa giải trước khi xét xử",), "nguyên tắc tiến hành hòa giải"),
    (("bị giam bao lâu", "tạm giam bao lâu", "giam bao lâu"), "thời hạn tạm giam"),
    (("gặp người bị bắt", "thăm người bị giam", "gặp người nhà bị bắt"), "gặp người bị tạm giữ tạm giam"),
    (("không biết tiếng việt", "người dân tộc", "tiếng dân tộc", "phiên dịch"),
     "tiếng nói và chữ viết dùng trong tố tụng người phiên dịch"),
    (("xử nhanh", "rút gọn"), "thủ tục rút gọn"),
    (("hoãn xử", "hoãn phiên tòa", "không đến tòa", "vắng mặt ở tòa"), "hoãn phiên tòa vắng mặt"),
    (("xem xét lại bản án", "án đã có hiệu lực", "xử sai"), "giám đốc thẩm tái thẩm bản án đã có hiệu lực pháp luật"),
    (("bằng chứng", "nộp chứng cứ", "chứng cứ"), "giao nộp chứng cứ thu thập chứng cứ"),
    (("miễn án phí", "không có tiền nộp án phí", "giảm án phí"), "miễn giảm án phí"),
    (("cấm lại gần", "cấm tiếp xúc"), "cấm tiếp xúc với nạn nhân bạo lực gia đình"),
    # --- Hàng hải ---
    (("tàu cá", "tàu thuyền", "tàu đâm", "đâm vào tàu"), "tai nạn đâm va tàu biển lỗi"),
    (("chìm dưới biển", "tài sản chìm", "trục vớt"), "tài sản chìm đắm trục vớt"),
    (("cứu người bị nạn trên biển", "cứu người trên biển"), "tiền thưởng cứu người cứu hộ hàng hải"),
    (("thuyền viên",), "thuyền viên"),
    (("bắt giữ tàu", "giữ tàu", "tàu bị giữ"), "bắt giữ tàu biển"),
    (("thuê tàu",), "hợp đồng thuê tàu"),
    (("đăng ký tàu", "đăng ký thuyền"), "đăng ký tàu biển"),
    (("chở hàng bằng tàu", "gửi hàng bằng tàu", "hàng trên tàu bị"), "hợp đồng vận chuyển hàng hóa bằng đường biển"),
    (("tràn dầu", "ô nhiễm biển", "dầu loang"), "ô nhiễm môi trường do tàu gây ra"),
    (("thuyền trưởng",), "thuyền trưởng quyền và nghĩa vụ"),
]


def _compile() -> list[tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str]]:
    out = []
    for phrases, terms in LEXICON:
        accented = tuple(tuple(words(p)) for p in phrases)
        folded = tuple(tuple(fold(w) for w in key) for key in accented)
        out.append((accented, folded, terms))
    return out


_COMPILED = _compile()


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i:i + n]) == phrase for i in range(len(tokens) - n + 1))


def expand(query: str, restored: str = "") -> list[tuple[str, str]]:
    """Legal terms for the everyday phrases found in `query`: [(matched phrase, legal terms)].

    An accented query is matched with its accents ("cống" is not "công"). For a query typed without
    diacritics, phrases of two or more syllables are matched on folded forms, but one-syllable
    phrases (too ambiguous folded: "den" is "đến" far more often than "đền") only on `restored`,
    the query with its diacritics restored.
    """
    accented = has_diacritics(query)
    toks = [w if accented else fold(w) for w in words(query)]
    restored_toks = words(restored) if restored and not accented else []
    found = []
    for acc_keys, fold_keys, terms in _COMPILED:
        for acc_key, fold_key in zip(acc_keys, fold_keys, strict=True):
            if accented:
                hit = _contains(toks, acc_key)
            elif len(fold_key) > 1:
                hit = _contains(toks, fold_key)
            else:
                hit = _contains(restored_toks, acc_key)
            if hit:
                found.append((" ".join(acc_key), terms))
                break
    return found


# How people phrase questions: rare in the law's own text, so diacritic restoration learns these
# syllable pairs here ("bao nhieu" is "bao nhiêu", not "bảo nhiều").
QUESTION_WORDING: tuple[str, ...] = (
    "bao nhiêu", "bao nhiêu năm", "bao nhiêu tiền", "bao nhiêu ngày", "bao lâu", "trong bao lâu",
    "bao giờ", "khi nào", "lúc nào", "như thế nào", "thế nào", "ra sao", "xử lý ra sao",
    "làm gì", "phải làm gì", "cần làm gì", "cần những gì", "cần những giấy tờ gì", "những gì",
    "ở đâu", "nộp ở đâu", "ai có quyền", "ai phải", "ai chịu", "có được không", "được không",
    "có phải không", "hay không", "có bị không", "có cần", "cần có", "mấy ngày", "mấy tháng",
    "mấy năm", "tối đa", "tối thiểu", "ít nhất", "nhiều nhất", "trước khi", "sau khi",
    "kể từ khi", "trong trường hợp nào", "những trường hợp nào", "điều kiện gì", "nội dung gì",
    "nghĩa vụ gì", "trách nhiệm gì", "quyền gì", "thủ tục gì", "đi tù", "bị phạt", "đi làm",
    "nếu", "nếu không", "thì sao", "có sao không", "của mình",
)


def phrases() -> list[str]:
    """Every everyday phrase and legal wording (accented), to teach diacritic restoration."""
    return [p for keys, terms in LEXICON for p in (*keys, terms)] + list(QUESTION_WORDING)


# Words that name a field of law, matched without diacritics -> the codes (số hiệu) of that field.
DOCUMENT_CUES: list[tuple[tuple[str, ...], frozenset[str]]] = [
    (("bộ luật dân sự",), frozenset({"91/2015/QH13"})),
    (("bộ luật hình sự",), frozenset({"100/2015/QH13"})),
    (("bộ luật lao động",), frozenset({"45/2019/QH14"})),
    (("tố tụng dân sự", "vụ án dân sự", "vụ việc dân sự", "bản án dân sự", "đương sự", "nguyên đơn",
      "bị đơn"), frozenset({"92/2015/QH13"})),
    (("tố tụng hình sự", "vụ án hình sự", "phiên tòa hình sự", "bản án hình sự", "cơ quan điều tra",
      "điều tra viên", "bị can", "bị cáo", "kiểm sát viên"), frozenset({"101/2015/QH13"})),
    (("hàng hải", "tàu biển", "thuyền viên", "thuyền trưởng", "chủ tàu", "cảng biển"),
     frozenset({"95/2015/QH13"})),
    (("hình sự",), frozenset({"100/2015/QH13", "101/2015/QH13"})),
    (("dân sự",), frozenset({"91/2015/QH13", "92/2015/QH13"})),
    (("người lao động", "người sử dụng lao động"), frozenset({"45/2019/QH14"})),
    (("phạt tù",), frozenset({"100/2015/QH13"})),
]
_CUES = [(tuple(" " + " ".join(fold(w) for w in words(k)) + " " for k in keys), docs) for keys, docs in DOCUMENT_CUES]


def cued_documents(query: str) -> set[str]:
    """Số hiệu of the codes whose field the question names ("vụ án hình sự" -> criminal procedure)."""
    text = " " + " ".join(fold(w) for w in words(query)) + " "
    return {sh for keys, docs in _CUES if any(k in text for k in keys) for sh in docs}
