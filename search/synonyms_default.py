"""The abbreviations of Vietnamese public administration shipped with the portal (reviewed list).

Loaded by migration ``portal_search.0005`` (and ``manage.py load_search_synonyms``) only where the term
is not there yet, so administrators' edits are kept. Ambiguous short forms whose folded spelling is a
common word (TU "Tỉnh ủy" vs "tư/từ/tự", HU "Huyện ủy" vs "hư", HĐ "hội đồng/hợp đồng" vs HD "hướng
dẫn") are left out on purpose; administrators can add them.
"""

DEFAULT_SYNONYMS: list[tuple[str, list[str]]] = [
    ("UBND", ["Ủy ban nhân dân"]),
    ("HĐND", ["Hội đồng nhân dân"]),
    ("MTTQ", ["Mặt trận Tổ quốc"]),
    ("UBMTTQ", ["Ủy ban Mặt trận Tổ quốc"]),
    ("BCĐ", ["Ban chỉ đạo"]),
    ("BCH", ["Ban chấp hành"]),
    ("VP", ["Văn phòng"]),
    ("QĐ", ["Quyết định"]),
    ("NĐ-CP", ["Nghị định Chính phủ"]),
    ("NĐ", ["Nghị định"]),
    ("NQ", ["Nghị quyết"]),
    ("TT", ["Thông tư", "Thị trấn"]),
    ("TTLT", ["Thông tư liên tịch"]),
    ("CT", ["Chỉ thị"]),
    ("KH", ["Kế hoạch"]),
    ("TB", ["Thông báo"]),
    ("CV", ["Công văn"]),
    ("BC", ["Báo cáo"]),
    ("TTHC", ["Thủ tục hành chính"]),
    ("CCHC", ["Cải cách hành chính"]),
    ("DVC", ["Dịch vụ công"]),
    ("DVCTT", ["Dịch vụ công trực tuyến"]),
    ("CCCD", ["Căn cước công dân"]),
    ("CMND", ["Chứng minh nhân dân"]),
    ("BHXH", ["Bảo hiểm xã hội"]),
    ("BHYT", ["Bảo hiểm y tế"]),
    ("BHTN", ["Bảo hiểm thất nghiệp"]),
    ("GCN", ["Giấy chứng nhận"]),
    ("QSDĐ", ["Quyền sử dụng đất"]),
    ("GPMB", ["Giải phóng mặt bằng"]),
    ("NTM", ["Nông thôn mới"]),
    ("KT-XH", ["Kinh tế - xã hội"]),
    ("ANTT", ["An ninh trật tự"]),
    ("QP-AN", ["Quốc phòng - an ninh"]),
    ("PCCC", ["Phòng cháy chữa cháy"]),
    ("ATTP", ["An toàn thực phẩm"]),
    ("ATGT", ["An toàn giao thông"]),
    ("CSGT", ["Cảnh sát giao thông"]),
    ("CNTT", ["Công nghệ thông tin"]),
    ("HTX", ["Hợp tác xã"]),
    ("KCN", ["Khu công nghiệp"]),
    ("THCS", ["Trung học cơ sở"]),
    ("THPT", ["Trung học phổ thông"]),
    ("TDTT", ["Thể dục thể thao"]),
    ("TN&MT", ["Tài nguyên và Môi trường"]),
    ("GD&ĐT", ["Giáo dục và Đào tạo"]),
    ("NN&PTNT", ["Nông nghiệp và Phát triển nông thôn"]),
    ("LĐTB&XH", ["Lao động - Thương binh và Xã hội"]),
    ("GTVT", ["Giao thông vận tải"]),
    ("TP", ["Thành phố"]),
    ("TX", ["Thị xã"]),
]


def load_defaults(model) -> int:
    """Create the default rows whose term is missing; returns how many were created. Idempotent."""
    existing = set(model.objects.values_list("term", flat=True))
    missing = [
        model(term=term, expansions="\n".join(expansions))
        for term, expansions in DEFAULT_SYNONYMS
        if term not in existing
    ]
    model.objects.bulk_create(missing)
    return len(missing)
