from django.urls import path

from openom.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("start/<int:sentence_pk>/", views.plan_start, name="start"),
    path("<int:pk>/draft/", views.plan_save_draft, name="draft"),
    path("<int:pk>/objectives/add/", views.objective_create, name="objective-add"),
    path("<int:pk>/complete/", views.plan_complete, name="complete"),
    path("<int:pk>/reviews/add/", views.review_create, name="review-add"),
]
