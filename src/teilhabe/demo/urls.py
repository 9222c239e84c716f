from django.urls import path

from teilhabe.demo import views

app_name = "demo"

urlpatterns = [
    path("demo/login/", views.demo_login, name="login"),
]
