from django.urls import path

from openom.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/", views.TwoFactorView.as_view(), name="two-factor"),
    path("two-factor/set-up/", views.TwoFactorSetUpView.as_view(), name="two-factor-set-up"),
]
