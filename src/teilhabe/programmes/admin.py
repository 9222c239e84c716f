from django.contrib import admin

from teilhabe.programmes import services
from teilhabe.programmes.models import Application, Municipality, Programme, Round


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "default_budget"]
    filter_horizontal = ["office_members"]
    inlines = [RoundInline]

    def save_model(self, request, obj, form, change):
        # Through the service: a new programme starts with the default catalogue.
        # The office members (a many-to-many field) are saved by the admin afterwards.
        services.save_programme(obj, by=request.user)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "state", "ags", "population"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "ags"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["municipality", "round", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "round"]
    search_fields = ["municipality__name"]
    raw_id_fields = ["municipality", "created_by"]
    # Submitting and deciding are actions with consequences (mail, the process opened
    # on admission): they happen through the services, not by editing these fields.
    readonly_fields = ["status", "submitted_at", "decided_at", "decided_by"]
