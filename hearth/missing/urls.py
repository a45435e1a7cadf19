from django.urls import path

from hearth.missing import episode_views as views
from hearth.missing import report_views

app_name = "missing"
CHILD = "child/<uuid:person_uuid>/"
EPISODE = f"{CHILD}episodes/<int:missing_episode_id>/"

urlpatterns = [
    path("report/", report_views.missing_report_view, name="missing_report"),
    path(CHILD, views.child_missing_view, name="child_missing"),
    path(f"{CHILD}episodes/add/", views.record_missing_episode_view,
         name="record_missing_episode"),
    path(f"{CHILD}police-notifications/add/", views.record_police_notification_view,
         name="record_police_notification"),
    path(f"{EPISODE}return/", views.record_return_view, name="record_return"),
    path(f"{EPISODE}offers/add/", views.record_interview_offer_view,
         name="record_interview_offer"),
    path(f"{EPISODE}interview/", views.record_return_interview_view,
         name="record_return_interview"),
]
