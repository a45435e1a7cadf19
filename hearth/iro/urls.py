from django.urls import path

from hearth.iro import views

app_name = "iro"
CHILD = "child/<uuid:person_uuid>/"
urlpatterns = [
    path(CHILD, views.child_challenges_view, name="child_challenges"),
    path(f"{CHILD}raise/", views.raise_challenge_view, name="raise_challenge"),
    path(f"{CHILD}challenges/<int:challenge_id>/respond/", views.respond_to_challenge_view,
         name="respond_to_challenge"),
    path(f"{CHILD}challenges/<int:challenge_id>/escalate/", views.escalate_challenge_view,
         name="escalate_challenge"),
    path(f"{CHILD}challenges/<int:challenge_id>/resolve/", views.resolve_challenge_view,
         name="resolve_challenge"),
    path("report/", views.challenge_report_view, name="challenge_report"),
]
