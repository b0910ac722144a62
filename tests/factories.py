"""Content factories (wagtail-factories on factory_boy). Pages are created under the migrated home page."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from cms.statistics.models import Statistic
from home.models import BannerSlide, HomePage
from news.models import DirectiveAttachment, DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Tài liệu {n}")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức"
    slug = factory.Sequence(lambda n: f"tin-tuc-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    slug = factory.Sequence(lambda n: f"tin-bai-{n}")
    date = datetime.date(2024, 7, 1)
    lead = "Tóm tắt tin bài."

    class Meta:
        model = NewsPage


class DirectiveIndexPageFactory(wagtail_factories.PageFactory):
    title = "Chỉ đạo điều hành"
    slug = factory.Sequence(lambda n: f"chi-dao-{n}")

    class Meta:
        model = DirectiveIndexPage


class DirectivePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Quyết định số {n}")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    document_type = "quyet-dinh"
    issuing_agency = "UBND huyện Mộc Châu"
    signer_name = "Nguyễn Văn An"
    signer_position = "Chủ tịch"
    issue_date = datetime.date(2024, 1, 15)
    effective_date = datetime.date(2024, 1, 15)
    summary = "Trích yếu văn bản."

    class Meta:
        model = DirectivePage


class DirectiveAttachmentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(DirectivePageFactory)
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = DirectiveAttachment


class BannerSlideFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Ảnh banner {n}")
    image = factory.SubFactory(ImageFactory)
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = BannerSlide


def home_page() -> HomePage:
    """The home page the data migration creates on every fresh database."""
    return HomePage.objects.get(locale=Locale.get_default())


class StatisticFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Số liệu {n}")
    value = 93
    total = 180
    unit = "bản, tiểu khu"
    reference_date = datetime.date(2024, 6, 30)
    source = "Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện"
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Statistic


def translate(instance, language_code: str, texts: dict, publish: bool = True):
    """The ``language_code`` version of a page or snippet, made through wagtail-localize.

    ``texts`` maps field names (and ``body`` to a list of StreamField strings) to translations.
    """
    from wagtail_localize.models import Translation, TranslationSource

    from cms.demo.english import fill_po

    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.import_po(fill_po(translation.export_po(), texts))
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    if publish:
        translated.latest_revision.publish()
    return translated


def add_page(parent, page, publish: bool = True):
    """``page`` added under ``parent`` with a revision, published through it unless ``publish`` is False."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
