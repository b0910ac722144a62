"""The review queue: the task states a user may decide on now ("Awaiting your review" on the dashboard, the
workflow reports' "Awaiting my review" filter).

Wagtail builds it in ``TaskState.objects.reviewable_by`` by OR-ing one queryset per active task. With two
approval steps per portal that is 154 querysets at 77 portals, and each ``|`` copies the whole condition built
so far: the superuser's dashboard spent 1.9 of 2.7 s (cProfile) copying ``WhereNode``s, growing with the square
of the number of portals. Here the tasks of a type that can answer for many tasks at once
(``task_states_user_can_moderate_in_bulk``, ``NoSelfApprovalTask``) give one queryset for all of them; any
other task type is asked task by task, as Wagtail does. Who may review what is each task type's own rule,
unchanged: this only changes how the answers are combined.
"""

from collections import defaultdict

from wagtail.models import Task, TaskState
from wagtail.models.workflows import BaseTaskStateManager

WAGTAIL_REVIEWABLE_BY = BaseTaskStateManager.reviewable_by


def reviewable_by(manager, user):
    states = TaskState.objects.none()
    in_bulk = defaultdict(list)
    for task in Task.objects.filter(active=True).specific():
        if hasattr(type(task), "task_states_user_can_moderate_in_bulk"):
            in_bulk[type(task)].append(task)
        else:
            states = states | task.get_task_states_user_can_moderate(user=user)
    for task_type, tasks in in_bulk.items():
        states = states | task_type.task_states_user_can_moderate_in_bulk(tasks, user)
    return states


def install() -> None:
    """Serve ``TaskState.objects.reviewable_by`` (every caller: the dashboard panel, the reports) from here."""
    BaseTaskStateManager.reviewable_by = reviewable_by
