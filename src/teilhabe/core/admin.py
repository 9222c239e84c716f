from django.contrib import admin

from teilhabe.core.models import LegalPage, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Read only: mails change only through sending (and "Send again" on the dashboard).

    The body is left out: until a mail is sent it may hold a personal password or
    invitation link.
    """

    list_display = ["created_at", "recipient", "subject", "status", "attempts", "caused_by"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["caused_by"]
    fields = [
        "template",
        "recipient",
        "language",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "sent_at",
        "caused_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The operator writes the imprint, privacy policy and accessibility statement here."""

    list_display = ["kind", "updated_at"]
    fields = ["kind", "text_de", "text_en"]
