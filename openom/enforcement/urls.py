from django.urls import path

from openom.enforcement import views

app_name = "enforcement"
urlpatterns = [path("<int:pk>/", views.action_detail, name="action")]
