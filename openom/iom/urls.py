from django.urls import path

from openom.iom import views

app_name = "iom"
urlpatterns = [
    path("", views.cohort, name="cohort"),
    path("matrix/", views.matrix, name="matrix"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/", views.referral_screen, name="referral-screen"),
    path("candidates/", views.candidate_list, name="candidates"),
    path("members/<int:pk>/", views.member_detail, name="member"),
    path("members/<int:pk>/review/", views.member_review, name="review"),
    path("members/<int:pk>/actions/new/", views.action_add, name="action-add"),
    path("meetings/new/", views.meeting_build, name="meeting-build"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/items/<int:item>/minutes/", views.meeting_minutes, name="minutes"),
    path("outcomes/", views.outcomes, name="outcomes"),
]
