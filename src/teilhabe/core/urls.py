from django.urls import path

from teilhabe.core import views

app_name = "core"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("mail/<int:pk>/send-again/", views.mail_send_again, name="mail_send_again"),
]
