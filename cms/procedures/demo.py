"""Demo register of administrative procedures handled by Phường Mộc Châu, loaded through the CSV importer.

Since 1 July 2025 the commune level (communes, wards) handles the procedures the district did: household business
registration, building permits for houses, civil status with a foreign element and others (the agencies below
are the ward's People's Committee and its departments, cms/organisation/demo.py).

The codes follow the national database's form; check each against csdl.dichvucong.gov.vn before a real launch.
"""

import csv
import io

from cms.procedures.importer import COLUMNS, import_procedures
from cms.procedures.models import ProcedureIndexPage

INDEX = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "intro": "Thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường Mộc Châu, nộp tại Trung tâm Phục vụ "
    "hành chính công phường hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
}
AGENCY = "UBND phường Mộc Châu"
ECONOMY = "Phòng Kinh tế, Hạ tầng và Đô thị phường Mộc Châu"
CULTURE = "Phòng Văn hóa - Xã hội phường Mộc Châu"


# code, title, field, level, processing time, fees, agency, documents (one per line)
PROCEDURES = [
    (
        "2.000720",
        "Đăng ký thành lập hộ kinh doanh",
        "Thành lập và hoạt động của hộ kinh doanh",
        "Toàn trình",
        "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "100.000 đồng/lần (miễn khi nộp trực tuyến)",
        ECONOMY,
        "Giấy đề nghị đăng ký hộ kinh doanh\nBản sao biên bản họp thành viên hộ gia đình (nếu có)",
    ),
    (
        "2.000575",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "Thành lập và hoạt động của hộ kinh doanh",
        "Toàn trình",
        "03 ngày làm việc",
        "50.000 đồng/lần",
        ECONOMY,
        "Thông báo thay đổi nội dung đăng ký hộ kinh doanh\nGiấy chứng nhận đăng ký hộ kinh doanh đã cấp",
    ),
    (
        "1.009994",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Hoạt động xây dựng",
        "Một phần",
        "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
        "75.000 đồng/giấy phép",
        AGENCY,
        "Đơn đề nghị cấp giấy phép xây dựng\nBản sao giấy tờ chứng minh quyền sử dụng đất\n"
        "02 bộ bản vẽ thiết kế xây dựng",
    ),
    (
        "1.004227",
        "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        "Đất đai",
        "Một phần",
        "10 ngày làm việc",
        "Theo Nghị quyết của HĐND tỉnh Sơn La",
        "Chi nhánh Văn phòng đăng ký đất đai tỉnh Sơn La khu vực Mộc Châu",
        "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất\nBản gốc Giấy chứng nhận đã cấp\n"
        "Hợp đồng, văn bản về chuyển quyền",
    ),
    (
        "2.000635",
        "Cấp bản sao trích lục hộ tịch",
        "Hộ tịch",
        "Toàn trình",
        "Ngay trong ngày tiếp nhận yêu cầu",
        "8.000 đồng/bản sao",
        AGENCY,
        "Tờ khai cấp bản sao trích lục hộ tịch",
    ),
    (
        "1.001766",
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "Hộ tịch",
        "Một phần",
        "03 ngày làm việc",
        "Miễn lệ phí",
        AGENCY,
        "Tờ khai đăng ký khai sinh\nGiấy chứng sinh\nGiấy tờ tùy thân của cha, mẹ",
    ),
    (
        "1.003596",
        "Cấp giấy phép kinh doanh karaoke",
        "Văn hóa",
        "Một phần",
        "05 ngày làm việc",
        "Theo số phòng, quy định tại Thông tư của Bộ Tài chính",
        CULTURE,
        "Đơn đề nghị cấp giấy phép\nBản sao giấy chứng nhận đăng ký kinh doanh",
    ),
    (
        "1.001612",
        "Thủ tục xét tặng danh hiệu Lao động tiên tiến",
        "Thi đua - khen thưởng",
        "Trực tiếp",
        "20 ngày làm việc",
        "Không",
        "Văn phòng HĐND và UBND phường Mộc Châu",
        "Tờ trình đề nghị khen thưởng\nBiên bản họp xét của Hội đồng thi đua - khen thưởng",
    ),
    (
        "1.008962",
        "Hỗ trợ khôi phục sản xuất nông nghiệp vùng bị thiệt hại do thiên tai",
        "Nông nghiệp",
        "Trực tiếp",
        "Theo kế hoạch hỗ trợ của UBND phường",
        "Không",
        ECONOMY,
        "Đơn đề nghị hỗ trợ của hộ gia đình\nDanh sách thiệt hại có xác nhận của tổ dân phố, bản",
    ),
]


def _csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS.values())
    writer.writerows(PROCEDURES)
    return out.getvalue()


def load_procedures(loader, parent) -> ProcedureIndexPage:
    """The register under ``parent`` (the home page) and its procedures (re-running changes nothing)."""
    index = ProcedureIndexPage.objects.child_of(parent).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = ProcedureIndexPage(**INDEX, show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{ProcedureIndexPage._meta.verbose_name}: {index.title}")
    report = import_procedures(index, _csv())
    if report.created:
        loader.log(f"{report.created} administrative procedures")
    return index
