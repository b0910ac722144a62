"""English versions of the demo portal, made with wagtail-localize's own translation machinery.

Each source object gets a TranslationSource and a Translation to ``en``; its segments are filled from
the texts below (as a translator's PO file would be) and the translated object is saved and published.
Publishing here is direct (demo set-up, no workflow); editors publish translations through the admin.
Idempotent: an object that already has an English version is left alone.
"""

import polib
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.core.models import PortalSettings, PortalSettingsText
from cms.demo import data

HOME = {
    "title": "Home",
    "slug": "home",
    "intro": "Official information on the direction and administration of Mộc Châu ward, Sơn La province.",
}
NEWS_INDEX = {"title": "News and events", "slug": "news", "intro": "News of Mộc Châu Ward."}
DIRECTIVE_INDEX = {
    "title": "Directives and administration",
    "slug": "directives",
    "intro": "Directives and administrative documents of Mộc Châu Ward.",
}

ABOUT = {
    "title": "About",
    "slug": "about",
    "intro": "An overview of Mộc Châu ward, Sơn La province, and of the ward's electronic portal.",
    "body": [
        "Mộc Châu ward",
        "Mộc Châu ward lies on the plateau of the same name in Sơn La province; since 1 July 2025, when districts "
        "were abolished, it is a commune-level unit. Its cool climate all year round, its tea hills, its pastures "
        "and the seasons of plum and mustard blossom have made Mộc Châu a familiar destination for travellers.",
        "Tea, vegetables, temperate fruit and dairy cattle are the strengths of farming around Mộc Châu; community "
        "tourism in the villages of the Thái, Mông and Mường peoples keeps growing.",
        "The electronic portal",
        "The portal is managed by the Ward People's Committee and publishes official information on direction "
        "and administration, news, events and documents. Articles from before 1 July 2025 are those of the "
        "former Mộc Châu district.",
    ],
}

PORTAL = {
    "portal_name": "Mộc Châu Ward Electronic Information Portal",
    "organisation": "People's Committee of Mộc Châu Ward, Sơn La Province",
    "address": "Sub-zone 4, Mộc Châu ward, Sơn La province",
    "responsible_person": "Chief of the Office of the Ward People's Council and People's Committee",
}

# Keyed by the Vietnamese title in data.NEWS; "body" lists the body segments in order.
NEWS = {
    data.SEED_ARTICLE_TITLE: {
        "title": "Mộc Châu reviews grassroots democracy in the first six months of the year",
        "slug": "moc-chau-reviews-grassroots-democracy-first-six-months",
        "lead": (
            "On 1 July, the Steering Committee for Grassroots Democracy of Mộc Châu district held a conference "
            "to review its work in the first six months of the year and to set out tasks for the second half. "
            "Comrade Phạm Thị Nhung, Standing Deputy Secretary of the District Party Committee and Head of the "
            "Steering Committee, chaired the conference."
        ),
        "hero_caption": "The six-month review conference",
        "author": "Propaganda Department of the Mộc Châu District Party Committee",
        "body": [
            "Main results after six months",
            "In the first half of the year, the district issued its work programme and a plan to inspect the "
            "implementation of the Regulation on grassroots democracy, and stepped up information on the Law on "
            "Implementing Grassroots Democracy for officials, Party members and residents. As a result, residents "
            "and officials better understand the Party's policies, the State's laws and the rules of the agencies "
            "and localities where they work and live.",
            "According to the Steering Committee, grassroots democracy has helped to build a strong government "
            "and political system, created consensus among officials, civil servants, public employees, workers "
            "and residents, and had a positive effect on socio-economic development, defence and security in "
            "the district.",
            "Priorities for the second half of the year",
            "The conference reorganised the sub-committees and assigned tasks to each member. The Head of the "
            "Steering Committee asked units to lead and follow up practical, effective tasks suited to local "
            "conditions, in particular urging the remaining enterprises, agencies, villages and residential groups "
            "to issue their democracy regulations and to draw up and approve their community conventions.",
            "The one-stop offices of the district and its communes and towns will continue to publish every result "
            "of administrative procedures promptly, as required. The district will survey and assess 2 models "
            "registered at provincial level and 9 at district level, and appraise 75 new “Skilful mass "
            "mobilisation” models registered in 2024.",
            "Units must take the initiative in leading, directing and following up their tasks so that they are "
            "practical, effective and suited to actual conditions.",
            "Head of the Steering Committee",
        ],
    },
    "Mộc Châu đón hơn 1,2 triệu lượt khách du lịch trong 6 tháng đầu năm": {
        "title": "Mộc Châu welcomes more than 1.2 million visitors in the first half of the year",
        "slug": "moc-chau-welcomes-more-than-1-2-million-visitors",
        "lead": (
            "In the first six months of the year, tourist sites on the Mộc Châu plateau welcomed more than "
            "1.2 million visitors, up on the same period last year thanks to a continuous series of cultural and "
            "tourism events."
        ),
        "hero_caption": "Visitors on a plum hill",
        "author": "District Office of Culture and Information",
        "body": [
            "The plum blossom and mustard flower festivals and the ethnic culture day attracted large numbers of "
            "visitors. Many places to stay have been upgraded, and community-based tourism in the villages "
            "continues to grow.",
            "The district has asked units to step up food safety inspections, display service prices and protect "
            "the landscape and environment at tourist sites.",
        ],
    },
    "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa": {
        "title": "Better handling of administrative procedures at the one-stop office",
        "slug": "better-handling-of-administrative-procedures",
        "lead": (
            "The Mộc Châu district reception and results office continues to expand online applications and to "
            "publish the results of administrative procedures handled on time."
        ),
        "author": "Office of the District People's Council and People's Committee",
        "body": [
            "Residents can apply online, follow the progress of their application and receive the result through "
            "the public postal service. One-stop staff have been trained to help residents use online public "
            "services.",
        ],
    },
}

