"""The menu several levels deep ("Giới thiệu" > "Chức năng nhiệm vụ"), in the editors' order, one query per
content generation.

The header's one menu is ``{% menu_tree home %}`` in cms/templatetags/portal_tags.py.
"""

import pytest
from django.template import Context, Template
from wagtail.models import PageViewRestriction, Site

from cms.core import visibility
from cms.pages.models import ContentPage

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% load portal_tags %}{% menu_tree home levels as menu %}"
    "{% for item in menu %}[{{ item.title }} {{ item.url }}"
    "{% for child in item.children %} [{{ child.title }}"
    "{% for grandchild in child.children %} [{{ grandchild.title }}]{% endfor %}]{% endfor %}]{% endfor %}"
)


def page(parent, title, slug, menu=True, publish=True):
    child = ContentPage(title=title, slug=slug, show_in_menus=menu, live=publish)
    parent.add_child(instance=child)
    revision = child.save_revision()
    if publish:
        revision.publish()
    return child


def render(home, levels=3):
    return " ".join(TEMPLATE.render(Context({"home": home, "levels": levels})).split())


def test_menu_nests_sub_pages_in_the_editors_order_and_leaves_out_hidden_branches(home, django_assert_num_queries):
    about = page(home, "Giới thiệu", "gioi-thieu")
    page(about, "Chức năng nhiệm vụ", "chuc-nang")
    history = page(about, "Lịch sử", "lich-su")
    page(history, "Thời kỳ đổi mới", "doi-moi")
    hidden = page(home, "Nội bộ", "noi-bo")
    page(hidden, "Tài liệu nội bộ", "tai-lieu")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x")
    unlisted = page(home, "Không trong menu", "khong-menu", menu=False)
    page(unlisted, "Con của trang ẩn", "con")
    page(about, "Bản nháp", "ban-nhap", publish=False)
    # Move "Lịch sử" before "Chức năng nhiệm vụ": the editors' order is the tree's.
    history.move(about, pos="first-child")

    visibility.restricted_page_paths()  # the restriction list is read once per content generation
    Site.get_site_root_paths()  # as every page view has them already
    with django_assert_num_queries(1):
        render(home)
    with django_assert_num_queries(0):  # remembered until the content next changes
        html = render(home)
    assert html.startswith("[Giới thiệu /vi/gioi-thieu/ [")
    assert html.index("Lịch sử") < html.index("Thời kỳ đổi mới") < html.index("Chức năng nhiệm vụ")
    for absent in ("Nội bộ", "Tài liệu nội bộ", "Không trong menu", "Con của trang ẩn", "Bản nháp"):
        assert absent not in html
    assert "Thời kỳ đổi mới" not in render(home, levels=2)
