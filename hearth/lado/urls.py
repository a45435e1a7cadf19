from django.urls import path

from hearth.lado import views

app_name = "lado"
ALLEGATION = "<int:allegation_id>/"
urlpatterns = [
    path("", views.allegation_list_view, name="allegations"),
    path("new/", views.record_allegation_view, name="record_allegation"),
    path(ALLEGATION, views.allegation_view, name="allegation"),
    path(f"{ALLEGATION}change/", views.change_allegation_view, name="change_allegation"),
    path(f"{ALLEGATION}initial-consideration/", views.consideration_view,
         name="record_consideration"),
    path(f"{ALLEGATION}meetings/new/", views.meeting_view, name="record_meeting"),
    path(f"{ALLEGATION}outcome/", views.outcome_view, name="record_outcome"),
    path(f"{ALLEGATION}close/", views.close_view, name="close_allegation"),
    path("figures/", views.report_view, name="report"),
    path("team/", views.team_view, name="team"),
    path("team/<int:member_id>/end/", views.end_membership_view, name="end_membership"),
]
