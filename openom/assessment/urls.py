from django.urls import path

from openom.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.assessment_overview, name="overview"),
    path("start/", views.assessment_begin, name="start"),
    path("<int:pk>/sections/<str:section>/", views.assessment_edit, name="edit"),
    path("<int:pk>/complete/", views.assessment_finish, name="complete"),
    path("<int:pk>/countersign/", views.assessment_sign, name="countersign"),
    path("predictors/add/", views.predictor_create, name="predictor-add"),
]
