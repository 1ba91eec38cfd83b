from django.urls import path

from openom.home import views

app_name = "home"
urlpatterns = [
    path("", views.home, name="home"),
    path("home/<slug:slug>/", views.role_home, name="role"),
    path("home/<slug:slug>/export.csv", views.role_home_export, name="role-export"),
]
