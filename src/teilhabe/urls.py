from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("teilhabe.dashboards.urls")),
    path("", include("teilhabe.core.urls")),
    path("accounts/", include("teilhabe.accounts.urls")),
    path("", include("teilhabe.programmes.urls")),
    path("", include("teilhabe.processes.urls")),
    path("", include("teilhabe.stakeholders.urls")),
    path("", include("teilhabe.selfcheck.urls")),
    path("", include("teilhabe.demo.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Teilhabe"
admin.site.site_title = "Teilhabe"
