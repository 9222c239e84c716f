from django.urls import path

from teilhabe.programmes import views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("municipalities/", views.municipality_list, name="municipality_list"),
    path("municipalities/new/", views.municipality_create, name="municipality_create"),
    path("municipalities/<int:pk>/", views.municipality_detail, name="municipality_detail"),
    path("municipalities/<int:pk>/edit/", views.municipality_edit, name="municipality_edit"),
    path("applications/", views.application_list, name="application_list"),
    path("rounds/<int:round_pk>/apply/", views.application_create, name="application_create"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    # People keep their address under /accounts/: bookmarks made before the move still work.
    path("accounts/people/", views.people, name="people"),
    path("accounts/people/invite/", views.invite, name="invite"),
]
