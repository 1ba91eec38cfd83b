from django.urls import path

from openom.contacts import views

app_name = "contacts"
urlpatterns = [
    path("", views.contact_list, name="list"),
    path("arrange/", views.contact_create, name="arrange"),
    path("<int:pk>/", views.contact_detail, name="detail"),
    path("<int:pk>/outcome/", views.contact_outcome, name="outcome"),
]
