"""Images in the API: focal point, a ready srcset, and only the allowlisted renditions, ever."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from cms.core.representations import RENDITIONS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    settings.API_CACHE_SECONDS = 0


@pytest.fixture
def photo():
    image = factories.ImageFactory(file__width=2000, file__height=1000)
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1500, 400, 200, 100
    image.save()
    return image


def test_a_front_end_gets_the_focal_point_and_a_srcset_with_the_hero_image(client, news_index, photo):
    page = factories.NewsPageFactory(parent=news_index, hero_image=photo)
    hero = client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"]
    assert hero["focal_point"] == {"x": 1500, "y": 400, "width": 200, "height": 100}
    medium, large = hero["renditions"]["medium"], hero["renditions"]["large"]
    assert (medium["width"], large["width"]) == (800, 1600)
    assert hero["srcset"] == f"{medium['url']} 800w, {large['url']} 1600w"
    assert medium["url"].startswith("http://testserver/media/")


def test_the_images_endpoint_carries_the_same_details(client, photo):
    item = client.get("/api/v2/images/").json()["items"][0]
    assert item["focal_point"] == {"x": 1500, "y": 400, "width": 200, "height": 100}
    assert item["srcset"].endswith(" 1600w") and set(item["renditions"]) == set(RENDITIONS)
    detail = client.get(f"/api/v2/images/{photo.pk}/").json()
    assert (detail["width"], detail["height"]) == (2000, 1000)


def test_no_focal_point_is_null_and_a_small_image_lists_each_width_once(client):
    small = factories.ImageFactory(file__width=400, file__height=300)
    item = client.get(f"/api/v2/images/{small.pk}/").json()
    assert item["focal_point"] is None
    assert item["srcset"] == f"{item['renditions']['medium']['url']} 400w"


def test_the_thumbnail_is_cropped_around_the_focal_point(client, photo):
    thumbnail = client.get(f"/api/v2/images/{photo.pk}/").json()["renditions"]["thumbnail"]
    rendition = photo.renditions.get(filter_spec=RENDITIONS["thumbnail"])
    assert (thumbnail["width"], thumbnail["height"]) == (320, 200)
    assert rendition.focal_point_key != ""  # Wagtail's fill used the focal point for this crop


@pytest.mark.parametrize("query", ["?rendition=width-4000", "?fields=width-4000", "?renditions=fill-9000x9000"])
def test_no_request_makes_a_rendition_outside_the_allowlist(client, photo, query):
    """The disk holds at most the allowlisted renditions per image, whatever a client asks for."""
    client.get(f"/api/v2/images/{photo.pk}/{query}")
    client.get(f"/api/v2/images/{query}")
    made = set(get_image_model().objects.get(pk=photo.pk).renditions.values_list("filter_spec", flat=True))
    assert made <= set(RENDITIONS.values())


def test_variants_by_width_and_format_come_from_the_allowlist_at_the_listing_s_query_cost(client, news_index, photo):
    page = factories.NewsPageFactory(parent=news_index, hero_image=photo)
    hero = client.get(f"/api/v2/pages/{page.pk}/?image_format=webp&image_widths=640,1920").json()["hero_image"]
    assert [(v["width"], v["height"], v["format"]) for v in hero["variants"]] == [
        (640, 320, "webp"),
        (1920, 960, "webp"),
    ]
    assert hero["variants"][0]["url"].endswith(".webp") and hero["variants_srcset"].endswith(" 1920w")
    assert "variants" not in client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"]
    factories.ImageFactory(file__width=300, file__height=200)  # narrower than every width: its own size, once
    url = "/api/v2/images/?image_widths=320,640&image_format=jpeg"
    items = client.get(url).json()["items"]  # makes the renditions
    client.get("/api/v2/images/")  # and remembers the plain listing's count, as the sized one's was
    assert [[v["width"] for v in item["variants"]] for item in items] == [[320, 640], [300]]
    with CaptureQueriesContext(connection) as plain:
        client.get("/api/v2/images/")
    with CaptureQueriesContext(connection) as sized:
        client.get(url)
    assert len(sized) == len(plain)  # the variants are prefetched with the renditions: no query per image
    made = set(photo.renditions.values_list("filter_spec", flat=True)) - set(RENDITIONS.values())
    assert made == {
        "width-640|format-webp",
        "width-1920|format-webp",
        "width-320|format-jpeg",
        "width-640|format-jpeg",
    }


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("image_format=gif", "image_format"),
        ("image_format=width-4000", "image_format"),
        ("image_widths=641", "image_widths"),
        ("image_widths=640,fill-9000x9000", "image_widths"),
        ("image_widths=", "image_widths"),
    ],
)
def test_a_size_or_format_outside_the_allowlist_answers_400_and_makes_nothing(client, photo, query, parameter):
    for url in (f"/api/v2/images/{photo.pk}/?{query}", f"/api/v2/images/?{query}", f"/api/v2/pages/?{query}"):
        response = client.get(url)
        assert response.status_code == 400 and response.json()["parameter"] == parameter, url
        assert response.json()["message"].startswith(f"{parameter}: ")
    assert set(photo.renditions.values_list("filter_spec", flat=True)) <= set(RENDITIONS.values())


def test_avif_is_offered_exactly_when_pillow_can_write_it(client, photo):
    from PIL import features

    from cms.core.representations import VARIANT_FORMATS

    assert ("avif" in VARIANT_FORMATS) == features.check("avif")
    response = client.get(f"/api/v2/images/{photo.pk}/?image_format=avif&image_widths=320")
    if features.check("avif"):
        assert response.json()["variants"][0]["url"].endswith(".avif")
    else:
        assert response.status_code == 400


def test_no_variant_is_ever_made_of_an_image_in_a_restricted_collection(client, news_index):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden = factories.ImageFactory(collection=private)
    page = factories.NewsPageFactory(parent=news_index, hero_image=hidden)
    assert client.get(f"/api/v2/images/{hidden.pk}/?image_format=webp").status_code == 404
    assert client.get("/api/v2/images/?image_format=webp").json()["items"] == []
    assert client.get(f"/api/v2/pages/{page.pk}/?image_format=webp").json()["hero_image"] is None
    assert not hidden.renditions.exists()
