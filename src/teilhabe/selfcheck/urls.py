from django.urls import path

from teilhabe.selfcheck.views import instruments, respond, results, rounds

app_name = "selfcheck"

urlpatterns = [
    # Rounds of a municipality
    path("municipalities/<int:pk>/selfcheck/", rounds.round_list, name="round_list"),
    path("municipalities/<int:pk>/selfcheck/new/", rounds.round_create, name="round_create"),
    path("selfcheck/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("selfcheck/<int:pk>/status/", rounds.round_status, name="round_status"),
    path("selfcheck/<int:pk>/invitations/", rounds.invitation_create, name="invitation_create"),
    # Answering: administration staff with an account, everybody else by link
    path("selfcheck/<int:pk>/answer/", respond.answer_as_member, name="answer"),
    path("selfcheck/invitation/<str:token>/", respond.respond, name="respond"),
    # Results
    path("selfcheck/<int:pk>/results/", results.results, name="results"),
    path("selfcheck/<int:pk>/workshop/", results.workshop, name="workshop"),
    path("selfcheck/<int:pk>/report.pdf", results.report_pdf, name="report_pdf"),
    path("selfcheck/<int:pk>/answers.xlsx", results.answers_xlsx, name="answers_xlsx"),
    # Instruments (programme office)
    path("instruments/", instruments.instrument_list, name="instrument_list"),
    path("instruments/versions/<int:pk>/", instruments.version_detail, name="version_detail"),
    path(
        "instruments/versions/<int:pk>/succeed/",
        instruments.version_succeed,
        name="version_succeed",
    ),
    path(
        "instruments/versions/<int:pk>/publish/",
        instruments.version_publish,
        name="version_publish",
    ),
]
