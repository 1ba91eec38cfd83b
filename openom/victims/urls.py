from django.urls import path

from openom.victims import views

app_name = "victims"
urlpatterns = [
    path("", views.victim_list, name="list"),
    path("add/", views.victim_create, name="add"),
    path("<int:pk>/change/", views.victim_edit, name="edit"),
    path("share-summary/", views.victim_summary_create, name="share-summary"),
    path("summary/", views.victim_summary, name="summary"),
]
