from django.contrib import admin

from teilhabe.processes.models import (
    Block,
    BlockDocument,
    BlockType,
    Catalogue,
    ConsultingEntry,
    Process,
    ProcessLogEntry,
)


class BlockTypeInline(admin.TabularInline):
    model = BlockType
    extra = 0


@admin.register(Catalogue)
class CatalogueAdmin(admin.ModelAdmin):
    list_display = ["programme", "version", "status", "published_at"]
    list_filter = ["programme", "status"]
    # Publishing retires the previous version (processes.services.publish_catalogue);
    # setting the status here would leave two published versions.
    readonly_fields = ["status", "published_at"]
    inlines = [BlockTypeInline]


class BlockInline(admin.TabularInline):
    model = Block
    extra = 0
    fields = ["name", "phase", "position", "status", "planned_start", "planned_end"]


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round", "started_on", "budget"]
    list_filter = ["round"]
    search_fields = ["municipality__name"]
    filter_horizontal = ["facilitators"]
    raw_id_fields = ["application"]
    inlines = [BlockInline]


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["name", "process", "phase", "status", "planned_end"]
    list_filter = ["status", "phase"]
    search_fields = ["name", "process__municipality__name"]


@admin.register(BlockDocument)
class BlockDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "block", "content_type", "size", "uploaded_at"]


@admin.register(ConsultingEntry)
class ConsultingEntryAdmin(admin.ModelAdmin):
    list_display = ["process", "date", "facilitator", "quantity", "unit", "cost", "deleted_at"]
    list_filter = ["unit", ("deleted_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["deleted_at", "deleted_by", "deletion_reason"]
    raw_id_fields = ["block"]

    # Entries are deleted on the budget page, which keeps who, when and why.
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProcessLogEntry)
class ProcessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "process", "actor", "action", "subject"]
    list_filter = ["action"]

    # The log is written by services only; operators may read it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
