"""Admin: endpoints (add, edit, remove) and the delivery log (inspect, resend), for holders of
``webhooks.manage_webhooks`` only."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton

from cms.webhooks.forms import WebhookEndpointForm
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.permissions import ManageWebhooksPolicy
from cms.webhooks.sender import resend


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Địa chỉ webhook")
    copy_view_enabled = False
    list_display = ["url", "description", "events_display", "site", "active"]
    list_filter = ["active", "site"]
    edit_handler = ObjectList(
        [
            FieldPanel("url"),
            FieldPanel("description"),
            FieldPanel("site"),
            FieldPanel("events"),
            FieldPanel("secret"),
            FieldPanel("active"),
        ],
        base_form_class=WebhookEndpointForm,
    )


class DeliveryIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(ListingButton(_("Gửi lại"), url=resend_url(instance), icon_name="resubmit", priority=40))
        return buttons


class DeliveryInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        return [HeaderButton(_("Gửi lại"), url=resend_url(self.object), icon_name="resubmit")]


def resend_url(delivery) -> str:
    return reverse("webhook_delivery:resend", args=[delivery.pk])


class ResendView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation (GET), then queues a new delivery of the same event (POST)."""

    permission_policy = ManageWebhooksPolicy(WebhookDelivery, actions=("view", "resend"))  # as registered
    permission_required = "resend"
    template_name = "webhooks/resend.html"
    page_title = _("Gửi lại webhook")
    header_icon = "resubmit"

    def setup(self, request, *args, pk=None, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.object = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)

    def get_page_subtitle(self):
        return str(self.object)

    def post(self, request, *args, **kwargs):
        delivery = resend(self.object)
        messages.success(
            request,
            _("Đã xếp hàng gửi lại sự kiện %(event)s (mã %(uid)s).") % {"event": delivery.event, "uid": delivery.uid},
        )
        return redirect("webhook_delivery:index")


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Nhật ký gửi webhook")
    url_prefix = "webhooks/deliveries"
    copy_view_enabled = False
    inspect_view_enabled = True
    # The log is never edited (the policy grants only "view" and "resend"); Wagtail still builds a form class.
    form_fields = ["status"]
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    list_display = [
        "event",  # the title column: links to the inspect view and carries the row's buttons
        Column("endpoint", label=_("Địa chỉ webhook")),
        StatusTagColumn(
            "get_status_display",
            label=_("Trạng thái"),
            sort_key="status",
            primary=lambda delivery: delivery.status == WebhookDelivery.Status.DELIVERED,
        ),
        Column("attempts", label=_("Số lần thử"), sort_key="attempts"),
        Column("response_code", label=_("Mã phản hồi")),
        Column("created_at", label=_("Ngày tạo"), sort_key="created_at"),
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_fields = [
        "uid",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_code",
        "error",
        "last_attempt_at",
        "next_attempt_at",
        "created_at",
        "resend_of",
        "payload",
    ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("endpoint")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/resend/", ResendView.as_view(), name="resend"),
        ]


class WebhookViewSetGroup(ViewSetGroup):
    menu_label = _("Webhook")
    menu_icon = "link-external"
    menu_order = 850
    items = (
        WebhookEndpointViewSet("webhook_endpoint", url_prefix="webhooks/endpoints"),
        WebhookDeliveryViewSet("webhook_delivery"),
    )
