"""Provisioning a portal (``manage.py create_portal``). Every step looks its object up first: a second run
changes nothing and says so. ``dry_run`` runs every step in a transaction that is then rolled back, so
what it reports is exactly what a real run would do.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import Translation, TranslationSource

from cms.core.models import PortalSettings, PortalSettingsText
from cms.core.text import slugify_vi
from cms.editorial.roles import APPROVERS, COLLECTION_APPS, EDITORS, REVIEWERS, snippet_permissions
from cms.editorial.workflow.models import NoSelfApprovalTask
from cms.editorial.workflow.setup import STEPS, WORKFLOW_NAME
from cms.portals import directives
from cms.portals.models import Portal
from cms.portals.sections import SECTIONS, Section
from home.models import HomePage
from search.deferred import deferred_indexing

PORTAL_ROLES = (EDITORS, REVIEWERS, APPROVERS)
SEPARATOR = " – "
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
# "Xã Vân Hồ" -> "Vân Hồ Commune": the English name of a unit, from the Vietnamese level word.
ENGLISH_LEVELS = (("Xã ", "{} Commune"), ("Phường ", "{} Ward"), ("Thị trấn ", "{} Town"), ("Tỉnh ", "{} Province"))


def english_name(name: str) -> str:
    for prefix, pattern in ENGLISH_LEVELS:
        if name.startswith(prefix):
            return pattern.format(name[len(prefix) :])
    return name


def scoped_name(base: str, portal_name: str) -> str:
    """ "Biên tập viên" + "Xã Vân Hồ" -> "Biên tập viên – Xã Vân Hồ" (groups, workflow, tasks)."""
    return f"{base}{SEPARATOR}{portal_name}"


@dataclass(frozen=True)
class PortalSpec:
    name: str
    hostname: str
    port: int = 80
    languages: tuple[str, ...] = ()
    parent_hostname: str = ""
    # The sections the new home gets (a caller that brings its own, like the demo's Mộc Châu, passes fewer).
    sections: tuple[Section, ...] = SECTIONS

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("The portal needs a name.")
        if not HOSTNAME.match(self.hostname):
            raise ValidationError(f"{self.hostname!r} is not a valid host name (letters, digits, dots, hyphens).")
        known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        unknown = [code for code in self.languages if code not in known]
        if unknown:
            raise ValidationError(f"Languages not configured in PORTAL_LANGUAGES: {', '.join(unknown)}.")
        if self.languages and self.languages[0] != settings.LANGUAGE_CODE:
            raise ValidationError(f"The first language must be the default one ({settings.LANGUAGE_CODE}).")


class _Rollback(Exception):
    pass


class Provisioner:
    """Creates what is missing of one portal; ``changes`` lists each thing created or corrected."""

    def __init__(self, spec: PortalSpec):
        spec.validate()
        self.spec = spec
        self.name_en = english_name(spec.name)
        self.changes: list[str] = []

    def run(self, dry_run: bool = False) -> Portal | None:
        try:
            # A portal's home and sections are saved three times each (created, revised, published) and again
            # in each language: each page is indexed for search once, at the end (search.deferred).
            with transaction.atomic(), deferred_indexing():
                portal = self._provision()
                if dry_run:
                    raise _Rollback
        except _Rollback:
            return None  # what was looked up meanwhile stayed with the transaction (cache._uncommitted_memo)
        return portal

    def add_sections(self, home: HomePage) -> None:
        """The spec's sections under a home no provisioning made (the province's), in each of its languages."""
        with transaction.atomic(), deferred_indexing():
            self._sections(home, [page.locale for page in home.get_translations().select_related("locale")])

    def _change(self, message: str) -> None:
        self.changes.append(message)

    def _provision(self) -> Portal:
        spec = self.spec
        languages = spec.languages or tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        locales = [self._locale(code) for code in languages]
        parent = self._parent()
        site = self._site(locales[0])
        home = site.root_page.specific
        for locale in locales[1:]:
            self._translate(home, locale, {"title": self.name_en, "slug": home.slug})
        homes = [home, *(home.get_translation(locale) for locale in locales[1:])]
        self._sections(home, locales[1:])
        collection = self._collection()
        groups = {role.name: self._group(role, homes, collection) for role in PORTAL_ROLES}
        self._workflow(groups, homes)
        self._settings(site, [locale.language_code for locale in locales[1:]])
        added = directives.sync_portal(site)
        if added:
            self._change(f"province directives in the register: {added}")
        return self._portal(site, home, parent, collection)

    def _locale(self, code: str) -> Locale:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            self._change(f"locale {code}")
        return locale

    def _parent(self) -> Portal | None:
        if not self.spec.parent_hostname:
            return None
        parent = Portal.objects.filter(hostname=self.spec.parent_hostname).first()
        if parent is None:
            raise ValidationError(f"No portal has the host name {self.spec.parent_hostname!r} (see list_portals).")
        return parent

    def _site(self, locale: Locale) -> Site:
        spec = self.spec
        site = Site.objects.select_related("root_page").filter(hostname=spec.hostname, port=spec.port).first()
        if site is not None:
            if not isinstance(site.root_page.specific, HomePage):
                raise ValidationError(f"The site {spec.hostname} exists and its root is not a home page.")
            return site
        taken = Portal.objects.filter(name=spec.name).exclude(hostname=spec.hostname, port=spec.port).first()
        if taken is not None:
            raise ValidationError(f"The name {spec.name!r} belongs to the portal at {taken.hostname}.")
        root = Page.get_first_root_node()
        home = HomePage(title=spec.name, slug=self._free_slug(root), locale=locale, show_in_menus=False)
        root.add_child(instance=home)
        home.save_revision().publish()
        self._change(f"home page ({locale.language_code}): {spec.name}")
        site = Site.objects.create(hostname=spec.hostname, port=spec.port, root_page=home, site_name=spec.name)
        self._change(f"site {spec.hostname}:{spec.port}")
        return site

    def _free_slug(self, root: Page) -> str:
        base = slugify_vi(self.spec.hostname.split(".")[0]) or "cong"
        taken = set(root.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    def _translate(self, instance: Page, locale: Locale, texts: dict) -> None:
        """The ``locale`` version of ``instance``, made and published through wagtail-localize if missing."""
        if instance.get_translation_or_none(locale) is not None:
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = translation.export_po()
        for entry in po:
            if entry.msgctxt in texts:
                entry.msgstr = texts[entry.msgctxt]
        translation.import_po(po)
        # A draft through wagtail-localize, published here: its own publish waits for the commit.
        translation.save_target(publish=False)
        instance.get_translation(locale).latest_revision.publish()
        self._change(f"{instance._meta.verbose_name} ({locale.language_code}): {texts['title']}")

    def _sections(self, home: HomePage, other_locales: list[Locale]) -> None:
        names = {"name": self.spec.name, "name_en": self.name_en}
        for section in self.spec.sections:
            try:
                model = apps.get_model(section.model)
            except LookupError:
                continue  # a section of a feature this installation does not have
            page = model.objects.child_of(home).first()
            if page is None:
                page = model(
                    title=section.title,
                    slug=section.slug,
                    intro=section.intro.format(**names),
                    show_in_menus=True,
                    locale=home.locale,
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                self._change(f"{model._meta.verbose_name}: {section.title}")
            texts = {"title": section.title_en, "slug": section.slug_en, "intro": section.intro_en.format(**names)}
            for locale in other_locales:
                self._translate(page, locale, texts)

    def _collection(self) -> Collection:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=self.spec.name).first()
        if collection is None:
            collection = root.add_child(name=self.spec.name)
            self._change(f"collection: {self.spec.name}")
        return collection

    def _group(self, role, homes: list[Page], collection: Collection) -> Group:
        group, created = Group.objects.get_or_create(name=scoped_name(role.name, self.spec.name))
        if created:
            self._change(f"group: {group.name}")
        # Snippet permissions are model-wide in Django; the portal's slides and statistics are the only ones
        # its groups see or reach (WorkflowSnippet.site, cms.editorial.workflow.views.WorkflowSnippetViewSet).
        names = [*role.model_permissions, *snippet_permissions(role)]
        model_names = [name for name in names if name.split(".")[0] not in COLLECTION_APPS]
        collection_names = [name for name in names if name.split(".")[0] in COLLECTION_APPS]
        wanted = _permissions(model_names)
        missing = set(wanted) - set(group.permissions.values_list("pk", flat=True))
        if missing:
            group.permissions.add(*missing)
            self._change(f"{group.name}: {len(missing)} permissions")
        page_permissions = _permissions([f"wagtailcore.{codename}" for codename in role.page_permissions])
        have = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
        rows = [
            GroupPagePermission(group=group, page=home, permission_id=pk)
            for home in homes
            for pk in page_permissions
            if (home.pk, pk) not in have
        ]
        if rows:
            GroupPagePermission.objects.bulk_create(rows)
            self._change(f"{group.name}: {len(rows)} page permissions")
        have = set(GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission_id"))
        rows = [
            GroupCollectionPermission(group=group, collection=collection, permission_id=pk)
            for pk in _permissions(collection_names)
            if (collection.pk, pk) not in have
        ]
        if rows:
            GroupCollectionPermission.objects.bulk_create(rows)
            self._change(f"{group.name}: {len(rows)} collection permissions")
        return group

    def _workflow(self, groups: dict[str, Group], homes: list[Page]) -> Workflow:
        workflow, created = Workflow.objects.get_or_create(name=scoped_name(WORKFLOW_NAME, self.spec.name))
        if created:
            self._change(f"workflow: {workflow.name}")
        for order, (task_name, group_name) in enumerate(STEPS):
            task, created = NoSelfApprovalTask.objects.get_or_create(name=scoped_name(task_name, self.spec.name))
            if created:
                task.groups.add(groups[group_name])
                self._change(f"workflow step: {task.name}")
            WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
        for home in homes:
            assigned = WorkflowPage.objects.filter(page=home).select_related("workflow").first()
            # The installation-wide workflow's reviewers are the province's: a portal's home never keeps it.
            if assigned is None or assigned.workflow.name == WORKFLOW_NAME:
                WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
                self._change(f"workflow on {home.title} ({home.locale.language_code})")
        return workflow

    def _settings(self, site: Site, other_languages: list[str]) -> None:
        """The portal's name and organisation in the footer; editors complete the address and contacts."""
        name, name_en = self.spec.name, self.name_en
        settings_row, created = PortalSettings.objects.get_or_create(
            site=site,
            defaults={"portal_name": f"Cổng thông tin điện tử {name}", "organisation": f"Ủy ban nhân dân {name}"},
        )
        if created:
            self._change(f"portal settings: {settings_row.portal_name}")
        if "en" in other_languages and not settings_row.texts.filter(language="en").exists():
            PortalSettingsText.objects.create(
                portal=settings_row,
                language="en",
                portal_name=f"{name_en} Electronic Information Portal",
                organisation=f"People's Committee of {name_en}",
            )
            self._change(f"portal settings (en): {name_en}")

    def _portal(self, site: Site, home: Page, parent: Portal | None, collection: Collection) -> Portal:
        spec = self.spec
        values = {"name": spec.name, "site": site, "home": home, "collection": collection}
        if parent is not None:
            values["parent"] = parent
        portal = Portal.objects.filter(hostname=spec.hostname, port=spec.port).first()
        if portal is None:
            portal = Portal.objects.create(hostname=spec.hostname, port=spec.port, **values)
            self._change(f"portal: {spec.name}")
            return portal
        changed = [name for name, value in values.items() if _key(portal, name) != _key_of(value)]
        if changed:
            for name in changed:
                setattr(portal, name, values[name])
            portal.save(update_fields=changed)
            self._change(f"portal {spec.name}: {', '.join(changed)}")
        return portal


def _key(portal: Portal, name: str):
    return portal.name if name == "name" else getattr(portal, f"{name}_id")


def _key_of(value):
    return value if isinstance(value, str) else value.pk


def _permissions(dotted_names) -> list[int]:
    """Primary keys of ``app_label.codename`` permissions, in one query."""
    condition = Q(pk__in=[])
    for name in dotted_names:
        app_label, codename = name.split(".")
        condition |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(condition).values_list("pk", flat=True))
