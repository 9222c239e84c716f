from django.urls import path

from teilhabe.processes import views

app_name = "processes"

urlpatterns = [
    path("processes/", views.process_list, name="process_list"),
    path("processes/<int:pk>/", views.process_detail, name="process_detail"),
    path("processes/<int:pk>/timeline/", views.process_timeline, name="process_timeline"),
    path("processes/<int:pk>/log/", views.process_log, name="process_log"),
    path("processes/<int:pk>/blocks/add/", views.block_add, name="block_add"),
    path("processes/<int:pk>/budget/", views.budget, name="budget"),
    path("processes/<int:pk>/facilitators/", views.facilitators, name="facilitators"),
    path("processes/<int:pk>/close/", views.process_close, name="process_close"),
    path("processes/<int:pk>/reopen/", views.process_reopen, name="process_reopen"),
    path("blocks/<int:pk>/", views.block_detail, name="block_detail"),
    path("blocks/<int:pk>/edit/", views.block_edit, name="block_edit"),
    path("blocks/<int:pk>/status/", views.block_status, name="block_status"),
    path("blocks/<int:pk>/move/", views.block_move, name="block_move"),
    path("blocks/<int:pk>/documents/", views.document_upload, name="document_upload"),
    path("consulting/<int:pk>/edit/", views.consulting_edit, name="consulting_edit"),
    path("consulting/<int:pk>/delete/", views.consulting_delete, name="consulting_delete"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", views.document_delete, name="document_delete"),
    path("programmes/<int:pk>/catalogue/", views.catalogue_list, name="catalogue_list"),
    path("programmes/<int:pk>/catalogue/draft/", views.catalogue_draft, name="catalogue_draft"),
    path("catalogues/<int:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path("catalogues/<int:pk>/publish/", views.catalogue_publish, name="catalogue_publish"),
    path("catalogues/<int:pk>/types/new/", views.block_type_edit, name="block_type_create"),
    path("catalogues/<int:pk>/types/<int:type_pk>/", views.block_type_edit, name="block_type_edit"),
]
