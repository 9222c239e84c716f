from django.contrib import admin
from django.urls import include, path

from teilhabe.accounts.views import set_language

urlpatterns = [
    path("", include("teilhabe.dashboards.urls")),
    path("", include("teilhabe.core.urls")),
    path("accounts/", include("teilhabe.accounts.urls")),
    path("", include("teilhabe.programmes.urls")),
    path("", include("teilhabe.processes.urls")),
    path("", include("teilhabe.stakeholders.urls")),
    path("", include("teilhabe.selfcheck.urls")),
    path("", include("teilhabe.demo.urls")),
    # The language switch also stores the choice on the signed-in person's profile.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Teilhabe"
admin.site.site_title = "Teilhabe"
