from django.urls import path

from teilhabe.stakeholders.views import actors, transfer

app_name = "stakeholders"

urlpatterns = [
    # A municipality's stakeholder analysis
    path("municipalities/<int:pk>/actors/", actors.actor_list, name="actor_list"),
    path("municipalities/<int:pk>/actors/new/", actors.actor_create, name="actor_create"),
    path("municipalities/<int:pk>/actors/matrix/", actors.matrix, name="matrix"),
    path("municipalities/<int:pk>/actors/coverage/", actors.coverage, name="coverage"),
    path("municipalities/<int:pk>/actors/import/", transfer.actor_import, name="actor_import"),
    path(
        "municipalities/<int:pk>/actors/import/confirm/",
        transfer.actor_import_confirm,
        name="actor_import_confirm",
    ),
    path(
        "municipalities/<int:pk>/actors/export.<str:fmt>",
        transfer.actor_export,
        name="actor_export",
    ),
    # One actor
    path("actors/<int:pk>/", actors.actor_detail, name="actor_detail"),
    path("actors/<int:pk>/edit/", actors.actor_edit, name="actor_edit"),
    path("actors/<int:pk>/delete/", actors.actor_delete, name="actor_delete"),
    path("actors/<int:pk>/assess/", actors.actor_assess, name="actor_assess"),
    path("actors/<int:pk>/involvement/", actors.actor_involvement, name="actor_involvement"),
    path("actors/<int:pk>/participations/", actors.participation_add, name="participation_add"),
    # The category catalogue (programme office)
    path("actor-categories/", actors.category_list, name="category_list"),
    path("actor-categories/new/", actors.category_edit, name="category_create"),
    path("actor-categories/<int:category_pk>/", actors.category_edit, name="category_edit"),
]
