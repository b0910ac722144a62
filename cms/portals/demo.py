"""Demo commune portals beside the demo portal: each with its sections, its three editorial accounts and one
article (Vân Hồ's is shared with the province home), and one directive of the province that applies to every
commune, listed in each commune's register (cms.portals.directives). Idempotent like the rest of the demo
loader."""

import datetime
import secrets
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from wagtail.rich_text import RichText

from cms.core.text import slugify_vi
from cms.editorial.roles import APPROVERS, EDITORS, REVIEWERS
from cms.portals.provision import PortalSpec, Provisioner, scoped_name
from news.models import DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage

COMMUNES = (
    {
        "name": "Xã Vân Hồ",
        "host": "vanho",
        "article": "Xã Vân Hồ ra quân làm đường giao thông nông thôn",
        "lead": "Cán bộ và nhân dân các bản trong xã góp ngày công, vật liệu để bê tông hóa đường vào bản.",
        "shared": True,
    },
    {
        "name": "Xã Đoàn Kết",
        "host": "doanket",
        "article": "Xã Đoàn Kết tổ chức tiếp công dân định kỳ tháng này",
        "lead": "Lãnh đạo Ủy ban nhân dân xã tiếp công dân, ghi nhận ý kiến về đất đai và hỗ trợ sản xuất.",
        "shared": False,
    },
    {
        "name": "Phường Mộc Sơn",
        "host": "mocson",
        "article": "Phường Mộc Sơn hướng dẫn người dân nộp hồ sơ trực tuyến",
        "lead": "Tổ công nghệ số cộng đồng hỗ trợ người dân dùng dịch vụ công trực tuyến tại bộ phận một cửa.",
        "shared": False,
    },
)
# A demo document (number and signer invented) of the province's People's Committee for every commune.
PROVINCE_DIRECTIVE = {
    "title": "Chỉ thị về vận hành chính quyền địa phương hai cấp tại các xã, phường",
    "number": "09/CT-UBND",
    "document_type": "chi-thi",
    "issuing_agency": "UBND tỉnh Sơn La",
    "signer_name": "Nguyễn Văn An",
    "signer_position": "Chủ tịch UBND tỉnh",
    "issue_date": datetime.date(2025, 7, 1),
    "effective_date": datetime.date(2025, 7, 1),
    "sector": "hanh-chinh",
    "summary": (
        "Yêu cầu Ủy ban nhân dân các xã, phường bảo đảm bộ máy mới vận hành thông suốt, không gián đoạn việc giải "
        "quyết thủ tục hành chính cho người dân và doanh nghiệp."
    ),
}
ACCOUNTS = (("bientap", EDITORS), ("thamdinh", REVIEWERS), ("lanhdao", APPROVERS))


def demo_port() -> int:
    """The development server's port (from WAGTAILADMIN_BASE_URL), so links between portals work locally."""
    return urlparse(settings.WAGTAILADMIN_BASE_URL).port or 80


def load_commune_portals(loader, password: str | None) -> dict[str, str]:
    """Create the demo communes' portals, accounts and articles; the new accounts' passwords by user name."""
    port = demo_port()
    password = password or secrets.token_urlsafe(12)
    passwords = {}
    _province_directive(loader)  # before the communes: each new commune's register then lists it
    for commune in COMMUNES:
        hostname = f"{commune['host']}.localhost"
        provisioner = Provisioner(PortalSpec(name=commune["name"], hostname=hostname, port=port))
        portal = provisioner.run()
        for change in provisioner.changes:
            loader.log(f"{commune['name']}: {change}")
        passwords.update(portal_accounts(loader, commune, password))
        _article(loader, portal, commune)
    return passwords


def portal_urls() -> list[tuple[str, str]]:
    """(name, address) of every portal, the province's (the default site, at WAGTAILADMIN_BASE_URL) first."""
    from cms.core.models import PortalSettings

    urls = []
    for site in Site.objects.order_by("-is_default_site", "hostname"):
        name = PortalSettings.load(site).default_name()
        if site.is_default_site:
            urls.append((name, settings.WAGTAILADMIN_BASE_URL))
        else:
            port = "" if site.port == 80 else f":{site.port}"
            urls.append((name, f"http://{site.hostname}{port}"))
    return [(name, url.rstrip("/") + "/") for name, url in urls]


def portal_accounts(loader, commune: dict, password: str) -> dict[str, str]:
    """The portal's editor, reviewer and leader (``bientap.<host>``…), in its own groups; new ones' passwords."""
    User = get_user_model()
    passwords = {}
    for prefix, role in ACCOUNTS:
        username = f"{prefix}.{commune['host']}"
        if User.objects.filter(username=username).exists():
            continue
        user = User(username=username, first_name=role.name, last_name=commune["name"], email=f"{username}@example.vn")
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=scoped_name(role.name, commune["name"])))
        passwords[username] = password
        loader.log(f"user: {username}")
    return passwords


def _article(loader, portal, commune: dict) -> None:
    index = NewsIndexPage.objects.child_of(portal.home).first()
    if index is None or NewsPage.objects.child_of(index).filter(title=commune["article"]).exists():
        return
    page = NewsPage(
        title=commune["article"],
        slug=slugify_vi(commune["article"])[:80],
        date=datetime.date(2025, 7, 15),
        lead=commune["lead"],
        body=[("paragraph", RichText(f"<p>{commune['lead']}</p>"))],
        author=f"Ủy ban nhân dân {commune['name']}",
        share_with_province=commune["shared"],
        locale=index.locale,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    loader.log(f"news: {commune['article']}")


def _province_directive(loader) -> None:
    """The province's directive for every commune, in the default portal's register (none: nothing to do)."""
    province = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    index = DirectiveIndexPage.objects.child_of(province.root_page).first() if province else None
    if index is None or DirectivePage.objects.filter(number=PROVINCE_DIRECTIVE["number"], alias_of=None).exists():
        return
    page = DirectivePage(
        slug=slugify_vi(PROVINCE_DIRECTIVE["title"])[:80],
        locale=index.locale,
        applies_to_all_communes=True,
        body=[("paragraph", RichText(f"<p>{PROVINCE_DIRECTIVE['summary']}</p>"))],
        **PROVINCE_DIRECTIVE,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    loader.log(f"directive: {PROVINCE_DIRECTIVE['number']} (province, every commune)")
