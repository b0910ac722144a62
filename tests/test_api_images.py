"""Images in the API: focal point, a ready srcset, and only the allowlisted renditions, ever."""

import pytest
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
