from django.urls import path

from hearth.cin import plan_views as views

app_name = "cin"
urlpatterns = [
    path("child/<uuid:person_uuid>/", views.child_cin_plans_view, name="child_cin_plans"),
    path("child/<uuid:person_uuid>/start/", views.start_cin_plan_view, name="start_cin_plan"),
    path("child/<uuid:person_uuid>/plans/<int:plan_id>/review/", views.review_cin_plan_view,
         name="review_cin_plan"),
    path("child/<uuid:person_uuid>/plans/<int:plan_id>/visit/", views.visit_cin_plan_view,
         name="visit_cin_plan"),
    path("child/<uuid:person_uuid>/plans/<int:plan_id>/end/", views.end_cin_plan_view,
         name="end_cin_plan"),
]
