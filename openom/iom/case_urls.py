from django.urls import path

from openom.iom import views

app_name = "iom-case"
urlpatterns = [path("refer/", views.referral_create, name="refer")]
