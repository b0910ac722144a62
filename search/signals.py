"""Signal receivers that keep the search index in step with publish, unpublish, move and privacy changes.

Deleting a page deletes its row through the one-to-one cascade.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from search import deferred, documents, index, lexicon
from search.models import SearchSynonym


def page_saved(sender, instance, **kwargs):
    # Re-read from the database: save_revision() saves the in-memory draft object with
    # update_fields, so the instance may hold unpublished text that must not be indexed.
    if not deferred.defer(instance):
        index.sync_pages([instance.pk])


def page_unpublished_handler(sender, instance, **kwargs):
    if not deferred.defer(instance):
        index.sync_pages([instance.pk])


def page_moved(sender, instance, **kwargs):
    index.sync_subtree(instance)


def view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index.sync_subtree(page)


def connect():
    for model in documents.indexed_models():
        post_save.connect(page_saved, sender=model, dispatch_uid=f"portal_search_saved_{model.__name__}")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="portal_search_moved")
    post_save.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="portal_search_vr_saved")
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="portal_search_vr_deleted")
    post_save.connect(lexicon.changed, sender=SearchSynonym, dispatch_uid="portal_search_synonym_saved")
    post_delete.connect(lexicon.changed, sender=SearchSynonym, dispatch_uid="portal_search_synonym_deleted")
