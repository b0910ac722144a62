"""An editor's process beside the web workers: hides or shows the four test objects when told on stdin.

Run by tests/test_visibility_processes.py as ``python -m tests.multiprocess.writer IDS`` with the
production settings; answers each line ("hide" or "show") with "done" once the change has committed.
"""

import datetime
import json
import sys


def main() -> None:
    import django

    django.setup()
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page, PageViewRestriction

    ids = json.loads(sys.argv[1])
    image = get_image_model().objects.get(pk=ids["image"])
    secret = Collection.objects.get(pk=ids["secret_collection"])
    public = Collection.objects.get(pk=ids["public_collection"])

    def page(name):
        return Page.objects.get(pk=ids[name]).specific

    def publish(target):
        if not target.live or target.expired:
            target.save_revision().publish()

    for line in sys.stdin:
        command = line.strip()
        if command == "hide":
            page("unpublish").unpublish()
            PageViewRestriction.objects.create(page=page("restrict"), restriction_type="password", password="mat-khau")
            expiring = page("expire")
            expiring.expire_at = timezone.now() - datetime.timedelta(seconds=1)
            expiring.save()
            image.collection = secret
            image.save()
        elif command == "show":
            publish(page("unpublish"))
            PageViewRestriction.objects.filter(page_id=ids["restrict"]).delete()
            expiring = page("expire")
            expiring.expire_at = None
            expiring.expired = False
            expiring.save()
            publish(expiring)  # the scheduler may have unpublished it meanwhile
            image.collection = public
            image.save()
        else:
            continue
        print("done", flush=True)


if __name__ == "__main__":
    main()
