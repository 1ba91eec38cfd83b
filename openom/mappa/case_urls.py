from django.urls import path

from openom.mappa import views

app_name = "mappa-case"
urlpatterns = [path("refer/", views.referral_create, name="refer")]
