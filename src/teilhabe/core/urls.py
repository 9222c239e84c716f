from django.urls import path

from teilhabe.core import views

app_name = "core"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("legal/<slug:kind>/", views.legal, name="legal"),
]
