from django.core.management.base import BaseCommand

from cms.editorial.roles import setup_roles
from cms.editorial.workflow.setup import setup_workflows


class Command(BaseCommand):
    help = "Create or update the editorial groups, their permissions and the approval workflow (idempotent)."

    def handle(self, *args, **options):
        groups = setup_roles()
        workflow = setup_workflows()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(groups)}; workflow: {workflow.name}"))
