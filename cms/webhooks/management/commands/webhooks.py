"""``manage.py webhooks add URL --secret S --events page.published,page.unpublished`` (and list, remove)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.webhooks.events import EVENTS, parse_events
from cms.webhooks.forms import validate_endpoint_url, validate_secret
from cms.webhooks.models import WebhookEndpoint, new_secret


class Command(BaseCommand):
    help = "Manage webhook endpoints: add URL --events … [--secret S], list, remove ID."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add an endpoint.")
        add.add_argument("url")
        add.add_argument("--secret", help="Signing secret (at least 16 characters); generated and printed if omitted.")
        add.add_argument("--events", required=True, help=f"Comma-separated, from: {', '.join(EVENTS)}")
        add.add_argument("--description", default="")
        add.add_argument("--inactive", action="store_true", help="Add it switched off.")
        actions.add_parser("list", help="List endpoints (secrets are not shown).")
        remove = actions.add_parser("remove", help="Remove an endpoint and its delivery log.")
        remove.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_add(self, url, secret=None, events="", description="", inactive=False, **options):
        try:
            validate_endpoint_url(url)
            chosen = parse_events(events)
            if secret is not None:
                validate_secret(secret)
        except ValidationError as error:
            raise CommandError(" ".join(str(message) for message in error.messages)) from error
        except ValueError as error:
            raise CommandError(f"Unknown event(s): {error}. Known: {', '.join(EVENTS)}") from error
        generated = secret is None
        endpoint = WebhookEndpoint.objects.create(
            url=url, secret=secret or new_secret(), events=chosen, description=description, active=not inactive
        )
        self.stdout.write(f"Added endpoint {endpoint.pk}: {endpoint.url} ({', '.join(chosen)})")
        if generated:
            self.stdout.write(f"Secret (give it to the receiver): {endpoint.secret}")

    def handle_list(self, **options):
        for endpoint in WebhookEndpoint.objects.order_by("pk"):
            state = "active" if endpoint.active else "inactive"
            self.stdout.write(f"{endpoint.pk}\t{state}\t{endpoint.url}\t{','.join(endpoint.events)}")

    def handle_remove(self, id, **options):
        deleted, _ = WebhookEndpoint.objects.filter(pk=id).delete()
        if not deleted:
            raise CommandError(f"No endpoint {id}.")
        self.stdout.write(f"Removed endpoint {id}.")
