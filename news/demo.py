"""English versions of demo directives, so the English register is not empty (Decree 42 asks for documents to be
findable; the English portal shows translations of the main ones). Keyed by the directive's number in
``cms.demo.data.DIRECTIVES``; names of people and numbers stay as they are."""

from wagtail.models import Locale

from cms.demo.english import translate

AGENCIES = {
    "UBND huyện Mộc Châu": "Mộc Châu District People's Committee",
    "Văn phòng HĐND và UBND huyện": "Office of the District People's Council and Committee",
    "Huyện ủy Mộc Châu": "Mộc Châu District Party Committee",
}

DIRECTIVES_EN = {
    "1234/QĐ-UBND": {
        "title": "Decision issuing the 2024 plan for grassroots democracy",
        "slug": "decision-2024-grassroots-democracy-plan",
        "summary": "Issues the plan to implement the Law on Grassroots Democracy in the district in 2024.",
        "signer_position": "Chairman of the District People's Committee",
    },
    "05/CT-UBND": {
        "title": "Directive on stronger natural disaster prevention in the 2024 rainy season",
        "slug": "directive-2024-disaster-prevention",
        "summary": "Strengthens natural disaster prevention, search and rescue in the 2024 rainy and storm season.",
        "signer_position": "Chairman of the District People's Committee",
    },
    "87/KH-UBND": {
        "title": "Plan for the plum blossom festival and tourism events",
        "slug": "plan-plum-blossom-festival",
        "summary": "Organises the plum blossom festival and a series of cultural, sports and tourism events in 2024.",
        "signer_position": "Vice-Chairwoman of the District People's Committee",
    },
    "512/UBND-VP": {
        "title": "Official letter on receiving more administrative procedure files online",
        "slug": "letter-online-administrative-procedures",
        "summary": "Asks communes and towns to receive and settle more administrative procedure files online.",
        "signer_position": "Chief of the Office",
    },
}


def load_english_directives(loader, directives: dict, texts: dict | None = None, agencies: dict | None = None) -> None:
    """English versions of the directives named in ``texts`` (default ``DIRECTIVES_EN``; ``directives``: the pages
    by number), the issuing agencies' names from ``agencies`` (default ``AGENCIES``)."""
    texts_by_number = DIRECTIVES_EN if texts is None else texts
    agencies = AGENCIES if agencies is None else agencies
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    for number, texts in texts_by_number.items():
        page = directives.get(number)
        if page is None or page.get_parent().get_translation_or_none(english) is None:
            continue
        fields = {
            **texts,
            "number": page.number,
            "signer_name": page.signer_name,
            "issuing_agency": agencies.get(page.issuing_agency, page.issuing_agency),
            "body": [texts["summary"]],
        }
        _translated, created = translate(page, english, fields)
        if created:
            loader.log(f"English: {number}")
