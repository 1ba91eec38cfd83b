from django.urls import path

from openom.assessment import views

app_name = "assessments"
urlpatterns = [path("countersign/", views.countersign_queue, name="countersign-queue")]
