from django.urls import path

from openom.tiering import views

app_name = "tiering"
urlpatterns = [
    path(
        "supervision-ceased/<int:sentence_pk>/",
        views.supervision_ceased,
        name="supervision-ceased",
    )
]
