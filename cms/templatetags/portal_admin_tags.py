from django import template

from cms.editorial import translation_review

register = template.Library()


@register.inclusion_tag("cms/admin/translation_submit_bar.html", takes_context=True)
def translation_submit_bar(context, instance):
    """Workflow state of a translation and, when allowed, its "submit for approval" link."""
    user = context["request"].user
    if not hasattr(instance, "get_workflow"):  # a translatable model outside the workflow
        return {}
    state = instance.current_workflow_state
    return {
        "state": state,
        "task": state.current_task_state.task if state and state.current_task_state else None,
        "submit_url": translation_review.submit_url_for(instance)
        if translation_review.user_can_submit(user, instance)
        else None,
    }
