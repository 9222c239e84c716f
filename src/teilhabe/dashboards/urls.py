from django.urls import path

from teilhabe.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mail/<int:pk>/send-again/", views.mail_send_again, name="mail_send_again"),
]