# Keyed by the Vietnamese slide title in data.SLIDES.
SLIDES = {
    data.SLIDES[0]["title"]: {"title": "Mộc Châu reviews grassroots democracy in the first six months"},
    data.SLIDES[1]["title"]: {"title": "The Mộc Châu plateau in plum blossom season"},
    data.SLIDES[2]["title"]: {"title": "The heart-shaped tea hill — a symbol of Mộc Châu tourism"},
}


def fill_po(po: polib.POFile, texts: dict) -> polib.POFile:
    """Fill a wagtail-localize PO export: fields by name (msgctxt), StreamField segments in order, and any
    other segment (rich text paragraphs, inline rows) by its source text in ``texts["segments"]``."""
    body = iter(texts.get("body", []))
    by_source = texts.get("segments", {})
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in by_source and entry.msgctxt not in texts:
            entry.msgstr = by_source[entry.msgid]
        elif entry.msgctxt in texts:
            entry.msgstr = texts[entry.msgctxt]
        elif entry.msgctxt.startswith("body."):
            entry.msgstr = next(body, "")
    return po


def translate(instance, locale: Locale, texts: dict):
    """The published ``locale`` version of ``instance``, created through wagtail-localize if missing."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing, False
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.import_po(fill_po(translation.export_po(), texts))
    # Save a draft through wagtail-localize, then publish its revision here: wagtail-localize's own
    # publish waits for the transaction to commit, and the demo loader runs in one transaction.
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    translated.latest_revision.publish()
    return translated, True


def load_english(loader, news_index, directive_index, articles: dict, slides, about, texts=None) -> None:
    """English home, index pages, "About", the articles and the banner slides of ``loader.site``'s portal (only if
    ``en`` is a locale); ``texts``: a module with HOME, NEWS_INDEX, DIRECTIVE_INDEX, ABOUT, NEWS, SLIDES and
    PORTAL like this one's (the default: this module, the Mộc Châu portal's)."""
    import sys

    texts = texts or sys.modules[__name__]
    locale = Locale.objects.filter(language_code="en").first()
    if locale is None:
        return
    for instance, values in (
        (loader.home, texts.HOME),
        (news_index, texts.NEWS_INDEX),
        (directive_index, texts.DIRECTIVE_INDEX),
        (about, texts.ABOUT),
        *((articles[title], values) for title, values in texts.NEWS.items()),
        *((slide, texts.SLIDES[slide.title]) for slide in slides if slide.title in texts.SLIDES),
    ):
        translated, created = translate(instance, locale, values)
        if created:
            loader.log(f"English: {values['title']}")
        elif instance is loader.home and not translated.specific.intro:
            # A portal made by create_portal has an English home without an introduction.
            home = translated.specific
            home.intro = values["intro"]
            home.save_revision().publish()
            loader.log(f"English: {values['title']} (introduction)")
    portal = PortalSettings.for_site(loader.site)
    english = portal.texts.filter(language="en").first()
    if english is None:
        PortalSettingsText.objects.create(portal=portal, language="en", **texts.PORTAL)
        loader.log("English: portal name and footer")
    elif not english.address:  # create_portal's: the name and organisation only
        for key, value in texts.PORTAL.items():
            setattr(english, key, value)
        english.save()
        loader.log("English: portal name and footer")
